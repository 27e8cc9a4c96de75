"""The department checklist: navigator, checklist tree and item panel, with their models and dialogs."""

from __future__ import annotations
