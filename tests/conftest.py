"""Test configuration shared by every suite: offscreen Qt, a pinned locale, isolated settings,
and Hypothesis settings that do not depend on the machine's load."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
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


@pytest.fixture(scope="session", autouse=True)
def checklist_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Parsed checklists kept for the session (services.template_cache, as the desktop app keeps
    them in its data folder), for the commands run in this process and in the processes it starts:
    each opening of a workspace would otherwise parse the checklist's YAML again (~80 ms, a third
    of a short command's time). The cache hands back the parsed data only for the same text and
    the checklist is validated as usual; tests of the cache itself set their own folder."""
    from ipaudit.services import template_cache

    before = os.environ.get(template_cache.CACHE_ENV)
    folder = tmp_path_factory.mktemp("checklist-cache")
    os.environ[template_cache.CACHE_ENV] = str(folder)
    yield folder
    if before is None:
        os.environ.pop(template_cache.CACHE_ENV, None)
    else:
        os.environ[template_cache.CACHE_ENV] = before


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


@pytest.fixture(scope="session")
def audit_demo_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo as the app builds it, with the audit day and the cycle (plan, request list, mock
    audit, corrective actions), built once per session (per worker); tests change only copies."""
    from ipaudit.demo.build import build_demo

    return build_demo(tmp_path_factory.mktemp("audit-demo") / "demo.ipaudit", audit_day=True)


#: Test modules holding the longest tests (10-60 s each on two busy cores), run first: the two
#: workers (``-n 2``) then share the rest of the suite out as they finish them, and neither is
#: left running one of them alone at the end. The order of all other tests is kept.
LONG_FIRST = (
    "tests/ui/test_layout_fits.py",
    "tests/unit/export/test_toc_pages.py",
    "tests/integration/test_cli_fuzz.py",
    "tests/unit/domain/test_department_names.py",
    "tests/unit/export/test_pdf.py",
    "tests/unit/export/test_target.py",
    "tests/unit/test_template_malformed.py",
    "tests/unit/export/test_report_page_one.py",
    "tests/integration/test_cli_edit_safety.py",
    "tests/unit/export/test_report_reading.py",
    "tests/integration/test_packet_fuzz.py",
    "tests/integration/test_concurrent_edits.py",
    "tests/integration/test_crash_safety.py",
    "tests/integration/pg/test_server_concurrent_edits.py",
    "tests/unit/store/test_cycle_storage.py",
    "tests/unit/export/test_budget_table.py",
    "tests/unit/test_evidence_dates_doc.py",
    "tests/unit/export/test_verdict.py",
    "tests/integration/test_department_changes.py",
    "tests/packaging/test_install.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {module: n for n, module in enumerate(LONG_FIRST)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::", 1)[0], len(rank)))
