#!/usr/bin/env python3
"""Build the UI translations: one command for the .ts and the .qm.

    .venv/bin/python tools/i18n.py            # update ipaudit_zh_CN.ts and build ipaudit_zh_CN.qm
    .venv/bin/python tools/i18n.py --check    # only report; writes nothing (for CI)

Steps:
1. ``pyside6-lupdate`` extracts every ``self.tr()`` / ``QCoreApplication.translate()`` string of
   ``ipaudit/ui/**/*.py`` into ``ipaudit/resources/i18n/ipaudit_zh_CN.ts`` (obsolete strings dropped).
   Module-level helpers of the form ``def tr(text): return QCoreApplication.translate("Ctx", text)``
   are understood: lupdate files their strings under an empty context, and this tool moves them to
   "Ctx", the context the helper asks for at run time.
2. The Chinese comes from the glossaries ``ipaudit/resources/i18n/zh_CN/*.yaml``, one per UI package and
   named after it: ``checklist.yaml`` for ``ipaudit/ui/checklist/``, ``facts.yaml``, ``findings.yaml``
   … and ``shell.yaml`` for the modules directly in ``ipaudit/ui/`` (main window, dialogs, undo
   commands). Each maps the English source text, exactly as written in the code, to its Chinese::

       "&File": "文件(&F)"
       "Readiness %1% · %2 blocking findings": "就绪度 %1% · %2 项阻碍性问题"
       MainWindow:                 # optional: an entry for one context (class) only
         "Open": "打开工作区"

   A string is looked up in its own package's glossary first (a context entry before a plain
   one), then in ``shell.yaml``, then in the other glossaries; so two packages may translate the
   same English differently.
3. ``pyside6-lrelease`` compiles the .ts into ``ipaudit/resources/i18n/ipaudit_zh_CN.qm``.
4. English counts: a string with a count is written ``self.tr("%n problem(s) found", "", n)``.
   ``ipaudit_en.ts`` / ``ipaudit_en.qm`` hold only those strings (``lupdate -pluralonly``) with
   their English singular and plural: ``problem(s)`` gives "problem" and "problems"; a text the
   rule cannot make (a verb that agrees, "entry/entries") is written out in
   ``ipaudit/resources/i18n/en/plurals.yaml`` as ``"source": ["one", "many"]``. The UI loads
   the English .qm when English is chosen, so English shows "1 problem found", "8 problems found".

The exit code is 0 when every string has a translation, 1 otherwise, listing each untranslated
string with its file and line (the .qm is still built with what there is), 2 on a glossary error
(a file that is not a mapping of texts).
English needs no catalogue: the source strings are English.
"""

from __future__ import annotations

import argparse
import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
UI_DIR = ROOT / "ipaudit" / "ui"
I18N_DIR = ROOT / "ipaudit" / "resources" / "i18n"
GLOSSARY_DIR = I18N_DIR / "zh_CN"
TS_FILE = I18N_DIR / "ipaudit_zh_CN.ts"
QM_FILE = I18N_DIR / "ipaudit_zh_CN.qm"
EN_TS_FILE = I18N_DIR / "ipaudit_en.ts"
EN_QM_FILE = I18N_DIR / "ipaudit_en.qm"
EN_PLURALS = I18N_DIR / "en" / "plurals.yaml"
#: "problem(s)", "match(es)": the English plural marker of a counted source text
PLURAL_MARK = re.compile(r"\((s|es)\)")


@dataclass(frozen=True, slots=True)
class Untranslated:
    context: str
    source: str
    file: str
    line: int


class GlossaryError(Exception):
    pass


def qt_tool(name: str) -> str:
    """``pyside6-<name>`` next to this Python (the venv), else on PATH."""
    candidate = Path(sys.executable).with_name(f"pyside6-{name}")
    if candidate.exists():
        return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found; install PySide6 (requirements.txt)")
    return found


def ui_sources() -> list[Path]:
    return sorted(p for p in UI_DIR.rglob("*.py") if "__pycache__" not in p.parts)


def helper_contexts(files: list[Path]) -> dict[Path, str]:
    """Files with a module-level ``tr`` helper -> the context it passes to ``translate``."""
    out: dict[Path, str] = {}
    for path in files:
        tree = ast.parse(path.read_text("utf-8"), str(path))
        for node in tree.body:
            if not (isinstance(node, ast.FunctionDef) and node.name == "tr"):
                continue
            for call in ast.walk(node):
                if (
                    isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Attribute)
                    and call.func.attr == "translate"
                    and call.args
                    and isinstance(call.args[0], ast.Constant)
                    and isinstance(call.args[0].value, str)
                ):
                    out[path.resolve()] = call.args[0].value
    return out


@dataclass(slots=True)
class Glossary:
    name: str  # the package it serves ("shell" for ipaudit/ui/*.py)
    plain: dict[str, str]
    by_context: dict[tuple[str, str], str]

    def lookup(self, context: str, source: str) -> str | None:
        return self.by_context.get((context, source)) or self.plain.get(source)


def load_glossaries(folder: Path) -> dict[str, Glossary]:
    """Every ``*.yaml`` in ``folder`` by package name."""
    out: dict[str, Glossary] = {}
    problems: list[str] = []
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text("utf-8")) or {}
        glossary = Glossary(path.stem, {}, {})
        out[path.stem] = glossary
        if not isinstance(data, dict):
            problems.append(f"{path.name}: the top level must be a mapping")
            continue
        for key, value in data.items():
            if isinstance(value, dict):
                for source, zh in value.items():
                    if isinstance(zh, str):
                        glossary.by_context[(str(key), str(source))] = zh
                    else:
                        problems.append(f"{path.name}: {key}/{source!r}: not a text")
            elif isinstance(value, str):
                glossary.plain[str(key)] = value
            else:
                problems.append(f"{path.name}: {key!r}: not a text")
    if problems:
        raise GlossaryError("\n".join(problems))
    return out


def package_of(source_file: Path) -> str:
    """The glossary that serves a source file: its package under ipaudit/ui, or "shell"."""
    try:
        rel = source_file.resolve().relative_to(UI_DIR)
    except ValueError:
        return "shell"
    return rel.parts[0] if len(rel.parts) > 1 else "shell"


def translate(
    glossaries: dict[str, Glossary], package: str, context: str, source: str
) -> str | None:
    order = [package, "shell", *sorted(glossaries)]
    for name in dict.fromkeys(order):
        glossary = glossaries.get(name)
        if glossary is not None:
            zh = glossary.lookup(context, source)
            if zh:
                return zh
    return None


def run_lupdate(files: list[Path], ts: Path, target: str = "zh_CN") -> None:
    cmd = [
        qt_tool("lupdate"),
        *map(str, files),
        "-no-obsolete",
        *(["-pluralonly"] if target == "en" else []),
        "-locations",
        "absolute",
        "-source-language",
        "en",
        "-target-language",
        target,
        "-ts",
        str(ts),
    ]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)


def _fix_helper_contexts(root: ET.Element, ts: Path, helpers: dict[Path, str]) -> None:
    """Move messages of the empty context to the context their module's ``tr`` helper uses.

    Moved messages get their file and absolute line, since relative lines count from the message
    before them.
    """
    empty = next((c for c in root.findall("context") if (c.findtext("name") or "") == ""), None)
    if empty is None:
        return
    contexts = {c.findtext("name") or "": c for c in root.findall("context")}
    filename, line = "", 0
    for message in empty.findall("message"):
        loc = message.find("location")
        if loc is not None:
            if loc.get("filename"):
                filename, line = loc.get("filename", ""), 0
            delta = loc.get("line", "0")
            line = line + int(delta) if delta.startswith(("+", "-")) else int(delta)
        ctx = helpers.get((ts.parent / filename).resolve()) if filename else None
        if not ctx:
            continue
        target = contexts.get(ctx)
        if target is None:
            target = ET.SubElement(root, "context")
            ET.SubElement(target, "name").text = ctx
            contexts[ctx] = target
        if loc is not None:
            loc.set("filename", filename)
            loc.set("line", str(line))
        empty.remove(message)
        target.append(message)
    if not empty.findall("message"):
        root.remove(empty)


def fill(ts: Path, glossaries: dict[str, Glossary], helpers: dict[Path, str]) -> list[Untranslated]:
    tree = ET.parse(ts)
    root = tree.getroot()
    _fix_helper_contexts(root, ts, helpers)
    missing: list[Untranslated] = []
    for context in root.findall("context"):
        name = context.findtext("name") or ""
        current_file, line = "", 0
        for message in context.findall("message"):
            loc = message.find("location")
            if loc is not None:
                if loc.get("filename"):
                    current_file = loc.get("filename", "")
                    line = 0
                delta = loc.get("line", "0")
                line = line + int(delta) if delta.startswith(("+", "-")) else int(delta)
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            package = package_of(ts.parent / current_file) if current_file else "shell"
            zh = translate(glossaries, package, name, source)
            if zh:
                if message.get("numerus") == "yes":
                    for old in list(translation):
                        translation.remove(old)
                    ET.SubElement(translation, "numerusform").text = zh
                    translation.text = None
                else:
                    translation.text = zh
                translation.attrib.pop("type", None)
            else:
                translation.text = None
                translation.set("type", "unfinished")
                shown = (
                    str((ts.parent / current_file).resolve().relative_to(ROOT))
                    if current_file
                    else "?"
                )
                missing.append(Untranslated(name, source, shown, line))
    _write_ts(tree, ts)
    return missing


def _write_ts(tree: ET.ElementTree, ts: Path) -> None:
    """Write a .ts file as lupdate does (its declaration and doctype, four-space indents)."""
    ET.indent(tree, space="    ")
    with ts.open("wb") as fh:
        fh.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(fh, encoding="utf-8", xml_declaration=False)
        fh.write(b"\n")


def load_plurals(path: Path) -> dict[str, tuple[str, str]]:
    """The written-out English forms: source -> (one, many)."""
    data = yaml.safe_load(path.read_text("utf-8")) if path.exists() else {}
    out: dict[str, tuple[str, str]] = {}
    for source, forms in (data or {}).items():
        if not (
            isinstance(forms, list) and len(forms) == 2 and all(isinstance(f, str) for f in forms)
        ):
            raise GlossaryError(f"{path.name}: {source!r}: give [one, many]")
        out[str(source)] = (forms[0], forms[1])
    return out


def english_forms(source: str, plurals: dict[str, tuple[str, str]]) -> tuple[str, str]:
    """The singular and plural English of a counted source text."""
    if source in plurals:
        return plurals[source]
    return PLURAL_MARK.sub("", source), PLURAL_MARK.sub(r"\1", source)


def fill_english(ts: Path, plurals: dict[str, tuple[str, str]], helpers: dict[Path, str]) -> int:
    """Give every counted message of the English .ts its two forms; returns how many."""
    tree = ET.parse(ts)
    root = tree.getroot()
    _fix_helper_contexts(root, ts, helpers)
    count = 0
    for message in root.iter("message"):
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        for old in list(translation):
            translation.remove(old)
        translation.attrib.pop("type", None)
        translation.text = None
        for form in english_forms(message.findtext("source") or "", plurals):
            ET.SubElement(translation, "numerusform").text = form
        count += 1
    _write_ts(tree, ts)
    return count


def run_lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([qt_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="report only; write nothing")
    args = parser.parse_args(argv)
    try:
        glossaries = load_glossaries(GLOSSARY_DIR)
        plurals = load_plurals(EN_PLURALS)
    except GlossaryError as exc:
        print(f"glossary error:\n{exc}", file=sys.stderr)
        return 2
    files = ui_sources()
    helpers = helper_contexts(files)
    # check mode works on a copy beside the real one, so its relative locations stay right
    ts = I18N_DIR / f".check-{TS_FILE.name}" if args.check else TS_FILE
    en_ts = I18N_DIR / f".check-{EN_TS_FILE.name}" if args.check else EN_TS_FILE
    if args.check:
        for real, copy in ((TS_FILE, ts), (EN_TS_FILE, en_ts)):
            if real.exists():
                shutil.copyfile(real, copy)
    stale = False
    try:
        run_lupdate(files, ts)
        missing = fill(ts, glossaries, helpers)
        total = sum(1 for _ in ET.parse(ts).getroot().iter("message"))
        run_lupdate(files, en_ts, "en")
        counted = fill_english(en_ts, plurals, helpers)
        if not args.check:
            run_lrelease(ts, QM_FILE)
            run_lrelease(en_ts, EN_QM_FILE)
        elif TS_FILE.exists():
            stale = _messages(ts) != _messages(TS_FILE) or not QM_FILE.exists()
            stale = stale or not EN_TS_FILE.exists() or not EN_QM_FILE.exists()
            stale = stale or _plural_forms(en_ts) != _plural_forms(EN_TS_FILE)
    finally:
        if args.check:
            ts.unlink(missing_ok=True)
            en_ts.unlink(missing_ok=True)
    if missing:
        print(
            f"{len(missing)} untranslated string(s) — add them to ipaudit/resources/i18n/zh_CN/<package>.yaml:"
        )
        for m in missing:
            print(f"  {m.file}:{m.line}  [{m.context or '-'}]  {m.source!r}")
        return 1
    if not args.check:
        print(f"{TS_FILE.relative_to(ROOT)}: {total} strings, all translated; built {QM_FILE.name}")
        print(f"{EN_TS_FILE.relative_to(ROOT)}: {counted} counted strings; built {EN_QM_FILE.name}")
    elif stale:
        print(f"{TS_FILE.relative_to(ROOT)} is out of date with the sources: run tools/i18n.py")
        return 1
    else:
        print("all strings translated")
    return 0


def _plural_forms(ts: Path) -> set[tuple[str, str, tuple[str, ...]]]:
    """(context, source, forms) of every message of the English .ts."""
    root = ET.parse(ts).getroot()
    return {
        (
            c.findtext("name") or "",
            m.findtext("source") or "",
            tuple(f.text or "" for f in m.iter("numerusform")),
        )
        for c in root.findall("context")
        for m in c.findall("message")
    }


def _messages(ts: Path) -> set[tuple[str, str, str]]:
    """(context, source, translation) of every finished message of a .ts file."""
    root = ET.parse(ts).getroot()
    return {
        (c.findtext("name") or "", m.findtext("source") or "", m.findtext("translation") or "")
        for c in root.findall("context")
        for m in c.findall("message")
        if (
            m.find("translation") is None
            or m.find("translation").get("type") not in ("obsolete", "vanished")
        )
    }


if __name__ == "__main__":
    sys.exit(main())
