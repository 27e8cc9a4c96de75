"""The finance ledgers in the GUI: the import wizard and the reconciliation view."""
