"""Test configuration shared by every suite: offscreen Qt, a pinned locale, isolated settings,
and Hypothesis settings that do not depend on the machine's load."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["IPAUDIT_LANG"] = "zh"
os.environ.setdefault("TZ", "Asia/Shanghai")
if hasattr(time, "tzset"):  # the interpreter read TZ at start: without this only xdist workers,
    time.tzset()  # started after this line, would run in Asia/Shanghai
# Exports fill the report's contents page numbers through LibreOffice only in the tests of that
# (they ask for it with ExportOptions(toc_pages=True)); everywhere else it would add seconds.
os.environ["IPAUDIT_TOC_PAGES"] = "0"

# No per-example deadline: a busy two-core machine is slow now and then, and that is not a bug.
# In CI no example database and derandomised examples: a clean clone gives the same verdict each
# time, so a commit's CI run says whether that commit is right. Exploration happens on developer
# machines (the default profile, random examples, a local database of the failures found).
settings.register_profile("default", deadline=None)
settings.register_profile("ci", deadline=None, database=None, derandomize=True, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "default")

# PostgreSQL fixtures (pg_server, pg_url) for the tests marked "pg": see tests/pg.py
from tests.pg import pg_server, pg_url, workspace_address  # noqa: E402, F401


@pytest.fixture(scope="session")
def demo_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo workspace, built once per session (per worker); tests change only copies."""
    from ipaudit.demo.build import build_demo

    return build_demo(tmp_path_factory.mktemp("demo") / "demo.ipaudit")


@pytest.fixture
def demo_path(demo_master: Path, tmp_path: Path) -> Path:
    """A fresh copy of the demo workspace for the test."""
    target = tmp_path / "demo.ipaudit"
    shutil.copyfile(demo_master, target)
    return target
