"""Counted words in the messages of the services, the command line, the exports, the ledgers and
the domain: a count is written with ``ipaudit.text.counted`` ("1 file", "8 files"), never as
"{n} files" (which reads "1 files") nor with "(s)". The scan below reads every f-string of
ipaudit/services, ipaudit/cli*, ipaudit/export, ipaudit/ledger and ipaudit/domain, so such a
message cannot come back."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from ipaudit.text import counted

ROOT = Path(__file__).resolve().parents[2] / "ipaudit"

#: Words that may follow a value in an f-string without being a plural noun after a count: a verb
#: after a name ("{target} exists already", "{name} is open") or a pronoun.
NOT_NOUNS = frozenset(
    {"as", "does", "differs", "exists", "has", "is", "its", "reads", "this", "was"}
    | {"appears", "ends", "follows", "lacks", "points"}
)
#: Words that end the noun phrase after a value ("{n} of them", "{n} with problems").
STOP = frozenset(
    {"above", "and", "are", "at", "be", "can", "from", "in", "must", "of", "on", "or", "the", "to"}
    | {"with"}
)
PLURAL_MARK = re.compile(r"[a-z]\((s|es)\)")


def sources() -> list[Path]:
    return sorted(
        [
            *(ROOT / "services").rglob("*.py"),
            *(ROOT / "ledger").rglob("*.py"),
            *(ROOT / "export").rglob("*.py"),
            *(ROOT / "domain").rglob("*.py"),
            *ROOT.glob("cli*.py"),
            *(p for d in ROOT.glob("cli_*") if d.is_dir() for p in d.rglob("*.py")),
        ]
    )


def _plural_after(text: str) -> str:
    """The plural noun that starts ``text`` (the literal after a value), or ""."""
    for token in text.split()[:3]:
        word = token.rstrip(",.;:)")  # "{n} records, …" ends the phrase with the noun
        if word in STOP or word in NOT_NOUNS or not re.fullmatch(r"[a-z][a-z-]*", word):
            return ""
        if len(word) > 2 and word.endswith("s"):
            return word
        if word != token:
            return ""
    return ""


def _is_constant(value: ast.expr) -> bool:
    """A module constant such as MIN_LENGTH: a fixed number, never 1."""
    name = value.attr if isinstance(value, ast.Attribute) else getattr(value, "id", "")
    return bool(name) and name.isupper()


def mistakes(code: str) -> list[str]:
    """Each "{value} <plural noun>" of an f-string in ``code`` and each "(s)" of a string."""
    found = []
    for node in ast.walk(ast.parse(code)):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and PLURAL_MARK.search(node.value)
        ):
            found.append(f"{node.lineno}: {node.value!r}")
        if not isinstance(node, ast.JoinedStr):
            continue
        for value, after in zip(node.values, node.values[1:], strict=False):
            if not isinstance(value, ast.FormattedValue) or _is_constant(value.value):
                continue
            if not (isinstance(after, ast.Constant) and isinstance(after.value, str)):
                continue
            if after.value.startswith(" ") and (word := _plural_after(after.value)):
                found.append(f"{node.lineno}: {{{ast.unparse(value.value)}}} {word}")
    return found


def test_no_message_of_the_services_or_the_command_line_counts_with_a_fixed_plural() -> None:
    files = sources()
    assert len(files) > 40  # every service and command module, not a handful
    assert any(f.name == "cli.py" for f in files) and any("cli_team" in str(f) for f in files)
    bad = [
        f"{path.relative_to(ROOT.parent)}:{where}"
        for path in files
        for where in mistakes(path.read_text(encoding="utf-8"))
    ]
    assert not bad, "write the count with ipaudit.text.counted:\n" + "\n".join(bad)


@pytest.mark.parametrize(
    ("code", "found"),
    [
        ('f"{len(found)} requests"', ["1: {len(found)} requests"]),
        ('f"Imported {n} changes and attached {m}" f" files"', ["1: {n} changes", "1: {m} files"]),
        ('f"{total:,} bytes of evidence"', ["1: {total} bytes"]),
        ('"%n item(s)"', ["1: '%n item(s)'"]),
        ('f"{late} days overdue"', ["1: {late} days"]),
        ('f"{n} records, {m} agree"', ["1: {n} records"]),
        ('f"{d} penalties."', ["1: {d} penalties"]),
        ('f"{n} major, {m} minor nonconformities"', ["1: {m} nonconformities"]),
        ('f"{label} ends before it starts"', []),
        ('f"{target} exists already"', []),
        ('f"The value of {what} must be yes or no."', []),
        ('f"{name} is open for writing by {who}"', []),
        ('f"at least {MIN_LENGTH} characters"', []),
        ("f\"{counted(n, 'file')}\"", []),
        ('f"{n} 个文件"', []),
    ],
)
def test_the_scan_sees_a_plural_after_a_value(code: str, found: list[str]) -> None:
    assert mistakes(code) == found


@pytest.mark.parametrize(
    ("n", "args", "grouped", "said"),
    [
        (1, ("item",), False, "1 item"),
        (0, ("item",), False, "0 items"),
        (2, ("entry", "entries"), False, "2 entries"),
        (1, ("file matches", "files match"), False, "1 file matches"),
        (3, ("file matches", "files match"), False, "3 files match"),
        (12000, ("row",), True, "12,000 rows"),
        (1, ("byte",), True, "1 byte"),
    ],
)
def test_counted(n: int, args: tuple[str, ...], grouped: bool, said: str) -> None:
    assert counted(n, *args, grouped=grouped) == said
