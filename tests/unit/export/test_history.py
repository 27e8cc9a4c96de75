"""Tamper evidence: each export records its manifest's SHA-256 in the workspace; ``verify --workspace``
catches a pack whose files, manifest and SHA256SUMS were all rewritten consistently."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from ipaudit import cli
from ipaudit.export.manifest import MANIFEST, SUMS, verify
from ipaudit.services import Workspace
from ipaudit.services.exports import export_history, verify_pack


def _export(demo: Path, target: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> dict:
    assert cli.main(["export", str(demo), str(target), "--no-evidence", "--json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def _forge(pack: Path) -> None:
    """Rewrite a document, then the manifest and SHA256SUMS to match: a consistent forgery."""
    victim = pack / "说明.txt"
    victim.write_text("rewritten after the export", encoding="utf-8")
    data = victim.read_bytes()
    manifest = json.loads((pack / MANIFEST).read_text(encoding="utf-8"))
    for f in manifest["files"]:
        if f["path"] == "说明.txt":
            f["size"], f["sha256"] = len(data), hashlib.sha256(data).hexdigest()
    (pack / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    (pack / SUMS).write_text(
        "".join(f"{f['sha256']}  {f['path']}\n" for f in manifest["files"]), encoding="utf-8"
    )


def test_export_records_and_prints_the_manifest_digest(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = _export(demo, tmp_path / "pack", capsys)
    digest = hashlib.sha256((tmp_path / "pack" / MANIFEST).read_bytes()).hexdigest()
    assert report["manifest_sha256"] == digest
    assert cli.main(["exports", str(demo), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [r["manifest_sha256"] for r in listed] == [digest]
    assert listed[0]["target"] == str((tmp_path / "pack").resolve())
    assert listed[0]["options"]["include_evidence"] is False
    assert listed[0]["files"] == report["files"]
    assert cli.main(["exports", str(demo)]) == 0
    assert digest in capsys.readouterr().out
    assert cli.main(["export", str(demo), str(tmp_path / "p2"), "--no-evidence"]) == 0
    human = capsys.readouterr().out
    with Workspace.open(demo) as ws:
        newest = export_history(ws)[0]
    assert newest.manifest_sha256 in human and len(history_of(demo)) == 2


def history_of(demo: Path) -> list:
    with Workspace.open(demo) as ws:
        return export_history(ws)


def test_a_consistent_forgery_passes_plain_verify_but_not_the_workspace_check(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = tmp_path / "pack"
    _export(demo, pack, capsys)
    with Workspace.open(demo) as ws:
        genuine = verify_pack(pack, ws)
    assert genuine.ok and genuine.recorded and genuine.recorded[0]["target"] == str(pack.resolve())
    _forge(pack)
    assert verify(pack).ok  # what verify alone cannot see (README says so)
    with Workspace.open(demo) as ws:
        forged = verify_pack(pack, ws)
    assert not forged.ok and forged.recorded == []
    code = cli.main(["verify", str(pack), "--workspace", str(demo), "--json"])
    assert code == cli.EXIT_BLOCKING
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False and report["recorded"] == []
    assert report["manifest_sha256"] == hashlib.sha256((pack / MANIFEST).read_bytes()).hexdigest()
    assert cli.main(["verify", str(pack), "--workspace", str(demo)]) == cli.EXIT_BLOCKING
    out = capsys.readouterr().out
    assert "导出记录中没有此清单" in out


def test_a_pack_from_another_workspace_is_not_in_the_history(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from ipaudit.demo import content

    pack = tmp_path / "pack"
    _export(demo, pack, capsys)
    other = tmp_path / "other.ipaudit"
    Workspace.create(other, content.INFO).close()
    assert cli.main(["verify", str(pack), "--workspace", str(other)]) == cli.EXIT_BLOCKING
    assert cli.main(["verify", str(pack), "--workspace", str(demo)]) == cli.EXIT_OK
    assert "导出记录相符" in capsys.readouterr().out


def test_a_read_only_workspace_exports_and_says_the_history_was_not_recorded(
    demo: Path, tmp_path: Path
) -> None:
    from ipaudit.export.options import ExportOptions
    from ipaudit.services.exports import export_pack

    before = demo.read_bytes()
    with Workspace.open(demo, read_only=True) as ws:
        result = export_pack(ws, tmp_path / "pack", ExportOptions(include_evidence=False))
    assert verify(result.path).ok
    [note] = [n for n in result.notes if n.key == "note.history_not_recorded"]
    assert "read-only" in note.text("en") and "只读" in note.text("zh")
    assert "只读" not in note.text("en")
    assert demo.read_bytes() == before
    assert history_of(demo) == []
