"""The files shipped inside the package (``ipaudit/resources/``), found through importlib.resources.

They are found the same way from a source checkout, an installed wheel and a PyInstaller bundle.
Imports nothing of ipaudit, so every layer may use it.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """The real path of ``ipaudit/resources/<parts…>``.

    Qt and the YAML loaders need a file on disk; ipaudit is installed as plain files (a wheel
    unpacked by pip, or the bundle's folder), never run from a zip, so the resource is one.
    """
    found = files("ipaudit").joinpath("resources", *parts)
    if not isinstance(found, Path):  # a zip import: not a way ipaudit is shipped
        raise RuntimeError(f"ipaudit resources must be files on disk, not {found!r}")
    return found
