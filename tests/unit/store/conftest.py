"""Fixtures for the store tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ipaudit.demo.content import INFO
from ipaudit.services import Workspace
from ipaudit.store.workspace_store import WorkspaceStore


@pytest.fixture
def store(workspace_address: str) -> Iterator[WorkspaceStore]:
    """A new workspace with the built-in template (a file, or a database on the test server),
    opened as a bare store; test files that need other contents define their own ``store``."""
    Workspace.create(workspace_address, INFO).close()
    st = WorkspaceStore.open(workspace_address)
    yield st
    st.close()
