"""The pack's manifest (``manifest.json`` and ``SHA256SUMS``) and its verification.

``manifest.json`` lists every file of the pack with its size and SHA-256, plus what the pack is
(company, edition, options); ``SHA256SUMS`` carries the same hashes in the format of
``sha256sum -c``. ``verify()`` re-hashes a pack — a folder or a .zip — and lists the files that
were modified, are missing, or were added since the export.
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO

from ipaudit.export.errors import PackUnreadable
from ipaudit.store.blobs import Cancelled

MANIFEST = "manifest.json"
SUMS = "SHA256SUMS"
FORMAT = "ipaudit-readiness-pack"
FORMAT_VERSION = 1
CHUNK = 1 << 20

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]


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
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not (self.modified or self.missing or self.extra or self.inconsistent)

    def as_dict(self) -> dict[str, Any]:
        return {
            "pack": self.pack,
            "ok": self.ok,
            "checked": self.checked,
            "modified": self.modified,
            "missing": self.missing,
            "extra": self.extra,
            "inconsistent": self.inconsistent,
        }


# --- reading a pack ---------------------------------------------------------------------------


class _Pack:
    """Files of a pack folder or zip, by pack-relative path."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._zip: zipfile.ZipFile | None = None
        self._root = ""
        if path.is_dir():
            if not (path / MANIFEST).is_file():
                raise PackUnreadable(path, f"找不到 {MANIFEST}", f"there is no {MANIFEST}")
        elif path.is_file():
            try:
                self._zip = zipfile.ZipFile(path)
            except (zipfile.BadZipFile, OSError) as exc:
                raise PackUnreadable(
                    path, "不是 zip 文件或已损坏", f"not a zip file or damaged ({exc})"
                ) from exc
            names = [n for n in self._zip.namelist() if PurePosixPath(n).name == MANIFEST]
            shallow = sorted(names, key=lambda n: n.count("/"))
            if not shallow or shallow[0].count("/") > 1:
                self._zip.close()
                raise PackUnreadable(
                    path, f"zip 中找不到 {MANIFEST}", f"the zip holds no {MANIFEST}"
                )
            self._root = shallow[0][: -len(MANIFEST)]
        else:
            raise PackUnreadable(path, "路径不存在", "the path does not exist")

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()

    def read(self, rel: str) -> bytes | None:
        if self._zip is None:
            target = self.path / rel
            return target.read_bytes() if target.is_file() else None
        try:
            return self._zip.read(self._root + rel)
        except KeyError:
            return None

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

    def size(self, rel: str) -> int:
        if self._zip is None:
            target = self.path / rel
            return target.stat().st_size if target.is_file() else 0
        try:
            return self._zip.getinfo(self._root + rel).file_size
        except KeyError:
            return 0


def _parse_sums(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in text.splitlines():
        digest, sep, name = line.partition("  ")
        if sep and len(digest) == 64:
            out[name.lstrip("*")] = digest.lower()
    return out


def verify(
    pack: Path | str, *, progress: Progress | None = None, cancel: Cancel | None = None
) -> VerifyResult:
    """Re-hash every file of ``pack`` against its manifest."""
    path = Path(pack)
    source = _Pack(path)
    try:
        raw = source.read(MANIFEST)
        try:
            manifest = json.loads(raw or b"")
            listed = {
                f["path"]: (int(f["size"]), str(f["sha256"]).lower()) for f in manifest["files"]
            }
        except (ValueError, KeyError, TypeError) as exc:
            raise PackUnreadable(
                path, f"{MANIFEST} 无法读取", f"{MANIFEST} cannot be read ({exc})"
            ) from exc
        if manifest.get("format") != FORMAT:
            raise PackUnreadable(
                path,
                f"{MANIFEST} 不是 ipaudit 资料包清单",
                f"{MANIFEST} is not an ipaudit pack manifest",
            )
        result = VerifyResult(str(path), meta={k: v for k, v in manifest.items() if k != "files"})
        sums_raw = source.read(SUMS)
        if sums_raw is None:
            result.missing.append(SUMS)
        else:
            sums = _parse_sums(sums_raw.decode("utf-8", "replace"))
            result.inconsistent = sorted(
                p for p in set(sums) | set(listed) if sums.get(p) != listed.get(p, (0, None))[1]
            )
        present = {p for p in source.files() if p not in (MANIFEST, SUMS)}
        result.extra = sorted(present - set(listed))
        total = sum(max(size, 0) for size, _ in listed.values()) // 1024 + len(listed)
        done = 0
        for rel in sorted(listed):
            size, digest = listed[rel]
            if rel not in present:
                result.missing.append(rel)
                done += size // 1024 + 1
                continue
            fh = source.open(rel)
            if fh is None:
                result.missing.append(rel)
                continue
            h = hashlib.sha256()
            with fh:
                while chunk := fh.read(CHUNK):
                    if cancel is not None and cancel():
                        raise Cancelled
                    h.update(chunk)
            result.checked += 1
            if h.hexdigest() != digest:
                result.modified.append(rel)
            done += size // 1024 + 1
            if progress is not None:
                progress(done, total)
        result.missing.sort()
        return result
    finally:
        source.close()
