"""Exporting the pack: atomic, cancellable, deterministic, safe names, options honoured."""

from __future__ import annotations

import hashlib
import os
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import update

from ipaudit.export.errors import EvidenceDamaged, TargetExists
from ipaudit.export.manifest import verify
from ipaudit.export.options import ExportOptions
from ipaudit.export.safenames import PATH_BUDGET, RESERVED
from ipaudit.progress import Cancelled
from ipaudit.services import Workspace
from ipaudit.services.exports import export_pack
from ipaudit.store import schema as s

from .conftest import Exported


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".part-" in p.name or ".old-" in p.name)


def test_layout_and_every_file_in_the_manifest(pack_zh: Exported) -> None:
    root = pack_zh.path
    for name in ("迎审就绪报告.docx", "迎审工作簿.xlsx", "说明.txt", "manifest.json", "SHA256SUMS"):
        assert (root / name).is_file()
    assert (root / "访谈准备单").is_dir() and (root / "证据").is_dir()
    files = {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}
    listed = {r.path for r in pack_zh.result.manifest}
    assert files - listed == {"manifest.json", "SHA256SUMS"}
    for record in pack_zh.result.manifest:
        data = (root / record.path).read_bytes()
        assert hashlib.sha256(data).hexdigest() == record.sha256
    with Workspace.open(pack_zh.workspace) as ws:
        current = ws.evidence()
        older = [e for e in ws.evidence(include_old=True) if not e.current]
    evidence = [r for r in pack_zh.result.manifest if r.path.startswith("证据/")]
    assert len(evidence) == len(current) + len(older)
    assert {r.sha256 for r in evidence} == {e.sha256 for e in current + older}
    if older:
        assert any("/旧版本/" in r.path for r in evidence)


def test_deterministic(demo: Path, tmp_path: Path) -> None:
    outputs = []
    for n in (1, 2):
        with Workspace.open(demo) as ws:
            folder = (
                export_pack(ws, tmp_path / f"f{n}" / "pack", ExportOptions())
                if (tmp_path / f"f{n}").mkdir() is None
                else None
            )
            zipped = export_pack(ws, tmp_path / f"f{n}" / "pack.zip", ExportOptions(as_zip=True))
        assert folder is not None
        outputs.append((folder, zipped))
    (a, az), (b, bz) = outputs
    assert az.path.read_bytes() == bz.path.read_bytes()
    files_a = sorted(p.relative_to(a.path) for p in a.path.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b.path) for p in b.path.rglob("*") if p.is_file())
    assert files_a == files_b
    for rel in files_a:
        assert (a.path / rel).read_bytes() == (b.path / rel).read_bytes(), rel


def test_zip_stores_compressed_formats_and_deflates_text(pack_en: Exported) -> None:
    with zipfile.ZipFile(pack_en.path) as z:
        infos = z.infolist()
        names = [i.filename for i in infos]
    evidence = [n for n in names if n.startswith("pack/evidence/")]
    others = [n for n in names[len(evidence) : -2]]
    assert names[: len(evidence)] == sorted(evidence)  # evidence first, by path
    assert others == sorted(others)  # then the documents, by path
    assert names[-2:] == ["pack/manifest.json", "pack/SHA256SUMS"]
    by_ext = {
        i.filename.rsplit(".", 1)[-1]: i.compress_type
        for i in infos
        if "." in i.filename.rsplit("/", 1)[-1]
    }
    assert by_ext["docx"] == zipfile.ZIP_STORED
    assert by_ext["xlsx"] == zipfile.ZIP_STORED
    assert by_ext["txt"] == zipfile.ZIP_DEFLATED
    assert by_ext["json"] == zipfile.ZIP_DEFLATED
    assert len({i.date_time for i in infos}) == 1


def test_cancel_leaves_nothing(demo: Path, tmp_path: Path) -> None:
    calls = 0

    def cancel() -> bool:
        nonlocal calls
        calls += 1
        return calls > 20

    for as_zip in (False, True):
        calls = 0
        target = tmp_path / ("p.zip" if as_zip else "p")
        with Workspace.open(demo) as ws, pytest.raises(Cancelled):
            export_pack(ws, target, ExportOptions(as_zip=as_zip), cancel=cancel)
        assert not target.exists()
        assert leftovers(tmp_path) == []


def test_cancel_at_the_very_end_leaves_nothing(demo: Path, tmp_path: Path) -> None:
    """The last check happens after everything is written, just before the rename."""
    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        seen.append(done)

    with Workspace.open(demo) as ws:
        export_pack(ws, tmp_path / "probe", ExportOptions(), progress=progress)
        checks = 0

        def cancel() -> bool:
            nonlocal checks
            checks += 1
            return checks >= needed

        # count the cancel checks of a full run, then cancel at the last one
        counter = 0

        def count() -> bool:
            nonlocal counter
            counter += 1
            return False

        export_pack(ws, tmp_path / "probe2", ExportOptions(), cancel=count)
        needed = counter
        with pytest.raises(Cancelled):
            export_pack(ws, tmp_path / "late", ExportOptions(), cancel=cancel)
    assert not (tmp_path / "late").exists()
    assert leftovers(tmp_path) == []
    assert seen == sorted(seen) and seen[-1] > 0


def test_damaged_evidence_fails_cleanly(demo: Path, tmp_path: Path) -> None:
    with Workspace.open(demo) as ws:
        victim = ws.evidence()[0]
        with ws.store._write() as conn:
            blob_id = (
                conn.execute(s.blobs.select().where(s.blobs.c.sha256 == victim.sha256)).first().id
            )
            conn.execute(
                update(s.blob_chunks)
                .where(s.blob_chunks.c.blob_id == blob_id, s.blob_chunks.c.seq == 0)
                .values(data=b"tampered")
            )
        with pytest.raises(EvidenceDamaged) as info:
            export_pack(ws, tmp_path / "p", ExportOptions())
    assert victim.original_name in info.value.message("zh")
    assert not (tmp_path / "p").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["ws"]


def test_existing_target_and_overwrite(demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "p"
    with Workspace.open(demo) as ws:
        export_pack(ws, target, ExportOptions(include_evidence=False))
        with pytest.raises(TargetExists):
            export_pack(ws, target, ExportOptions())
        export_pack(ws, target, ExportOptions(overwrite=True))  # an earlier pack: replaced
    assert (target / "证据").is_dir()
    assert verify(target).ok
    assert leftovers(tmp_path) == []


def test_options_no_evidence_and_forms(demo: Path, tmp_path: Path) -> None:
    with Workspace.open(demo) as ws:
        result = export_pack(ws, tmp_path / "p", ExportOptions(include_evidence=False))
        findings = ws.findings()
        missing_with_forms = {
            f.item_key
            for f in findings
            if f.code
            in ("evidence_missing", "too_few_records", "record_set_incomplete", "year_not_covered")
            and ws.item(f.item_key).forms
        }
    assert not (result.path / "证据").exists()
    assert "按导出选项，本资料包未包含证据文件。" in result.note_texts("zh")
    forms = [r.path for r in result.manifest if r.path.startswith("空白表单/")]
    assert len(forms) >= len(missing_with_forms) > 0


def test_hostile_evidence_names_land_inside(demo: Path, tmp_path: Path) -> None:
    hostile = [
        "../../x",
        "CON.txt",
        "长" * 300 + ".pdf",
        "Report.PDF",
        "report.pdf",
        "a:b*?.txt",
        "trailing. . ",
    ]
    with Workspace.open(demo) as ws:
        item = next(i for i in ws.template.items if i.kind.value == "records" and ws.owner(i))
        for n, name in enumerate(hostile):
            source = tmp_path / f"src{n}.bin"
            source.write_bytes(f"evidence {n}".encode())
            ev = ws.attach(item.key, source)
            with ws.store._write() as conn:  # names as another platform's client stored them
                conn.execute(
                    update(s.evidence).where(s.evidence.c.id == ev.id).values(original_name=name)
                )
        result = (
            export_pack(ws, tmp_path / "out" / "p", ExportOptions())
            if (tmp_path / "out").mkdir() is None
            else None
        )
    assert result is not None
    root = result.path.resolve()
    paths = [r.path for r in result.manifest]
    for rel in paths:
        full = (root / rel).resolve()
        assert full.is_relative_to(root) and full.is_file()
        assert len(root.name) + 1 + len(rel) <= PATH_BUDGET
        for part in rel.split("/"):
            assert part.split(".")[0].upper() not in RESERVED
            assert not part.endswith((".", " "))
            assert not any(c in part for c in '<>:"\\|?*')
    folded = [p.casefold() for p in paths]
    assert len(set(folded)) == len(folded)
    assert sorted(os.listdir(tmp_path / "out")) == ["p"]
    with Workspace.open(demo) as ws:
        from ipaudit.services.exports import pack_data

        data = pack_data(ws, ExportOptions(), "p")
    originals = {e.evidence.original_name for e in data.evidence}
    assert set(hostile) <= originals  # the index keeps the original names


def test_progress_reaches_the_end(demo: Path, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    with Workspace.open(demo) as ws:
        export_pack(ws, tmp_path / "p", ExportOptions(), progress=lambda d, t: seen.append((d, t)))
    assert seen
    dones = [d for d, _ in seen]
    assert dones == sorted(dones)
    assert seen[-1][0] == seen[-1][1]
    assert max(t for _, t in seen) < 2**31


def test_workspace_without_ledgers_or_evidence(tmp_path: Path) -> None:
    import docx
    import openpyxl

    from ipaudit.demo import content

    with Workspace.create(tmp_path / "empty.ipaudit", content.INFO) as ws:
        result = export_pack(ws, tmp_path / "p", ExportOptions())
        findings = ws.findings()
    assert verify(result.path).ok
    report = docx.Document(str(result.path / "迎审就绪报告.docx"))
    text = "\n".join(p.text for p in report.paragraphs)
    assert "工作区尚未导入财务台账" in text
    book = openpyxl.load_workbook(result.path / "迎审工作簿.xlsx")
    assert book["台账核对汇总"]["A2"].value == "尚未导入财务台账。"
    assert "奖惩记录表" not in book.sheetnames
    assert book["发现项"].max_row == len(findings) + 1
    assert not (result.path / "证据").exists()


def _zip_dates(data: bytes) -> set[tuple[int, ...]]:
    """Every entry date in an OOXML file, embedded workbooks included."""
    import io

    dates: set[tuple[int, ...]] = set()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for info in z.infolist():
            dates.add(info.date_time)
            if info.filename.endswith((".xlsx", ".docx")):
                dates |= _zip_dates(z.read(info.filename))
    return dates


def test_documents_carry_the_workspace_date_not_the_clock(pack_zh: Exported) -> None:
    import json

    from ipaudit.export.zipstable import zip_time

    manifest = json.loads((pack_zh.path / "manifest.json").read_text(encoding="utf-8"))
    as_of = __import__("datetime").datetime.fromisoformat(manifest["as_of"])
    offices = [
        p
        for p in pack_zh.path.rglob("*")
        if p.suffix in (".docx", ".xlsx") and "证据" not in p.parts
    ]
    assert len(offices) > 5
    for path in offices:
        data = path.read_bytes()
        stamp = zip_time(as_of)
        assert _zip_dates(data) == {(*stamp[:5], stamp[5] - stamp[5] % 2)}, path.name  # DOS: 2 s
        with zipfile.ZipFile(path) as z:
            core = z.read("docProps/core.xml").decode()
        stamp = as_of.strftime("%Y-%m-%dT%H:%M:%S")
        assert core.count(stamp) >= 2, path.name  # created and modified


def _all_text(path: Path) -> str:
    """Every text of a .docx or .xlsx, as one string."""
    with zipfile.ZipFile(path) as z:
        return "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))


def test_redaction_masks_documents_not_evidence(demo: Path, tmp_path: Path) -> None:
    from dataclasses import replace as dc_replace

    person_id, mobile = "11010519491231002X", "13812345678"
    other_number = "110105194912310021"  # 18 digits, wrong check digit: not an ID
    with Workspace.open(demo) as ws:
        facts = ws.facts()
        dep = ws.departments(active_only=True)[0].key
        duties = f"联系人身份证 {person_id}，手机 {mobile}，合同编号 {other_number}"
        ws.set_facts(dc_replace(facts, duties={**facts.duties, dep: duties}))
        ev = ws.evidence()[0]
        ws.update_evidence(ev.id, title=f"身份证复印件 {person_id}")
        masked = export_pack(ws, tmp_path / "masked", ExportOptions(redact=True))
        plain = export_pack(ws, tmp_path / "plain", ExportOptions())
    documents = ["迎审就绪报告.docx", "迎审工作簿.xlsx"]
    interviews = sorted((masked.path / "访谈准备单").glob("*.docx"))
    for rel in [*documents, *(p.relative_to(masked.path).as_posix() for p in interviews)]:
        text = _all_text(masked.path / rel)
        assert person_id not in text and mobile not in text, rel
    report = _all_text(masked.path / "迎审就绪报告.docx")
    assert "110105********002X" in report and "138****5678" in report
    assert other_number in report  # not an ID number: left alone
    assert person_id in _all_text(plain.path / "迎审就绪报告.docx")
    evidence_m = {r.path: r.sha256 for r in masked.manifest if r.path.startswith("证据/")}
    evidence_p = {r.path: r.sha256 for r in plain.manifest if r.path.startswith("证据/")}
    assert evidence_m == evidence_p  # evidence files are the originals


def test_redaction_leaves_digests_and_document_numbers_and_says_so(
    demo: Path, tmp_path: Path
) -> None:
    """Free text is masked in every written form; structured fields never are; the cover says
    the evidence files are not redacted."""
    from dataclasses import replace as dc_replace

    with Workspace.open(demo) as ws:
        facts = ws.facts()
        dep = ws.departments(active_only=True)[0].key
        duties = "联系人手机 +86 139 8765 4321，备用 １３７１２３４５６７８，座机 138-1111-2222"
        ws.set_facts(dc_replace(facts, duties={**facts.duties, dep: duties}))
        ev = ws.evidence()[0]
        ws.update_evidence(ev.id, doc_number="13812345678")  # a number that looks like a mobile
        masked = export_pack(ws, tmp_path / "masked", ExportOptions(redact=True))
    report = _all_text(masked.path / "迎审就绪报告.docx")
    book = _all_text(masked.path / "迎审工作簿.xlsx")
    for text in (report, book):
        assert "13812345678" in text  # the document number, verbatim
        for digest in {r.sha256 for r in masked.manifest if r.path.startswith("证据/")}:
            assert digest in text
    assert "+86 139 **** 4321" in report and "１３７****５６７８" in report
    assert "138-****-2222" in report and "98765" not in report
    assert "证据文件为原件，其内容未做脱敏" in report


def test_redaction_reaches_evidence_file_names(demo: Path, tmp_path: Path) -> None:
    person_id = "11010519491231002X"
    with Workspace.open(demo) as ws:
        item = next(i for i in ws.template.items if i.kind.value == "records" and ws.owner(i))
        source = tmp_path / f"身份证-{person_id}.pdf"
        source.write_bytes(b"%PDF-1.4 scan")
        ws.attach(item.key, source)
        result = export_pack(ws, tmp_path / "p", ExportOptions(redact=True))
    paths = [r.path for r in result.manifest]
    assert not any(person_id in p for p in paths)
    assert any("身份证-110105________002X.pdf" in p for p in paths)  # "*" is not allowed on Windows
    assert verify(result.path).ok
