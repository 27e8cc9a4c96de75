"""The auditor's request list view."""
