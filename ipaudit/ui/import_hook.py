"""A cheaper answer to the question PySide6 asks of every module imported after it.

Once ``PySide6.QtCore`` is loaded, shiboken calls ``feature_imported(module)`` after each import
to record whether the module uses PySide (its ``__feature__`` switching). It decides by reading
the module's source with ``inspect.getsource`` — linecache, an encoding probe and a copy of the
whole text — and searching it for "PySide6". That costs about a millisecond per module: the
services, SQLAlchemy and the panels that opening a workspace loads after the window is shown
took about 60 ms more than the same imports before PySide (``bench/bench_gui.py``).

``lighten()`` puts a function that gives the same answer from the bytes of the module's ``.py``
file in its place. A module without such a file uses no feature, as before. Where this PySide6
build does not have the function (another version), nothing changes.
"""

from __future__ import annotations

import logging
import sys
from types import ModuleType

log = logging.getLogger(__name__)

FEATURE_MODULE = "shibokensupport.feature"


def uses_pyside(module: ModuleType) -> bool:
    """Whether the source file of ``module`` names PySide6 (the question PySide6 asks)."""
    spec = getattr(module, "__spec__", None)
    origin = getattr(spec, "origin", None)
    if not isinstance(origin, str) or not origin.endswith(".py"):
        return False  # built in, compiled, or only bytecode: PySide6 reads no source either
    try:
        with open(origin, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False


def lighten() -> bool:
    """Install ``uses_pyside`` in PySide6's import hook; True when it was installed."""
    feature = sys.modules.get(FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        log.info(
            "PySide6 has no %s._mod_uses_pyside: its import hook is left as it is", FEATURE_MODULE
        )
        return False
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
    return True
