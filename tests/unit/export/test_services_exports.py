"""The export and verify use cases (``ipaudit.services.exports``): the services read the workspace
once and hand the export plain data; the export itself reads no workspace."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ipaudit.export import pack
from ipaudit.export.errors import TargetExists
from ipaudit.export.options import ExportOptions
from ipaudit.export.source import PackSource
from ipaudit.services import Workspace
from ipaudit.services.exports import (
    default_name,
    export_history,
    export_pack,
    pack_source,
    verify_pack,
)

SMALL = ExportOptions(include_evidence=False)


def test_the_source_is_one_read_of_the_workspace(demo: Path) -> None:
    with Workspace.open(demo) as ws:
        src = pack_source(ws)
        assert src.info == ws.info()
        assert src.files is ws  # evidence bytes are streamed from the open workspace
        assert len(src.evidence) == len(ws.evidence(include_old=True))
        assert {d.key for d in src.departments} == {d.key for d in ws.departments()}
        assert src.findings == ws.assess().findings
        assert src.ledger.reconciliation is not None  # the demo has its ledgers imported
        assert src.ledger.entries and src.history == []
        created = ws.created_at()
    assert created and src.created_at == dt.datetime.fromisoformat(created)


def test_export_records_the_pack_and_verify_finds_it_by_workspace_path(
    demo: Path, tmp_path: Path
) -> None:
    with Workspace.open(demo) as ws:
        result = export_pack(ws, tmp_path / "p", SMALL)
        [record] = export_history(ws)
        assert pack_source(ws).history == [record]  # the next export's trend reads it
    assert record.manifest_sha256 == result.manifest_sha256
    assert record.target == str(result.path.resolve())
    assert record.options["figures"] == result.recorded["figures"]
    alone = verify_pack(result.path)
    assert alone.ok and alone.recorded is None  # no workspace asked
    against = verify_pack(result.path, demo)  # a path: the service opens it
    assert against.ok and [r["manifest_sha256"] for r in against.recorded] == [
        record.manifest_sha256
    ]


def test_a_refused_target_reads_nothing(demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "taken"
    target.mkdir()
    (target / "mine.txt").write_text("not a pack", encoding="utf-8")
    reads: list[PackSource] = []
    with Workspace.open(demo) as ws:

        def read() -> PackSource:
            reads.append(pack_source(ws))
            return reads[-1]

        with pytest.raises(TargetExists):
            pack.export_pack(read, target, SMALL)
        assert reads == [] and export_history(ws) == []
        result = pack.export_pack(read, tmp_path / "free", SMALL)
        assert len(reads) == 1 and result.files > 2
        assert export_history(ws) == []  # the export alone does not record: the service does


def test_default_name_names_the_company_and_the_audit_day(demo: Path) -> None:
    with Workspace.open(demo) as ws:
        info = ws.info()
        name = default_name(ws, ExportOptions(lang="en", as_zip=True))
    assert name.endswith(f"-{info.audit_start.isoformat()}.zip")
    assert "readiness-pack" in name
