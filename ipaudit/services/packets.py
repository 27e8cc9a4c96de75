"""Department packets for offline work: one department's checklist as a workbook to fill in
Excel or WPS, with a folder per item for new evidence files, zipped; and reading it back.

``export_packet`` writes the zip and remembers the packet in the workspace (a record of kind
"packet": the department, each item's version and values as exported, the folders), so that
importing it can tell what the department head changed from what was exported, and what someone
changed in the workspace meanwhile. ``read_packet`` reads a zip (or an unpacked folder, or the
workbook itself) without touching any workspace — the packet's folder at any depth in the zip,
names written in GBK by Windows, the workbook saved again as .xls/.ods/.csv beside or instead of
the .xlsx (of differently filled copies the one saved last, and the preview says so);
``preview_packet`` compares it with the
workspace: every change (status, reason, notes, answers), every new file with its proposed
dates, every conflict (the item was changed in the workspace since the export and differently)
and every problem (file, sheet, row, column). ``apply_packet`` stores the changes — a conflict
only when the caller chose the packet's value — and attaches the new files through
``Workspace.attach``.

Nothing outside the packet's department is ever changed: a row whose item is not the
department's (any more) is reported and left out.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import unicodedata
import uuid
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any

from ipaudit.domain.model import Evidence, Item, ItemKind, ItemState, Status, Text
from ipaudit.domain.rules import is_mandatory
from ipaudit.export import packet_xlsx as px
from ipaudit.export.atomic_file import replacing
from ipaudit.export.i18n import STATUS_TEXT
from ipaudit.export.safenames import safe_component
from ipaudit.export.target import free_name
from ipaudit.export.zipstable import entry
from ipaudit.progress import CancelCheck, Cancelled, Progress
from ipaudit.services.workspace import Workspace, answered, with_notes
from ipaudit.store.errors import EditConflict, InvalidInput, NotPermitted
from ipaudit.text import counted

KIND = "packet"  # the records kind of exported packets
ZIP = ".zip"
EVIDENCE_FOLDER = Text("新证据文件", "new evidence")
README = Text("填写说明.txt", "README.txt")
IGNORED_NAMES = frozenset({".ds_store", "thumbs.db", "desktop.ini"})
FIELD_TEXT = {
    "status": Text("状态", "status"),
    "na_reason": Text("不适用理由", "reason if not applicable"),
    "notes": Text("备注", "notes"),
    "answer": Text("回答", "answer"),
}


class PacketRefused(InvalidInput):
    """A packet that cannot be imported at all (another workspace or department, altered)."""

    code = "packet_refused"


@dataclass(frozen=True, slots=True)
class Problem:
    """Something the user should know about the packet: ``where`` (file, sheet, row, column)
    and what; ``error`` when the packet cannot be imported."""

    where: Text
    message: Text
    error: bool = False

    def text(self, lang: str) -> str:
        sep = "：" if lang != "en" else ": "
        where = self.where.get(lang)
        return f"{where}{sep}{self.message.get(lang)}" if where else self.message.get(lang)


@dataclass(frozen=True, slots=True)
class PacketFile:
    """A file found in the packet's folders: where it is in the packet (``name``) and on disk."""

    name: str  # relative, "/"-separated
    path: Path


@dataclass(slots=True)
class Packet:
    """What a packet holds, read without any workspace. ``close()`` removes what was unpacked."""

    source: Path
    workbook_name: str
    content: px.ReadWorkbook
    files: list[PacketFile]
    problems: list[Problem]
    _tmp: tempfile.TemporaryDirectory[str] | None = None

    @property
    def meta(self) -> dict[str, str]:
        return self.content.meta

    @property
    def packet_id(self) -> str:
        return self.content.meta.get("packet_id", "")

    @property
    def department(self) -> str:
        return self.content.meta.get("department", "")

    def close(self) -> None:
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    def __enter__(self) -> Packet:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@dataclass(frozen=True, slots=True)
class Change:
    """One value the packet changes: ``field`` is status, na_reason, notes or answer (with its
    question). ``conflict``: the workspace changed it too since the export, differently."""

    item_key: str
    field: str
    question_key: str
    item_title: Text
    label: Text  # the field, or the question's text
    where: Text  # sheet and cell
    base: str  # as exported
    workspace: str  # as stored now
    packet: str  # as the department head left it
    conflict: bool = False
    edited_by: str = ""  # on a conflict: who saved the item in the workspace last
    edited_at: str = ""  # and when (local time, "YYYY-MM-DD HH:MM"); "" when not recorded

    @property
    def key(self) -> str:
        return f"{self.item_key}|{self.field}|{self.question_key}"


@dataclass(frozen=True, slots=True)
class NewFile:
    """A file of the packet to attach to ``item_key``/``slot``, with its proposed dates;
    ``skip`` (with ``warning``) for an empty file or one the item has already."""

    item_key: str
    slot: str
    name: str
    path: Path
    size: int
    sha256: str
    doc_date: dt.date | None
    period_start: dt.date | None
    period_end: dt.date | None
    date_source: str  # "sheet", "name", "text", "properties", "pdf" or ""
    item_title: Text
    warning: Text | None = None
    skip: bool = False


@dataclass(slots=True)
class Preview:
    """Every change a packet makes to a workspace, read against the workspace as it is now."""

    packet: Packet
    department: str
    department_name: Text
    changes: list[Change]
    files: list[NewFile]
    problems: list[Problem]
    current: dict[str, ItemState]  # each item's state as the preview read it
    exported_at: str = ""
    imported: list[str] = field(default_factory=list)  # when this packet was imported before

    @property
    def repeat(self) -> Text | None:
        """What to say when this packet was imported before (None the first time)."""
        if not self.imported:
            return None
        when = self.imported[-1][:16].replace("T", " ")
        if self.empty:
            return Text(
                f"这个填报包已于 {when} 导入过；再次导入不会有任何改动。",
                f"This packet was imported on {when} already; importing it again changes nothing.",
            )
        return Text(
            f"这个填报包已于 {when} 导入过；下面只列出仍与工作区不同的内容。",
            f"This packet was imported on {when} already; only what still differs from the"
            " workspace is listed.",
        )

    @property
    def conflicts(self) -> list[Change]:
        return [c for c in self.changes if c.conflict]

    @property
    def attachable(self) -> list[NewFile]:
        return [f for f in self.files if not f.skip]

    @property
    def empty(self) -> bool:
        return not self.changes and not self.attachable

    def close(self) -> None:
        self.packet.close()

    def __enter__(self) -> Preview:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@dataclass(slots=True)
class Applied:
    """What ``apply_packet`` stored: each item's state before and after, the files attached (and
    the state of their item before the first one), conflicts left as they were and what could
    not be stored."""

    states: list[tuple[ItemState, ItemState]] = field(default_factory=list)
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)
    state_before_files: dict[str, ItemState] = field(default_factory=dict)
    kept: list[Change] = field(default_factory=list)  # conflicts where the workspace's value stays
    applied: list[Change] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    cancelled: bool = False

    @property
    def files(self) -> int:
        return sum(len(v) for v in self.evidence.values())


@dataclass(frozen=True, slots=True)
class ExportedPacket:
    path: Path
    packet_id: str
    department: str
    items: int
    folders: int
    #: False when the workspace could not remember the packet (a read-only login or workspace):
    #: the packet is for reading, it cannot be imported back
    recorded: bool = True

    @property
    def note(self) -> Text | None:
        if self.recorded:
            return None
        return NOT_RECORDED


NOT_RECORDED = Text(
    "这个工作区对您的登录是只读的，没有登记这个填报包：它只供查看，填好交回后无法导入。"
    "需要部门填写并交回时，请由体系专员或该部门负责人导出。",
    "The workspace is read-only for your login, so it does not remember this packet: it is for"
    " reading, and cannot be imported once filled in. When the department is to fill it in"
    " and send it back, the compliance manager or the department's head exports it.",
)


def export_rights(ws: Workspace, department: str) -> bool:
    """Whether the login of ``ws`` may export ``department``'s packet and have it remembered
    (True), may export it for reading only (False: a read-only login or workspace, which
    cannot store the packet's record), or neither: PacketRefused for a department head and
    another department's packet, asked before anything is written."""
    from ipaudit.services.team import team_identity

    who = team_identity(ws)
    if who.kind == "department" and department not in who.departments:
        dep = ws.department(department)
        own = "、".join(ws.department(d).name.zh for d in who.departments)
        own_en = ", ".join(ws.department(d).name.en for d in who.departments)
        raise PacketRefused(
            f"您的登录只能导出本部门（{own}）的填报包；“{dep.name.zh}”的填报包请由该部门负责人"
            "或体系专员导出。",
            f"Your login exports only its own department's packet ({own_en}); the packet of"
            f" '{dep.name.en}' is exported by that department's head or the compliance manager.",
        )
    return who.kind != "readonly" and not ws.read_only


# --- exporting ----------------------------------------------------------------------------------


def default_name(
    ws: Workspace, department: str, lang: str = "zh", day: dt.date | None = None
) -> str:
    """``<company>-<department>-部门填报包-<date>.zip`` in ``lang``."""
    dep = ws.department(department)
    stamp = (day or dt.date.today()).strftime("%Y%m%d")
    word = "部门填报包" if lang != "en" else "department-packet"
    name = f"{ws.info().company}-{dep.name.get(lang)}-{word}-{stamp}"
    return safe_component(name, 90) + ZIP


def free_target(folder: Path, name: str) -> Path:
    """``folder/name`` when nothing has that name, else ``name-2.zip``, ``name-3.zip`` …"""
    if not name.lower().endswith(ZIP):
        name += ZIP
    return folder / free_name(folder, name)


def _slot_folders(ws: Workspace, item: Item, state: ItemState, lang: str) -> list[tuple[str, str]]:
    """(sub-folder name, slot) for the places of a record set or a yearly item."""
    if item.kind is ItemKind.RECORD_SET:
        label = item.instance_label.get(lang) if item.instance_label else ""
        out = []
        for i in range(1, max(item.instances, 1) + 1):
            named = state.instance_names[i - 1] if i - 1 < len(state.instance_names) else ""
            head = f"{label}{i}" if lang != "en" else f"{label} {i}".strip()
            if named:
                head += f" {named}"
            for sub in item.sub_records:
                out.append((safe_component(f"{head} {sub.title.get(lang)}", 40), f"{i}/{sub.key}"))
        return out
    if item.kind is ItemKind.YEARLY:
        suffix = "年" if lang != "en" else ""
        return [(f"{y}{suffix}", f"year:{y}") for y in ws.info().period_years()]
    return []


def packet_rows(
    ws: Workspace, department: str, lang: str
) -> tuple[list[px.SheetRow], dict[str, int], list[px.FolderEntry], dict[str, dict[str, Any]]]:
    """The checklist rows, item versions, folders and the values as exported of ``department``."""
    items = ws.items_of(department)
    states = ws.states()
    evidence: dict[str, list[Evidence]] = {}
    for ev in ws.evidence():
        evidence.setdefault(ev.item_key, []).append(ev)
    root = EVIDENCE_FOLDER.get(lang)
    rows: list[px.SheetRow] = []
    versions: dict[str, int] = {}
    folders: list[px.FolderEntry] = []
    base: dict[str, dict[str, Any]] = {}
    for n, item in enumerate(items, start=1):
        state = states.get(item.key, ItemState(item.key))
        folder = f"{root}/{safe_component(f'{n:02d} {item.title.get(lang)}', 48)}"
        folders.append(px.FolderEntry(folder, item.key, ""))
        for sub, slot in _slot_folders(ws, item, state, lang):
            folders.append(px.FolderEntry(f"{folder}/{sub}", item.key, slot))
        files = [e.title or e.original_name for e in evidence.get(item.key, [])]
        shown = "\n".join(files[:10]) + ("\n…" if len(files) > 10 else "")
        ref = item.refs.get(ws.info().edition.value)
        rows.append(
            px.SheetRow(
                item.key,
                "",
                str(n),
                ref.clause if ref else item.clause,
                item.title.get(lang),
                item.guidance.get(lang),
                state.status,
                state.na_reason,
                "",
                state.notes,
                shown,
                folder.replace("/", "\\"),
            )
        )
        for q, question in enumerate(item.questions, start=1):
            rows.append(
                px.SheetRow(
                    item.key,
                    question.key,
                    f"{n}.{q}",
                    "",
                    question.text.get(lang),
                    answer=state.answers.get(question.key, ""),
                )
            )
        versions[item.key] = state.version
        base[item.key] = {
            "version": state.version,
            "status": state.status.value,
            "na_reason": state.na_reason,
            "notes": state.notes,
            "answers": dict(state.answers),
        }
    return rows, versions, folders, base


def _readme(lang: str, meta: px.PacketMeta) -> bytes:
    if lang == "en":
        text = (
            f"Department packet of {meta.department_name} — {meta.company}\r\n\r\n"
            "1. Open the workbook in Excel or WPS and fill in the yellow cells only.\r\n"
            "2. Put new evidence files in the folder of their item (the workbook's last column"
            " names it; a record set has a folder per record).\r\n"
            "3. Save the workbook under the same name, zip the whole folder and send it back.\r\n"
        )
    else:
        text = (
            f"{meta.company} {meta.department_name} 部门填报包\r\n\r\n"
            "1. 用 Excel 或 WPS 打开工作簿，只填写黄色单元格。\r\n"
            "2. 把新的证据文件放入对应条目的文件夹（工作簿最后一列写明了文件夹；成套记录每份记录一个文件夹）。\r\n"
            "3. 以原文件名保存工作簿，把整个文件夹压缩后交回。\r\n"
        )
    return text.encode("utf-8-sig")


def export_packet(
    ws: Workspace,
    department: str,
    target: Path | str,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
    *,
    lang: str = "zh",
    overwrite: bool = False,
) -> ExportedPacket:
    """Write ``department``'s packet to ``target`` (a .zip; the suffix is added when missing)
    and remember it in the workspace. InvalidInput when the department is unknown, has no items
    or the target exists (unless ``overwrite``); PacketRefused when the login may not export it
    (``export_rights``). A read-only login's packet is written but not remembered."""
    dep = ws.department(department)
    recorded = export_rights(ws, dep.key)
    target = Path(target)
    if target.suffix.lower() != ZIP:
        target = target.with_name(target.name + ZIP)
    if target.exists() and not overwrite:
        raise InvalidInput(
            f"{target} 已存在；请换一个文件名。",
            f"{target} exists already; choose another name.",
            target,
        )
    if not target.parent.is_dir():
        raise InvalidInput(
            f"文件夹 {target.parent} 不存在。",
            f"The folder {target.parent} does not exist.",
            target,
        )
    rows, versions, folders, base = packet_rows(ws, dep.key, lang)
    if not versions:
        raise InvalidInput(
            f"部门“{dep.name.zh}”没有清单条目，无需导出填报包。",
            f"The department '{dep.name.en}' has no checklist items; there is nothing to export.",
            target,
        )
    now = dt.datetime.now().replace(microsecond=0)
    packet_id = uuid.uuid4().hex
    meta = px.PacketMeta(
        packet_id=packet_id,
        department=dep.key,
        department_name=dep.name.get(lang),
        company=ws.info().company,
        workspace_created=ws.created_at() or "",
        exported_at=now.isoformat(),
        lang=lang,
    )
    stem = target.name[: -len(ZIP)]
    total = len(folders) + 2
    if progress:
        progress(0, total)
    workbook = px.build_workbook(meta, rows, versions, folders, now)
    book_name = f"{px.SHEET_TITLE.get(lang)}.xlsx" if lang != "en" else "checklist.xlsx"
    with replacing(target, suffix=".part") as tmp:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(entry(f"{stem}/{book_name}", now, False), workbook)
            zf.writestr(entry(f"{stem}/{README.get(lang)}", now, True), _readme(lang, meta))
            done = 2
            for folder in folders:
                if cancel is not None and cancel():
                    raise Cancelled()
                info = zipfile.ZipInfo(f"{stem}/{folder.folder}/", entry("x", now, False).date_time)
                info.external_attr = (0o40755 << 16) | 0x10
                zf.writestr(info, b"")
                done += 1
                if progress:
                    progress(done, total)
        if recorded:
            _remember(ws, packet_id, dep.key, now, lang, target, base, folders)
    return ExportedPacket(target, packet_id, dep.key, len(versions), len(folders), recorded)


def _remember(
    ws: Workspace,
    packet_id: str,
    department: str,
    now: dt.datetime,
    lang: str,
    target: Path,
    base: dict[str, dict[str, Any]],
    folders: list[px.FolderEntry],
) -> None:
    ws.records.put(
        KIND,
        packet_id,
        {
            "department": department,
            "exported_at": now.isoformat(),
            "lang": lang,
            "file": target.name,
            "folder": str(target.parent.resolve()),
            "items": base,
            "folders": [[f.folder, f.item_key, f.slot] for f in folders],
            "imports": [],
        },
        department=department,
    )


# --- reading ------------------------------------------------------------------------------------


def _zip_name(info: zipfile.ZipInfo) -> str:
    """An entry's name as written: zips made by Windows' "send to compressed folder" on a Chinese
    system carry GBK names without saying so (Python reads them as code page 437)."""
    name = info.filename
    if not info.flag_bits & 0x800:
        try:
            raw = name.encode("cp437")
        except UnicodeEncodeError:
            return name
        try:
            name = raw.decode("utf-8")
        except UnicodeDecodeError:
            name = raw.decode("gb18030", errors="replace")
    return name.replace("\\", "/")


def _zip_dir(info: zipfile.ZipInfo) -> bool:
    """A folder entry: its name ends in "/", or in "\\" as PowerShell 5's Compress-Archive
    writes every name (Python takes "\\" for a separator only on Windows)."""
    return info.is_dir() or _zip_name(info).endswith("/")


def _norm(name: str) -> str:
    """A relative path as compared: NFC (a Mac writes NFD), "/" separated, case folded."""
    parts = [p for p in unicodedata.normalize("NFC", name).replace("\\", "/").split("/") if p]
    return "/".join(parts).casefold()


def _ignored(name: str) -> bool:
    parts = [p for p in name.split("/") if p]
    return (
        not parts
        or parts[-1].startswith("~$")  # Excel's lock file
        or parts[-1].casefold() in IGNORED_NAMES
        or any(p.startswith(".") or p == "__MACOSX" for p in parts)
    )


def _refused(source: Path, zh: str, en: str) -> PacketRefused:
    return PacketRefused(f"{source}：{zh}", f"{source}: {en}", source)


def read_packet(
    path: Path | str, progress: Progress | None = None, cancel: CancelCheck | None = None
) -> Packet:
    """Read a packet: a .zip (the packet's folder in it at any depth), the folder it was
    unpacked to, or its workbook alone (.xlsx, or saved again as .xls, .et, .ods, .xlsb; a .csv
    of the checklist sheet needs the packet's workbook beside it). PacketRefused when there is
    no packet workbook, or more than one packet in it."""
    source = Path(path)
    if not source.exists():
        raise _refused(source, "文件不存在。", "the file does not exist.")
    if source.is_dir():
        return _read_folder(source, source)
    if zipfile.is_zipfile(source) and not _is_book(source.name):
        return _read_zip(source, progress, cancel)
    if _is_book(source.name):
        return _read_folder(source.parent, source, only=source)
    raise _refused(
        source,
        "不是 zip 文件，也不是填报包的工作簿；请选择交回的 .zip 文件。",
        "is neither a zip file nor a packet's workbook; choose the .zip file sent back.",
    )


#: how deep in a zip or folder the packet's workbook may be: "<packet>/部门清单.xlsx", or one or
#: two folders deeper when the folder holding the packet was zipped
BOOK_DEPTH = 4
BOOK_LIMIT = 50 << 20  # a larger file is no packet workbook (and would take long to read)


def _is_book(name: str) -> bool:
    return PurePosixPath(name).suffix.lower() in px.SPREADSHEET_SUFFIXES


def _book_candidate(name: str) -> bool:
    """A file that may be the packet's workbook or a copy of it: a spreadsheet near the top,
    not among the new evidence files (which may be workbooks too)."""
    parts = PurePosixPath(name).parts
    evidence = {_norm(EVIDENCE_FOLDER.zh), _norm(EVIDENCE_FOLDER.en)}
    return (
        _is_book(name)
        and len(parts) <= BOOK_DEPTH
        and not any(_norm(p) in evidence for p in parts[:-1])
        and not _ignored(name)
    )


@dataclass(frozen=True, slots=True)
class _Candidate:
    name: str  # relative, "/"-separated
    content: px.ReadWorkbook
    mtime: float  # when it was last saved


def _filled(content: px.ReadWorkbook) -> frozenset[tuple[Any, ...]]:
    """What a workbook's rows hold, wherever they are in the sheet."""
    return frozenset(
        (r.item_key, r.question_key, r.status, r.na_reason, r.answer, r.notes, r.date)
        for r in content.rows
    )


def _choose_workbook(
    source: Path, candidates: list[_Candidate], *, chosen: str = ""
) -> tuple[str, str, px.ReadWorkbook, list[Problem], set[str]]:
    """The packet's workbook (its name and the name of the file whose rows are read, the content,
    notes on the choice and the names of the workbook and its copies, which are no new files).
    The rows are those of the file saved last among the workbook and its copies (the workbook
    saved again as .xls, .ods or .csv beside it), or of ``chosen``."""
    packets = [
        c for c in candidates if c.content.identity and c.content.meta.get("format") == px.FORMAT
    ]
    # a copy with no rows is no copy of the workbook, unless it is the file chosen: then it is
    # what is read (nothing), not a crash nor the workbook beside it in its place
    copies = [
        c
        for c in candidates
        if not c.content.identity and (c.content.rows or (chosen and c.name == chosen))
    ]
    if not packets:
        if copies:
            names = "、".join(c.name for c in copies)
            raise _refused(
                source,
                f"{names} 是清单另存的副本（如 CSV），不含填报包隐藏的工作表（来源、版本），单独无法导入。"
                "请把它放回导出时的填报包文件夹，与原来的工作簿放在一起，再导入整个文件夹或重新压缩的 zip；"
                "或在 Excel/WPS 中把填好的内容复制回原来的工作簿。",
                f"{', '.join(c.name for c in copies)} is a copy of the checklist saved in another"
                " format (such as CSV), without the packet's hidden sheets (where it comes from,"
                " the versions), and cannot be imported alone. Put it back in the packet's folder"
                " beside the workbook as exported and import the folder (or the folder zipped"
                " again); or copy what was filled in back into the original workbook.",
            )
        bad = [f"{c.name}: {p.text('zh')}" for c in candidates for p in c.content.errors[:1]]
        bad_en = [f"{c.name}: {p.text('en')}" for c in candidates for p in c.content.errors[:1]]
        raise _refused(
            source,
            "找不到填报包的工作簿（应有一个由 ipaudit 导出的 .xlsx）。" + "；".join(bad),
            "no packet workbook found (an .xlsx exported by ipaudit)." + " ".join(bad_en),
        )
    if len({c.content.meta.get("packet_id") for c in packets}) > 1:
        names = "、".join(c.name for c in packets)
        raise _refused(
            source,
            f"有多个填报包工作簿（{names}）；请只保留填写的那一个。",
            f"there are several packet workbooks ({', '.join(c.name for c in packets)}); keep"
            " only the one filled in.",
        )
    identity = max(packets, key=lambda c: c.mtime)
    same = [*packets, *copies]
    books = {c.name for c in same}
    filled = {c.name: _filled(c.content) for c in same}
    if chosen:
        rows = next(c for c in same if c.name == chosen)
    elif len(set(filled.values())) == 1:
        rows = identity
    else:
        newest = sorted(same, key=lambda c: -c.mtime)
        if (
            len(newest) > 1
            and abs(newest[0].mtime - newest[1].mtime) < 2
            and filled[newest[0].name] != filled[newest[1].name]
        ):
            names = "、".join(c.name for c in newest[:2])
            raise _refused(
                source,
                f"{names} 是同一填报包、填写内容不同的两个文件，且保存时间相同，无法判断哪个是最后填写的；请只保留一个。",
                f"{', '.join(c.name for c in newest[:2])} are two files of the same packet"
                " filled in differently and saved at the same time; which is the last cannot be"
                " told: keep only one.",
            )
        rows = newest[0]
    others = [c.name for c in same if filled[c.name] != filled[rows.name]]
    if not others:
        return identity.name, rows.name, _merged(identity, rows), [], books
    note = Problem(
        Text(rows.name, rows.name),
        Text(
            f"填报包中有多份填写内容不同的工作簿；读取的是最后保存的这一份，未读取：{'、'.join(others)}。"
            "如果应读取另一份，请只保留那一份后重新导入。",
            f"the packet holds copies of the workbook filled in differently; the one saved"
            f" last is read, not: {', '.join(others)}. If another should be read, keep only"
            " that one and import again.",
        ),
    )
    return identity.name, rows.name, _merged(identity, rows), [note], books


def _merged(identity: _Candidate, rows: _Candidate) -> px.ReadWorkbook:
    """The packet's workbook with the rows of ``rows`` (the same workbook, or a copy of it)."""
    if rows is identity:
        return identity.content
    own = [p for p in identity.content.problems if p.sheet in px.HIDDEN_SHEETS]
    return replace(
        rows.content,
        meta=identity.content.meta,
        versions=identity.content.versions,
        folders=identity.content.folders,
        problems=[*own, *rows.content.problems],
        identity=True,
    )


def _packet_problems(book: str, content: px.ReadWorkbook) -> list[Problem]:
    out = []
    for p in content.problems:
        where = (
            Text(f"{book} {p.where('zh')}", f"{book}, {p.where('en')}")
            if p.sheet != book
            else Text(
                f"{book}" + (f" 第 {p.row} 行" if p.row else "") + _cell_zh(p),
                f"{book}" + (f", row {p.row}" if p.row else "") + _cell_en(p),
            )
        )
        out.append(Problem(where, p.message, p.error))
    return out


def _cell_zh(p: px.CellProblem) -> str:
    return f" {p.column} 列" if p.column else ""


def _cell_en(p: px.CellProblem) -> str:
    return f", column {p.column}" if p.column else ""


def _near_top(root: Path, depth: int) -> list[Path]:
    """The files at most ``depth`` levels below ``root`` (its own files are level 1), sorted:
    where the packet's workbook may be. A folder holding much else (a whole drive chosen by
    mistake) is not walked to its last file to find it."""
    found = []
    for top, dirs, files in os.walk(root):
        level = len(Path(top).relative_to(root).parts) + 1  # of the files in ``top``
        if level >= depth:
            dirs.clear()
        found += [Path(top, f) for f in files]
    return sorted(found)


def _read_folder(root: Path, source: Path, *, only: Path | None = None) -> Packet:
    def candidate(p: Path, content: px.ReadWorkbook | None = None) -> _Candidate | None:
        name, stat = p.relative_to(root).as_posix(), p.stat()
        if not _book_candidate(name) or stat.st_size > BOOK_LIMIT:
            return None
        return _Candidate(name, content or px.read_workbook(p), stat.st_mtime)

    if only is not None:
        book = px.read_workbook(only)  # read once: whether it is a copy, and its rows
        found = [] if book.identity else [p for p in sorted(only.parent.iterdir()) if p != only]
        first = [candidate(only, book)]
    else:
        found, first = _near_top(root, BOOK_DEPTH), []
    read = [c for c in [*first, *(candidate(p) for p in found if p.is_file())] if c is not None]
    name, rows_name, content, notes, books = _choose_workbook(
        source, read, chosen=only.relative_to(root).as_posix() if only is not None else ""
    )
    base = (root / name).parent
    if only is not None:
        # the workbook alone (sent by mail, or in a folder of other things): only the packet's
        # evidence folders are looked in, never the rest of the folder it is in
        tops = {PurePosixPath(f.folder).parts[0] for f in content.folders if f.folder}
        walk = [p for top in sorted(tops) for p in sorted((base / top).rglob("*"))]
    else:
        walk = sorted(base.rglob("*"))
    used = {(root / n).resolve() for n in books}
    files = [
        PacketFile(p.relative_to(base).as_posix(), p)
        for p in walk
        if p.is_file() and not _ignored(p.relative_to(base).as_posix()) and p.resolve() not in used
    ]
    return Packet(
        source, rows_name, content, files, [*notes, *_packet_problems(rows_name, content)]
    )


def _read_zip(source: Path, progress: Progress | None, cancel: CancelCheck | None) -> Packet:
    try:
        zf = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError) as exc:
        raise _refused(
            source, "无法作为 zip 文件读取。", f"the zip cannot be read ({exc})."
        ) from exc
    tmp = tempfile.TemporaryDirectory(prefix="ipaudit-packet-")
    try:
        with zf:
            members = [
                (_zip_name(i), i)
                for i in zf.infolist()
                if not _zip_dir(i) and not _ignored(_zip_name(i))
            ]
            read = []
            for n, i in members:
                if not _book_candidate(n) or i.file_size > BOOK_LIMIT:
                    continue
                stamp = dt.datetime(*i.date_time).timestamp() if i.date_time[0] >= 1980 else 0.0
                read.append(_Candidate(n, px.read_workbook(zf.read(i), n), stamp))
            name, rows_name, content, notes, books = _choose_workbook(source, read)
            base = PurePosixPath(name).parent
            total = max(sum(i.file_size for n, i in members if n != name), 1)
            done = 0
            files = []
            for k, (n, info) in enumerate(members):
                if n in books:
                    continue
                rel = PurePosixPath(n)
                if base.parts and rel.parts[: len(base.parts)] != base.parts:
                    rel_name = n  # outside the packet's folder: reported as not in a folder
                else:
                    rel_name = rel.relative_to(base).as_posix() if base.parts else n
                leaf = safe_component(rel.name, 120)
                folder = Path(tmp.name) / str(k)
                folder.mkdir()
                dest = folder / leaf
                with zf.open(info) as src, dest.open("wb") as out:
                    while chunk := src.read(1 << 20):
                        if cancel is not None and cancel():
                            raise Cancelled()
                        out.write(chunk)
                        done += len(chunk)
                        if progress:
                            progress(done, total)
                if info.date_time[0] >= 1980:
                    stamp = dt.datetime(*info.date_time).timestamp()
                    os.utime(dest, (stamp, stamp))
                files.append(PacketFile(rel_name, dest))
    except BaseException:
        tmp.cleanup()
        raise
    problems = [*notes, *_packet_problems(rows_name, content)]
    return Packet(source, rows_name, content, files, problems, tmp)


# --- comparing with the workspace ---------------------------------------------------------------


def _clean(text: str) -> str:
    """A value as compared: as a cell holds it, line ends and the blanks around it aside."""
    return px.cell_text(text.replace("\r\n", "\n")).replace("\r", "\n").strip()


def _status_label(value: str, lang: str) -> str:
    try:
        return STATUS_TEXT[Status(value)].get(lang)
    except ValueError:
        return value


def preview_packet(
    ws: Workspace,
    packet: Packet,
    *,
    department: str | None = None,
    lang: str = "zh",
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
) -> Preview:
    """Every change ``packet`` makes to ``ws``. PacketRefused when it was not exported from this
    workspace, is of another department than ``department`` (a department view), or its hidden
    sheets do not match what the workspace remembers of it."""
    src = packet.source
    errors = [p for p in packet.problems if p.error]
    if errors:
        raise _refused(
            src,
            "填报包无法导入：" + "；".join(p.text("zh") for p in errors[:5]),
            "the packet cannot be imported: " + " ".join(p.text("en") for p in errors[:5]),
        )
    meta = packet.meta
    record = ws.records.get(KIND, packet.packet_id) if packet.packet_id else None
    if record is None:
        raise _refused(
            src,
            f"这个填报包不是从本工作区导出的（它来自“{meta.get('company', '')}”的工作区，"
            f"导出于 {meta.get('exported_at', '')[:16]}）；请在导出它的工作区中导入。",
            f"this packet was not exported from this workspace (it comes from the workspace of"
            f" '{meta.get('company', '')}', exported {meta.get('exported_at', '')[:16]}); import"
            " it into the workspace it was exported from.",
        )
    stored: Mapping[str, Any] = record.value
    dep_key = str(stored.get("department", ""))
    dep = ws.department(dep_key)
    if meta.get("department") != dep_key:
        raise _refused(
            src,
            f"隐藏工作表 {px.META_SHEET} 的部门“{meta.get('department')}”与导出时的部门“{dep_key}”不同：工作簿被改动过。",
            f"the department '{meta.get('department')}' of the hidden sheet {px.META_SHEET} is"
            f" not the one exported ('{dep_key}'): the workbook was altered.",
        )
    if department is not None and dep_key != department:
        here = ws.department(department) if department else dep
        raise _refused(
            src,
            f"这是“{dep.name.zh}”的填报包，而当前打开的是“{here.name.zh}”部门视图；请在整个工作区或该部门的视图中导入。",
            f"this is the packet of '{dep.name.en}', but the department view open is"
            f" '{here.name.en}'; import it in the whole workspace or that department's view.",
        )
    _check_rights(ws, src, dep_key, dep.name)
    base_items: Mapping[str, Any] = stored.get("items", {})
    _check_hidden(src, packet, base_items, stored.get("folders", []))

    problems = [p for p in packet.problems if not p.error]
    book = packet.workbook_name
    owned = {it.key for it in ws.items_of(dep_key)}
    current = ws.states()
    findings = None
    changes: list[Change] = []
    seen: set[tuple[str, str]] = set()
    sheet = packet.content.sheet
    in_sheet = Text(f" 工作表“{sheet}”", f", sheet '{sheet}'") if sheet != book else Text("", "")
    dates: dict[str, dt.date] = {}

    def where(row: int, name: str) -> Text:
        column = packet.content.letter(name)
        return Text(
            f"{book}{in_sheet.zh} 单元格 {column}{row}",
            f"{book}{in_sheet.en}, cell {column}{row}",
        )

    def row_problem(row: int, zh: str, en: str) -> None:
        problems.append(
            Problem(
                Text(f"{book}{in_sheet.zh} 第 {row} 行", f"{book}{in_sheet.en}, row {row}"),
                Text(zh, en),
            )
        )

    for row in packet.content.rows:
        if (row.item_key, row.question_key) in seen:
            row_problem(
                row.sheet_row,
                "这一行重复出现（可能是复制的），未导入。",
                "this row appears twice (copied?); it is not imported.",
            )
            continue
        seen.add((row.item_key, row.question_key))
        if row.item_key not in base_items:
            row_problem(
                row.sheet_row,
                "隐藏的条目编号不属于这个填报包，这一行未导入。",
                "the hidden item key is not one of this packet's; the row is not imported.",
            )
            continue
        if row.item_key not in owned:
            row_problem(
                row.sheet_row,
                f"条目“{_title(ws, row.item_key).zh}”现在不属于“{dep.name.zh}”（部门已合并或清单已修改），这一行未导入。",
                f"the item '{_title(ws, row.item_key).en}' no longer belongs to '{dep.name.en}' (departments"
                " merged or the checklist changed); the row is not imported.",
            )
            continue
        item = ws.item(row.item_key)
        base = base_items[row.item_key]
        state = current.get(item.key, ItemState(item.key))
        title = item.title
        if row.question_key:
            question = next((q for q in item.questions if q.key == row.question_key), None)
            if question is None:
                row_problem(
                    row.sheet_row,
                    "这个问题已不在清单中，回答未导入。",
                    "this question is no longer in the checklist; the answer is not imported.",
                )
                continue
            change = _change(
                item.key,
                "answer",
                question.key,
                title,
                question.text,
                where(row.sheet_row, "answer"),
                str(base.get("answers", {}).get(question.key, "")),
                state.answers.get(question.key, ""),
                row.answer,
            )
            if change is not None:
                changes.append(change)
            continue
        if row.date is not None:
            dates[item.key] = row.date
        if row.status is not None:
            if row.status is Status.NOT_APPLICABLE and is_mandatory(ws.template, item):
                problems.append(
                    Problem(
                        where(row.sheet_row, "status"),
                        Text(
                            f"“{title.zh}”是必备要求，审核员不接受“不适用”；状态未导入。",
                            f"'{title.en}' is mandatory: auditors never accept it as not"
                            " applicable; the status is not imported.",
                        ),
                    )
                )
            else:
                change = _change(
                    item.key,
                    "status",
                    "",
                    title,
                    FIELD_TEXT["status"],
                    where(row.sheet_row, "status"),
                    str(base.get("status", "")),
                    state.status.value,
                    row.status.value,
                )
                if change is not None:
                    changes.append(change)
                    if row.status is Status.NOT_APPLICABLE and not _clean(
                        row.na_reason or state.na_reason
                    ):
                        problems.append(
                            Problem(
                                change.where,
                                Text(
                                    f"“{title.zh}”标为不适用，但没有写理由；审核员会问为什么，请在“不适用理由”一栏写明。",
                                    f"'{title.en}' is marked not applicable without a reason;"
                                    " the auditor will ask why: give it in the 'reason if not"
                                    " applicable' column.",
                                ),
                            )
                        )
                    if row.status is Status.READY:
                        findings = ws.findings() if findings is None else findings
                        blocking = [f for f in findings if f.item_key == item.key and f.blocking]
                        if blocking:
                            problems.append(
                                Problem(
                                    change.where,
                                    Text(
                                        f"“{title.zh}”标为已就绪，但还有 {len(blocking)} 个阻碍项；解决前仍按进行中计算。",
                                        f"'{title.en}' is marked ready but still has"
                                        f" {counted(len(blocking), 'blocking finding')}; it counts as in"
                                        " progress until they are resolved.",
                                    ),
                                )
                            )
        for name in ("na_reason", "notes"):
            change = _change(
                item.key,
                name,
                "",
                title,
                FIELD_TEXT[name],
                where(row.sheet_row, name),
                str(base.get(name, "")),
                getattr(state, name),
                getattr(row, name),
            )
            if change is not None:
                changes.append(change)
    files = _new_files(ws, packet, owned, dates, problems, progress, cancel)
    return Preview(
        packet,
        dep_key,
        dep.name,
        _with_editors(ws, changes),
        files,
        problems,
        {k: current.get(k, ItemState(k)) for k in owned},
        str(stored.get("exported_at", "")),
        [str(i.get("at", "")) for i in stored.get("imports", []) if isinstance(i, dict)],
    )


def _check_rights(ws: Workspace, src: Path, department: str, name: Text) -> None:
    """On a team workspace, a department head imports only their department's packet and a
    read-only login none (the database would refuse each change one by one)."""
    from ipaudit.services.team import team_identity

    who = team_identity(ws)
    if who.kind == "readonly" or (who.kind == "department" and department not in who.departments):
        raise _refused(
            src,
            f"您的登录无权修改“{name.zh}”，这个填报包需由该部门负责人或体系专员导入。",
            f"your login may not change '{name.en}'; the department's head or the compliance"
            " manager imports this packet.",
        )


def _title(ws: Workspace, item_key: str) -> Text:
    """An item's title (its key only when the checklist no longer has it)."""
    try:
        return ws.template.item(item_key).title
    except KeyError:
        return Text(item_key, item_key)


def _change(
    item_key: str,
    name: str,
    question_key: str,
    title: Text,
    label: Text,
    where: Text,
    base: str,
    workspace: str,
    packet: str,
) -> Change | None:
    """The change of one value, or None when the packet leaves it as exported (or as stored)."""
    if _clean(packet) == _clean(base) or _clean(packet) == _clean(workspace):
        return None
    conflict = _clean(workspace) != _clean(base)
    return Change(
        item_key, name, question_key, title, label, where, base, workspace, packet, conflict
    )


def _with_editors(ws: Workspace, changes: list[Change]) -> list[Change]:
    """``changes`` with, on each conflict, who saved its item in the workspace last and when
    (the store's ``edited:`` record of the item's row; read once per item)."""
    editors: dict[str, tuple[str, str]] = {}
    out = []
    for change in changes:
        if change.conflict:
            if change.item_key not in editors:
                who = ws.store.editor("item_states", change.item_key)
                at = who.at.astimezone().strftime("%Y-%m-%d %H:%M") if who.at else ""
                editors[change.item_key] = (who.by, at)
            by, at = editors[change.item_key]
            change = replace(change, edited_by=by, edited_at=at)
        out.append(change)
    return out


def _check_hidden(src: Path, packet: Packet, base_items: Mapping[str, Any], folders: Any) -> None:
    """The hidden sheets must say what the workspace remembers of the packet."""
    versions = packet.content.versions
    expected = {k: int(v.get("version", 0)) for k, v in base_items.items()}
    for n, (key, version) in enumerate(versions.items(), start=2):
        if expected.get(key) != version:
            raise _refused(
                src,
                f"隐藏工作表 {px.ITEMS_SHEET} 第 {n} 行（{key}）与导出时不同：工作簿被改动过，无法导入。",
                f"row {n} of the hidden sheet {px.ITEMS_SHEET} ({key}) differs from what was"
                " exported: the workbook was altered and cannot be imported.",
            )
    if set(versions) != set(expected):
        raise _refused(
            src,
            f"隐藏工作表 {px.ITEMS_SHEET} 的条目与导出时不同：工作簿被改动过，无法导入。",
            f"the items of the hidden sheet {px.ITEMS_SHEET} differ from what was exported: the"
            " workbook was altered and cannot be imported.",
        )
    table = [[f.folder, f.item_key, f.slot] for f in packet.content.folders]
    for n, (got, want) in enumerate(zip(table, folders, strict=False), start=2):
        if got != list(want):
            raise _refused(
                src,
                f"隐藏工作表 {px.FOLDERS_SHEET} 第 {n} 行与导出时不同：工作簿被改动过，无法导入。",
                f"row {n} of the hidden sheet {px.FOLDERS_SHEET} differs from what was exported:"
                " the workbook was altered and cannot be imported.",
            )
    if len(table) != len(folders):
        raise _refused(
            src,
            f"隐藏工作表 {px.FOLDERS_SHEET} 的行数与导出时不同：工作簿被改动过，无法导入。",
            f"the hidden sheet {px.FOLDERS_SHEET} has another number of rows than exported: the"
            " workbook was altered and cannot be imported.",
        )


def _new_files(
    ws: Workspace,
    packet: Packet,
    owned: set[str],
    dates: Mapping[str, dt.date],
    problems: list[Problem],
    progress: Progress | None,
    cancel: CancelCheck | None,
) -> list[NewFile]:
    folders = sorted(packet.content.folders, key=lambda f: -len(_norm(f.folder)))
    groups: dict[tuple[str, str], list[PacketFile]] = {}
    for pf in packet.files:
        name = _norm(pf.name)
        target = next((f for f in folders if name.startswith(_norm(f.folder) + "/")), None)
        if target is None:
            if name.casefold() != _norm(README.zh) and name != _norm(README.en):
                problems.append(
                    Problem(
                        Text(
                            f"{packet.source.name} › {pf.name}", f"{packet.source.name} › {pf.name}"
                        ),
                        Text(
                            "不在任何条目的文件夹中，未附加；请把它放入对应条目的文件夹。",
                            "is not in an item's folder and is not attached; put it in its"
                            " item's folder.",
                        ),
                    )
                )
            continue
        if target.item_key not in owned:
            problems.append(
                Problem(
                    Text(pf.name, pf.name),
                    Text(
                        f"条目“{_title(ws, target.item_key).zh}”现在不属于这个部门，文件未附加。",
                        f"the item '{_title(ws, target.item_key).en}' no longer belongs to this"
                        " department; the"
                        " file is not attached.",
                    ),
                )
            )
            continue
        groups.setdefault((target.item_key, target.slot), []).append(pf)
    out: list[NewFile] = []
    total = max(sum(pf.path.stat().st_size for g in groups.values() for pf in g), 1)
    done = 0
    seen: dict[str, set[str]] = {}
    for (item_key, slot), group in groups.items():
        item = ws.item(item_key)

        def step(d: int, t: int, base: int = done) -> None:
            if progress:
                progress(base + d, total)

        reviews = ws.review_files(item_key, [pf.path for pf in group], progress=step, cancel=cancel)
        done += sum(r.size for r in reviews)
        for pf, review in zip(group, reviews, strict=True):
            warning: Text | None = None
            skip = False
            item_seen = seen.setdefault(item_key, set())
            if review.empty:
                warning, skip = (
                    Text(
                        "文件是空的（0 字节），不能证明任何事；未附加。",
                        "the file is empty (0 bytes) and proves nothing; it is not attached.",
                    ),
                    True,
                )
            elif review.duplicate_of:
                names = "、".join(review.duplicate_of)
                warning, skip = (
                    Text(
                        f"条目已附有内容完全相同的文件（{names}）；未再附加。",
                        f"the item already has a file with exactly the same content ({', '.join(review.duplicate_of)}); not attached again.",
                    ),
                    True,
                )
            elif review.sha256 in item_seen:
                warning, skip = (
                    Text(
                        "填报包中同一条目下有内容完全相同的文件；只附加一份。",
                        "the packet has a file with the same content for this item already; it is attached once.",
                    ),
                    True,
                )
            item_seen.add(review.sha256)
            proposal = review.proposal
            day, source = proposal.doc_date, proposal.source
            if item_key in dates:
                day, source = dates[item_key], "sheet"
            if day is None and not skip:
                warning = Text(
                    "文件没有可识别的日期；无日期的记录不能证明任何事，请在工作簿中填写新文件日期，或附加后补填。",
                    "the file shows no date; an undated record proves nothing. Fill in the date of new files in the workbook, or give it after attaching.",
                )
            out.append(
                NewFile(
                    item_key,
                    slot,
                    pf.name,
                    pf.path,
                    review.size,
                    review.sha256,
                    day,
                    proposal.period_start,
                    proposal.period_end,
                    source,
                    item.title,
                    warning,
                    skip,
                )
            )
    return out


# --- applying -----------------------------------------------------------------------------------


def apply_packet(
    ws: Workspace,
    preview: Preview,
    choices: Mapping[str, bool] | None = None,
    *,
    take_packet_on_conflict: bool = False,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
) -> Applied:
    """Store the preview's changes and attach its files. A conflict takes the packet's value
    only when ``choices[change.key]`` is True (or, without a choice, ``take_packet_on_conflict``);
    otherwise the workspace's value stays. A change made in the workspace after the preview
    is not overwritten either: that item's changes are reported and left out. Cancelling stops
    before the next item or file; what was stored until then is in the result."""
    choices = choices or {}
    done = Applied()
    by_item: dict[str, list[Change]] = {}
    for change in preview.changes:
        take = choices.get(change.key, take_packet_on_conflict) if change.conflict else True
        if take:
            by_item.setdefault(change.item_key, []).append(change)
        else:
            done.kept.append(change)
    files = preview.attachable
    total = len(by_item) + sum(f.size for f in files) + 1
    step = 0
    for item_key, changes in by_item.items():
        if cancel is not None and cancel():
            done.cancelled = True
            break
        seen = preview.current.get(item_key, ItemState(item_key))
        target = _target(seen, changes)
        before = ws.state(item_key)
        try:
            if target.status is Status.NOT_APPLICABLE:
                ws.check_status(item_key, target.status, force=True)
            after = ws.save_state(target, base=seen)
        except (EditConflict, InvalidInput, NotPermitted) as exc:
            done.problems.append(Problem(_title(ws, item_key), exc.text))
            continue
        done.states.append((before, after))
        done.applied.extend(changes)
        step += 1
        if progress:
            progress(step, total)
    for nf in files:
        if done.cancelled or (cancel is not None and cancel()):
            done.cancelled = True
            break
        done.state_before_files.setdefault(nf.item_key, ws.state(nf.item_key))
        base = step

        def file_progress(d: int, _t: int, base: int = base) -> None:
            if progress:
                progress(base + d, total)

        meta: dict[str, Any] = {"title": PurePosixPath(nf.name).stem}
        if nf.doc_date is not None:
            meta["doc_date"] = nf.doc_date
        if nf.period_start is not None and nf.date_source != "sheet":
            meta["period_start"], meta["period_end"] = nf.period_start, nf.period_end
        try:
            ev = ws.attach(
                nf.item_key, nf.path, slot=nf.slot, progress=file_progress, cancel=cancel, **meta
            )
        except Cancelled:
            done.cancelled = True
            break
        except (InvalidInput, NotPermitted) as exc:
            done.problems.append(Problem(Text(nf.name, nf.name), exc.text))
            continue
        done.evidence.setdefault(nf.item_key, []).append(ev)
        step += nf.size
    record = ws.records.get(KIND, preview.packet.packet_id)
    if record is not None and (done.states or done.evidence):
        value = dict(record.value)
        value["imports"] = [
            *value.get("imports", []),
            {
                "at": dt.datetime.now().replace(microsecond=0).isoformat(),
                "changes": len(done.applied),
                "files": done.files,
                "kept": len(done.kept),
            },
        ]
        ws.records.put(KIND, record.key, value, department=record.department)
    if progress:
        progress(total, total)
    return done


def _target(state: ItemState, changes: Iterable[Change]) -> ItemState:
    for change in changes:
        value = _clean(change.packet)
        if change.field == "answer":
            state = answered(state, change.question_key, value)
        elif change.field == "notes":
            state = with_notes(state, value)
        elif change.field == "na_reason":
            state = replace(state, na_reason=value)
        elif change.field == "status":
            state = replace(state, status=Status(value))
    return state


def value_text(change: Change, value: str, lang: str) -> str:
    """A change's value as the user reads it (a status by its label)."""
    return _status_label(value, lang) if change.field == "status" and value else value


def last_folder(ws: Workspace) -> Path | None:
    """The folder the last packet of ``ws`` was written to, while it exists."""
    latest = max(
        (r.value for r in ws.records.all(KIND)),
        key=lambda v: str(v.get("exported_at", "")),
        default=None,
    )
    text = str(latest.get("folder", "")) if latest else ""
    return Path(text) if text and Path(text).is_dir() else None


def default_folder(ws: Workspace, fallback: Path) -> Path:
    """Where a packet goes unless told: the folder of the last one, else beside the workspace
    file, else ``fallback`` (a workspace on a server has no folder)."""
    last = last_folder(ws)
    if last is not None:
        return last
    folder = ws.path.parent
    if "://" in str(ws.path) or not folder.is_dir():
        return fallback
    return folder
