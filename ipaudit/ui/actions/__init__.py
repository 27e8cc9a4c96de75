"""Corrective actions view: the list with filters, one action's editor, undoable edits."""
