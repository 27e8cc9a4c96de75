"""Interview rehearsal view."""
