"""Where a pack goes: what the target's name asks for (a name ending in ``.zip`` is a zip), the
folders above it that do not exist yet, and a default name not taken yet ("…-2", "…-3")."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from ipaudit.errors import reason_zh
from ipaudit.export.errors import FolderNotCreated
from ipaudit.export.options import ExportOptions

ZIP = ".zip"
MAX_TRIES = 999


def resolve(target: Path | str, options: ExportOptions) -> tuple[Path, ExportOptions]:
    """The target and options an export really uses: a target ending in ``.zip`` writes a zip
    whether or not the zip option was chosen; with the zip option a target without the
    suffix gets it."""
    target = Path(target)
    is_zip = target.suffix.lower() == ZIP
    if is_zip and not options.as_zip:
        options = dataclasses.replace(options, as_zip=True)
    elif options.as_zip and not is_zip:
        target = target.with_name(target.name + ZIP)
    return target, options


def make_parents(target: Path) -> list[Path]:
    """Create the folders above ``target`` that do not exist yet (outermost first); the folders
    created. Something in the way that is not a folder, or a folder that cannot be made, is a
    FolderNotCreated naming it."""
    missing: list[Path] = []
    folder = target.parent
    while not folder.exists() and not folder.is_symlink() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    if not folder.is_dir():
        raise FolderNotCreated(folder, "不是文件夹", "it is not a folder")
    created: list[Path] = []
    for folder in reversed(missing):
        try:
            folder.mkdir()
        except FileExistsError:
            if not folder.is_dir():
                raise FolderNotCreated(folder, "不是文件夹", "it is not a folder") from None
        except OSError as exc:
            raise FolderNotCreated(folder, reason_zh(exc), exc.strerror or str(exc)) from exc
        else:
            created.append(folder)
    return created


def _taken(path: Path) -> bool:
    return path.exists() or path.is_symlink()


def free_name(folder: Path, name: str) -> str:
    """``name`` when nothing of that name is in ``folder``, else the first free of ``name-2``,
    ``name-3`` … (before ``.zip`` for a zip), so a second export of the day does not collide."""
    stem, ext = (name[: -len(ZIP)], name[-len(ZIP) :]) if name.lower().endswith(ZIP) else (name, "")
    candidate = name
    n = 2
    while _taken(folder / candidate) and n <= MAX_TRIES:
        candidate = f"{stem}-{n}{ext}"
        n += 1
    return candidate
