"""The findings panel: every finding of the workspace, filtered, accepted or withdrawn."""
