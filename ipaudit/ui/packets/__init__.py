"""Department packets for offline work: the export and import dialogs (File menu)."""
