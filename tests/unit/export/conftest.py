"""Fixtures for the readiness pack: the demo workspace, and one pack exported from it per session."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from ipaudit.demo.build import build_demo
from ipaudit.export.options import ExportOptions
from ipaudit.services import Workspace
from ipaudit.services.exports import PackResult, export_pack


@pytest.fixture(scope="session")
def demo_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo(tmp_path_factory.mktemp("demo") / "demo.ipaudit")


@pytest.fixture
def demo(demo_master: Path, tmp_path: Path) -> Path:
    """A fresh copy of the demo workspace for a test that changes it."""
    target = tmp_path / "ws" / "demo.ipaudit"
    target.parent.mkdir()
    shutil.copyfile(demo_master, target)
    return target


@dataclass(frozen=True)
class Exported:
    workspace: Path
    result: PackResult

    @property
    def path(self) -> Path:
        return self.result.path


def _export(factory: pytest.TempPathFactory, master: Path, options: ExportOptions) -> Exported:
    folder = factory.mktemp("pack")
    ws_path = folder / "demo.ipaudit"
    shutil.copyfile(master, ws_path)
    with Workspace.open(ws_path) as ws:
        result = export_pack(ws, folder / ("pack.zip" if options.as_zip else "pack"), options)
    return Exported(ws_path, result)


@pytest.fixture(scope="session")
def pack_zh(tmp_path_factory: pytest.TempPathFactory, demo_master: Path) -> Exported:
    """The demo exported in Chinese as a folder, older versions included."""
    return _export(tmp_path_factory, demo_master, ExportOptions(lang="zh", older_versions=True))


@pytest.fixture(scope="session")
def pack_pdf(tmp_path_factory: pytest.TempPathFactory, demo_master: Path) -> Exported:
    """The demo exported without evidence, with the report as PDF (LibreOffice lays the report
    out twice: for the contents' page numbers, then for the PDF)."""
    options = ExportOptions(pdf=True, include_evidence=False, toc_pages=False)
    return _export(tmp_path_factory, demo_master, options)


@pytest.fixture(scope="session")
def pack_en(tmp_path_factory: pytest.TempPathFactory, demo_master: Path) -> Exported:
    """The demo exported in English as a zip."""
    return _export(tmp_path_factory, demo_master, ExportOptions(lang="en", as_zip=True))
