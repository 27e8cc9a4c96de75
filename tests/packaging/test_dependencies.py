"""The declared dependencies (pyproject.toml), the pinned set (requirements.txt) and the imports
of ipaudit agree: nothing declared goes unused, nothing imported goes undeclared, every pin is
declared (or pins a dependency of a declared package) and lies inside the declared range."""

from __future__ import annotations

import ast
import sys
import tomllib
from importlib.metadata import packages_distributions, requires
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]

# Python-UNO, LibreOffice's own bridge (export/uno_convert.py, optional PDF printing): it comes
# with LibreOffice, not from PyPI, and is imported only when LibreOffice runs it.
SYSTEM_MODULES = {"uno", "com"}


def declared() -> dict[str, Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    reqs = (Requirement(line) for line in project["dependencies"])
    return {canonicalize_name(r.name): r for r in reqs}


def pins() -> dict[str, str]:
    found = {}
    for line in (ROOT / "requirements.txt").read_text("utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        req = Requirement(line)
        (spec,) = req.specifier
        assert spec.operator == "==", f"requirements.txt pins exact versions: {line}"
        found[canonicalize_name(req.name)] = spec.version
    return found


def imported_modules() -> dict[str, str]:
    """Top-level third-party module → one file of ipaudit that imports it."""
    found: dict[str, str] = {}
    for path in sorted((ROOT / "ipaudit").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.partition(".")[0]
                if top != "ipaudit" and top not in sys.stdlib_module_names:
                    found.setdefault(top, str(path.relative_to(ROOT)))
    return found


def test_every_import_is_declared_and_every_declaration_imported() -> None:
    dists = packages_distributions()
    wanted = declared()
    used: set[str] = set()
    undeclared = []
    for module, where in imported_modules().items():
        if module in SYSTEM_MODULES:
            continue
        names = {canonicalize_name(d) for d in dists.get(module, [])}
        if not names & wanted.keys():
            undeclared.append(f"{module} ({where})")
        used |= names & wanted.keys()
    assert undeclared == [], "imported but not in pyproject's dependencies"
    assert sorted(wanted.keys() - used) == [], "declared but imported nowhere in ipaudit"


def test_every_pin_is_declared_and_inside_its_range() -> None:
    wanted = declared()
    pinned = pins()
    transitive = {
        canonicalize_name(Requirement(r).name)
        for name in wanted
        for r in requires(name) or []
        if "extra ==" not in r
    }
    outside = []
    for name, version in pinned.items():
        if name in wanted:
            if not wanted[name].specifier.contains(version, prereleases=True):
                outside.append(f"{name}=={version} not in {wanted[name].specifier}")
        elif name not in transitive:
            outside.append(f"{name}=={version} is pinned but neither declared nor needed")
    assert outside == []
    assert sorted(wanted.keys() - pinned.keys()) == [], "declared but not pinned"
