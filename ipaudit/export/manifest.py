"""The pack's manifest (``manifest.json`` and ``SHA256SUMS``) and its verification.

``manifest.json`` lists every file of the pack with its size and SHA-256, plus what the pack is
(company, edition, options); ``SHA256SUMS`` carries the same hashes in the format of
``sha256sum -c``. ``verify()`` re-hashes a pack — a folder or a .zip — and lists the files that
were modified, are missing, or were added since the export, and the ones that cannot be read any
more (a zip entry with a bad CRC, truncated or not inflatable; a file the system refuses to read).
A damaged pack is a result, not an error: ``verify`` only raises when the path is no pack at all.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO

from ipaudit.export.errors import PackUnreadable
from ipaudit.progress import CancelCheck, Cancelled, Progress
from ipaudit.text import counted

MANIFEST = "manifest.json"
SUMS = "SHA256SUMS"
FORMAT = "ipaudit-readiness-pack"
FORMAT_VERSION = 1
CHUNK = 1 << 20


# what reading a damaged zip raises: zipfile's own errors, zlib's, and the low-level ones it lets
# through on a mangled header (a flipped flag or method byte, a truncated record)
ZIP_DAMAGE = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,  # UnicodeDecodeError included
    NotImplementedError,
    RuntimeError,
    struct.error,
    OverflowError,
)


def damage_text(exc: BaseException) -> str:
    """What was wrong with a damaged member, for the user (the exception's own words)."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    detail = str(exc) or type(exc).__name__
    return detail if len(detail) <= 200 else detail[:197] + "..."


@dataclass(frozen=True, slots=True)
class FileRecord:
    path: str  # pack-relative, "/" separated
    size: int
    sha256: str


def manifest_bytes(records: list[FileRecord], meta: dict[str, Any]) -> bytes:
    body = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        **meta,
        "files": [
            {"path": r.path, "size": r.size, "sha256": r.sha256}
            for r in sorted(records, key=lambda r: r.path)
        ],
    }
    return (json.dumps(body, ensure_ascii=False, indent=2, sort_keys=False) + "\n").encode("utf-8")


def sums_bytes(records: list[FileRecord]) -> bytes:
    lines = [f"{r.sha256}  {r.path}\n" for r in sorted(records, key=lambda r: r.path)]
    return "".join(lines).encode("utf-8")


@dataclass(slots=True)
class VerifyResult:
    pack: str
    checked: int = 0
    modified: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    # files whose hash in SHA256SUMS disagrees with manifest.json (one of them was edited)
    inconsistent: list[str] = field(default_factory=list)
    # files that cannot be read back, path -> why ("" for the zip file itself)
    damaged: dict[str, str] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)
    manifest_sha256: str = ""  # of manifest.json as found in the pack
    # exports in a workspace's history with this manifest digest (None: no workspace asked)
    recorded: list[dict[str, Any]] | None = None

    @property
    def ok(self) -> bool:
        return not (
            self.modified
            or self.missing
            or self.extra
            or self.inconsistent
            or self.damaged
            or self.recorded == []
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "pack": self.pack,
            "ok": self.ok,
            "checked": self.checked,
            "modified": self.modified,
            "missing": self.missing,
            "extra": self.extra,
            "inconsistent": self.inconsistent,
            "damaged": [{"path": p, "reason": r} for p, r in sorted(self.damaged.items())],
            "manifest_sha256": self.manifest_sha256,
            "recorded": self.recorded,
        }


# --- reading a pack ---------------------------------------------------------------------------


class _Pack:
    """Files of a pack folder or zip, by pack-relative path. A zip that cannot be opened at all
    sets ``broken`` (why) instead of raising."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._zip: zipfile.ZipFile | None = None
        self._root = ""
        self.broken = ""
        if path.is_dir():
            if not (path / MANIFEST).is_file() and not (path / SUMS).is_file():
                raise PackUnreadable(path, f"找不到 {MANIFEST}", f"there is no {MANIFEST}")
        elif path.is_file():
            try:
                self._zip = zipfile.ZipFile(path)
                names = self._zip.namelist()
                _check_starts_at_zero(self._zip)
            except PermissionError as exc:
                raise PackUnreadable(
                    path, "无权读取", f"it cannot be read ({exc.strerror})"
                ) from exc
            except ZIP_DAMAGE as exc:
                self.close()
                self.broken = damage_text(exc)
                return
            self._root = self._find_root(names)
        else:
            raise PackUnreadable(path, "不是文件夹或文件", "it is neither a folder nor a file")

    def _find_root(self, names: list[str]) -> str:
        """The folder inside the zip that holds manifest.json (or, when that entry is lost,
        SHA256SUMS)."""
        for wanted in (MANIFEST, SUMS):
            found = sorted(
                (n for n in names if PurePosixPath(n).name == wanted and n.count("/") <= 1),
                key=lambda n: n.count("/"),
            )
            if found:
                return found[0][: -len(wanted)]
        self.close()
        raise PackUnreadable(self.path, f"zip 中找不到 {MANIFEST}", f"the zip holds no {MANIFEST}")

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()
            self._zip = None

    def read(self, rel: str) -> bytes | None:
        """The bytes of ``rel``; None when it is not in the pack. Raises what a damaged zip
        raises (``ZIP_DAMAGE``)."""
        fh = self.open(rel)
        if fh is None:
            return None
        with fh:
            return fh.read()

    def files(self) -> Iterator[str]:
        """Every file's pack-relative path."""
        if self._zip is None:
            for folder, _dirs, names in os.walk(self.path):
                for name in names:
                    full = Path(folder) / name
                    yield full.relative_to(self.path).as_posix()
        else:
            for info in self._zip.infolist():
                if info.is_dir() or not info.filename.startswith(self._root):
                    if not info.is_dir():
                        yield "../" + info.filename  # outside the pack folder: extra
                    continue
                yield info.filename[len(self._root) :]

    def open(self, rel: str) -> BinaryIO | None:
        if self._zip is None:
            target = self.path / rel
            return target.open("rb") if target.is_file() else None
        try:
            return self._zip.open(self._root + rel)  # type: ignore[return-value]
        except KeyError:
            return None


def _check_starts_at_zero(archive: zipfile.ZipFile) -> None:
    """A pack zip's first entry starts the file. When a cut-off pack is opened, zipfile finds the
    table of contents of the last complete zip *inside* it (a stored .docx) instead; that is damage,
    not a different pack."""
    offsets = [i.header_offset for i in archive.infolist()]
    if offsets and min(offsets) != 0:
        raise zipfile.BadZipFile(
            f"the table of contents found starts at byte {min(offsets)}, not at the file's start"
            " (cut off?)"
        )


def _parse_sums(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in text.splitlines():
        digest, sep, name = line.partition("  ")
        if sep and len(digest) == 64:
            out[name.lstrip("*")] = digest.lower()
    return out


def _read_member(source: _Pack, name: str, result: VerifyResult) -> bytes | None:
    """``name``'s bytes, or None once it is noted in ``result`` as damaged or missing."""
    try:
        raw = source.read(name)
    except ZIP_DAMAGE as exc:
        result.damaged[name] = damage_text(exc)
        return None
    if raw is None:
        result.missing.append(name)
    return raw


def _read_listing(
    path: Path, source: _Pack, result: VerifyResult
) -> tuple[dict[str, tuple[int, str]], dict[str, str] | None]:
    """(manifest's files: path -> (size, sha256), SHA256SUMS: path -> sha256 or None when absent).
    A damaged manifest is reported and the files are checked against SHA256SUMS instead."""
    listed: dict[str, tuple[int, str]] | None = None
    raw = _read_member(source, MANIFEST, result)
    if raw is not None:
        result.manifest_sha256 = hashlib.sha256(raw).hexdigest()
        try:
            manifest = json.loads(raw)
            files = {
                f["path"]: (int(f["size"]), str(f["sha256"]).lower()) for f in manifest["files"]
            }
            fmt = manifest.get("format")
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            result.damaged[MANIFEST] = f"not a readable manifest ({damage_text(exc)})"
        else:
            if fmt != FORMAT:
                raise PackUnreadable(
                    path,
                    f"{MANIFEST} 不是 ipaudit 资料包清单",
                    f"{MANIFEST} is not an ipaudit pack manifest",
                )
            listed = files
            result.meta = {k: v for k, v in manifest.items() if k != "files"}
    sums: dict[str, str] | None = None
    sums_raw = _read_member(source, SUMS, result)
    if sums_raw is not None:
        sums = _parse_sums(sums_raw.decode("utf-8", "replace"))
    if listed is None:
        if sums is None:
            if not result.damaged:
                raise PackUnreadable(path, f"{MANIFEST} 无法读取", f"{MANIFEST} cannot be read")
            return {}, None  # nothing left to check against: the damage is the result
        listed = {p: (-1, d) for p, d in sums.items()}  # sizes unknown
        sums = None  # nothing to compare it with
    return listed, sums


def verify(
    pack: Path | str, *, progress: Progress | None = None, cancel: CancelCheck | None = None
) -> VerifyResult:
    """Re-hash every file of ``pack`` against its manifest; never raises for a damaged pack."""
    path = Path(pack)
    if not path.exists():
        raise PackUnreadable(path, "路径不存在", "the path does not exist")
    source = _Pack(path)
    result = VerifyResult(str(path))
    if source.broken:
        result.damaged[""] = (
            f"not a zip file, or its table of contents is damaged ({source.broken})"
        )
        return result
    try:
        listed, sums = _read_listing(path, source, result)
        if sums is not None:
            result.inconsistent = sorted(
                p for p in set(sums) | set(listed) if sums.get(p) != listed.get(p, (0, None))[1]
            )
        try:
            present = {p for p in source.files() if p not in (MANIFEST, SUMS)}
        except OSError as exc:  # a folder that cannot be listed
            result.damaged["."] = damage_text(exc)
            present = set()
        if listed:
            result.extra = sorted(present - set(listed))
        total = sum(max(size, 0) for size, _ in listed.values()) // 1024 + len(listed)
        done = 0
        for rel in sorted(listed):
            size, digest = listed[rel]
            done += max(size, 0) // 1024 + 1
            if rel not in present:
                result.missing.append(rel)
                continue
            try:
                actual = _hash(source, rel, cancel)
            except ZIP_DAMAGE as exc:
                result.damaged[rel] = damage_text(exc)
                continue
            if actual is None:
                result.missing.append(rel)
                continue
            result.checked += 1
            if actual != digest:
                result.modified.append(rel)
            if progress is not None:
                progress(done, total)
        result.missing.sort()
        return result
    finally:
        source.close()


def _hash(source: _Pack, rel: str, cancel: CancelCheck | None) -> str | None:
    """SHA-256 of one file of the pack (the zip's CRC is checked on the way)."""
    fh = source.open(rel)
    if fh is None:
        return None
    h = hashlib.sha256()
    with fh:
        while chunk := fh.read(CHUNK):
            if cancel is not None and cancel():
                raise Cancelled
            h.update(chunk)
    return h.hexdigest()


# --- what --force may replace -----------------------------------------------------------------


# files a file manager leaves in a folder it showed; not the user's
OS_LITTER = frozenset({"Thumbs.db", "desktop.ini", ".DS_Store"})


def replaceable_problem(path: Path) -> tuple[str, str] | None:
    """None when ``path`` is an earlier ipaudit pack that an export may replace as a whole: a
    .zip with an ipaudit manifest, or a folder with one that holds nothing but the files its
    manifest lists. Otherwise why not, as (zh, en)."""
    if path.is_symlink():
        return "它是一个链接", "it is a link"
    if path.is_file() and path.suffix.lower() != ".zip":
        return "它不是 .zip 文件", "it is not a .zip file"
    try:
        source = _Pack(path)
    except PackUnreadable:
        return f"没有 ipaudit 的 {MANIFEST}", f"it has no ipaudit {MANIFEST}"
    try:
        if source.broken:
            return "它不是可读的 zip 文件", "it is not a readable zip file"
        raw = source.read(MANIFEST)
        manifest = json.loads(raw or b"")
        listed = {str(f["path"]) for f in manifest["files"]}
        if manifest.get("format") != FORMAT:
            raise ValueError(manifest.get("format"))
        if not path.is_dir():
            return None
        foreign = sorted(
            p
            for p in source.files()
            if p not in listed | {MANIFEST, SUMS} and PurePosixPath(p).name not in OS_LITTER
        )
    except (*ZIP_DAMAGE, KeyError, TypeError, AttributeError):
        return f"没有可读的 ipaudit {MANIFEST}", f"it has no readable ipaudit {MANIFEST}"
    finally:
        source.close()
    if foreign:
        return (
            f"其中有 {len(foreign)} 个不属于资料包的文件，例如 {foreign[0]}",
            f"it holds {counted(len(foreign), 'file that is', 'files that are')} not part of the"
            f" pack, e.g. {foreign[0]}",
        )
    return None
