"""Every command with hostile arguments: never a traceback, and the workspace stays usable.

Each example runs one command on a fresh copy of a workspace that holds three imported ledgers,
with arguments drawn from what a hostile tester types: huge, negative and non-finite numbers,
path traversal, empty and very long strings, unicode, undecodable bytes, files that are folders,
binary junk, devices or damaged workspaces. The command must end with one of the README's exit
codes and no traceback; afterwards the workspace must still open and ``readiness``, ``findings``
and ``export`` must succeed on it. A few of the same runs go through a real process too.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import traceback
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ipaudit.cli import build_parser, main
from ipaudit.store import schema

ROOT = Path(__file__).resolve().parents[2]
EXIT_CODES = {0, 1, 2, 3, 4, 5}

REWARDS = """知识产权奖惩记录表
日期,姓名,部门,奖惩类型,事由,专利号,金额
2025-03-05,张三,研发部,奖励,发明专利授权,ZL202310000001.X,5000
2025-04-10,李四,研发部,奖励,实用新型授权,ZL202320000002.5,1000
"""
PAYMENTS = """知识产权奖金发放登记表
发放日期,姓名,金额,凭证号,事由
2025-03-20,张三,5000,记-12,发明专利授权奖励
2025-04-25,李四,1000,记-15,实用新型奖励
"""
EXPENSES = """知识产权经费使用记录
日期,类别,金额,凭证号,摘要
2025-03-20,奖励,5000,记-12,发明专利奖励
2025-04-25,奖励,1000,记-15,实用新型奖励
"""


@contextlib.contextmanager
def _isolated() -> Iterator[tuple[io.StringIO, io.StringIO]]:
    """Captured output, and the environment as it was (a command may set variables)."""
    environ = dict(os.environ)
    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            yield out, err
    finally:
        os.environ.clear()
        os.environ.update(environ)


def cli(*argv: object) -> tuple[int, str, str]:
    """``main(argv)`` in this process; an escaping exception is what a user sees as a traceback."""
    with _isolated() as (out, err):
        try:
            code = main([str(a) for a in argv])
        except BaseException:
            pytest.fail(f"traceback from {argv!r}:\n{traceback.format_exc()}")
    return code, out.getvalue(), err.getvalue()


class Files:
    """Hostile files and folders beside a pristine workspace, made once per module."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.base = root / "base.ipaudit"
        assert cli("new", self.base, "--company", "示例科技有限公司")[0] == 0
        for name, text in (("rewards", REWARDS), ("payments", PAYMENTS), ("expenses", EXPENSES)):
            (root / f"{name}.csv").write_text(text, "utf-8")
            code, _out, err = cli("import-ledger", self.base, root / f"{name}.csv")
            assert code == 0, err
        (root / "binary.bin").write_bytes(bytes(range(256)) * 64)
        (root / "empty.txt").write_bytes(b"")
        (root / "latin1.yaml").write_bytes("édition: 2023\n".encode("latin-1"))
        (root / "notes.yaml").write_text("just: [a, list", "utf-8")
        (root / "deep.yaml").write_text("[" * 5000, "utf-8")
        (root / "folder").mkdir()
        self.fifo = root / "pipe"
        os.mkfifo(self.fifo)  # reading or replacing it must be refused, not hang
        self.user_file = root / "folder" / "mine.docx"
        self.user_file.write_bytes(b"the user's own document")
        hollow = root / "hollow.ipaudit"  # ipaudit's application id, no tables
        with contextlib.closing(sqlite3.connect(hollow)) as raw:
            raw.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
            raw.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION}")
            raw.commit()
        self.hollow = hollow
        self.hollow_bytes = hollow.read_bytes()
        self.paths = [
            root / "missing" / "x.yaml",
            root / "nothing.ipaudit",
            root / "folder",
            self.user_file,
            root / "binary.bin",
            root / "empty.txt",
            root / "latin1.yaml",
            root / "notes.yaml",
            root / "deep.yaml",
            root / "rewards.csv",
            hollow,
            Path("/dev/null"),
            Path("/dev/zero"),
            Path("../../../../etc/passwd"),
        ]
        # a pipe too, for the commands that refuse one (reading a ledger from a pipe still waits)
        self.paths_and_pipe = [*self.paths, self.fifo]


@pytest.fixture(autouse=True)
def _in_a_scratch_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Relative names the fuzzing draws ("Infinity", "1,000" …) are written here, never in the
    project folder."""
    monkeypatch.chdir(tmp_path)


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Files:
    return Files(tmp_path_factory.mktemp("fuzz"))


def _undecodable(raw: bytes) -> str:
    """An argument as Linux hands over bytes that are not UTF-8 (surrogate escapes)."""
    return os.fsdecode(raw)


NUMBERS = (
    st.sampled_from(
        [
            "NaN",
            "-NaN",
            "sNaN",
            "Infinity",
            "-Infinity",
            "inf",
            "1e999999999",
            "-1e999999999",
            "1E+999999",
            "-99999999999999999999",
            "99999999999999999999",
            "9" * 5000,
            "0",
            "-1",
            "2.5",
            "１２",
            "1,000",
            "0x1F",
            "1/3",
            "3650",
            "3651",
        ]
    )
    | st.integers().map(str)
    | st.floats().map(str)
    | st.decimals().map(str)
)
DATES = st.sampled_from(
    [
        "2025-02-30",
        "0001-01-01",
        "9999-12-31",
        "1949-12-31",
        "2101-01-01",
        "2025年13月1日",
        "2025/3/5",
        "2025.3.5",
        "20250305",
        "-1",
        "99999",
        "45000",
        "",
    ]
)
WORDS = st.sampled_from(
    [
        "",
        " ",
        "../../evil",
        "..",
        "/",
        "rnd",
        "finance",
        "unknown",
        "rnd.projects",
        "headcount",
        "x" * 10_000,
        "研发部",
        "Ａ",
        "\u202e\u200b",
        "'; DROP TABLE facts; --",
        "%s%s%n",
        "--json",
        "-",
        "=",
        "a=b=c",
        "invention=",
        "=5000",
    ]
)
TEXTS = (
    WORDS
    | NUMBERS
    | DATES
    | st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40)
    | st.binary(min_size=1, max_size=12).map(_undecodable).filter(lambda s: "\x00" not in s)
)
FACT_KEYS = st.sampled_from(
    [
        "policy",
        "headcount.rnd",
        "headcount.unknown",
        "headcount.",
        "duties.rnd",
        "certificates",
        "portfolio.invention",
        "portfolio.../x",
        "extra.projects_in_progress",
        "manual-objectives",
        "objective.x",
        "objective.../../x",
        "objective.",
        "budget.training",
        "people.x",
    ]
)


def _fact_value(parts: list[str]) -> str:
    text, target, unit, share = parts
    return f"{text}|{target}|{unit}|rnd={share},finance={target}"


@st.composite
def argvs(draw: st.DrawFn, command: str, files: Files, ws: Path) -> list[str]:
    """One command line: ``command`` with hostile arguments."""
    text = TEXTS
    path = st.sampled_from(files.paths).map(str) | text
    any_path = (
        st.sampled_from(files.paths_and_pipe).map(str) | text
    )  # for commands that refuse pipes
    number = NUMBERS | text
    date = DATES | text
    args: list[object]
    if command == "new":
        args = [draw(st.sampled_from([files.root / "fresh.ipaudit", *files.paths])), "--company"]
        args += [draw(text)]
        for option in ("--audit-start", "--audit-end", "--period-start", "--period-end"):
            if draw(st.booleans()):
                args += [option, draw(date)]
        return [command, *map(str, args)]
    if command == "demo":  # only targets that are refused before a demo is built
        return [
            command,
            draw(st.sampled_from([ws, files.user_file, files.root / "folder"])).__str__(),
        ]
    if command == "reconcile":
        n = draw(st.sampled_from([1, 2, 3, 4]))
        args = [draw(path) for _ in range(n)]
        if draw(st.booleans()):
            args += ["--window-days", draw(number)]
        if draw(st.booleans()):
            args += ["--rate", f"{draw(text)}={draw(number)}"]
        return [command, *map(str, args)]
    if command == "verify":
        return [command, draw(any_path)]
    target: object = ws if draw(st.integers(0, 9)) else draw(any_path)  # mostly the real workspace
    args = [target]
    if command in ("findings", "items"):
        if command == "items" or draw(st.booleans()):
            args += (["--department"] if command == "findings" else []) + [draw(text)]
    elif command in ("answer", "status"):
        args += [draw(st.sampled_from(["rnd.interview", "rnd.projects"]) | text)]
        args += [draw(st.sampled_from(["headcount", "ready", "not_applicable"]) | text)]
        args += [draw(text)] if command == "answer" else ["--reason", draw(text)]
    elif command == "attach":
        args += [draw(st.sampled_from(["rnd.projects", "hr.labour_contracts"]) | text)]
        args += [draw(any_path)]
        for option in ("--slot", "--title", "--doc-number", "--version"):
            if draw(st.booleans()):
                args += [option, draw(text)]
        for option in ("--date", "--period-start", "--period-end"):
            if draw(st.booleans()):
                args += [option, draw(date)]
    elif command == "evidence":
        args += ["--item", draw(text)]
    elif command == "set-fact":
        key = draw(FACT_KEYS | text)
        value = draw(number | st.lists(number | text, min_size=4, max_size=4).map(_fact_value))
        args += [key, value]
    elif command == "departments":
        action = draw(st.sampled_from(["list", "rename", "add", "merge", "absent", "present"]))
        args += [action, draw(st.sampled_from(["rnd", "finance", "legal"]) | text)]
        for option in ("--zh", "--en", "--into"):
            if draw(st.booleans()):
                args += [option, draw(text)]
    elif command == "accept":
        args += [draw(text), draw(text)] + (["--withdraw"] if draw(st.booleans()) else [])
    elif command == "template":
        if draw(st.booleans()):
            args += ["--import", draw(any_path)]
        else:  # where --export may write: never over the shared files or a device
            targets = [files.root / "missing" / "x.yaml", files.root / "folder", files.fifo]
            args += ["--export", draw(st.sampled_from(targets).map(str) | text)]
    elif command == "import-ledger":
        args += [draw(path)]
        for option in ("--sheet", "--map", "--header-row"):
            if draw(st.booleans()):
                args += [option, draw(number if option == "--header-row" else text)]
    elif command == "rates":
        if draw(st.booleans()):
            args += ["--rate", f"{draw(st.sampled_from(['invention', '']) | text)}={draw(number)}"]
        if draw(st.booleans()):
            args += ["--rates", draw(any_path)]
        if draw(st.booleans()):
            args += ["--window-days", draw(number)]
    elif command == "export":
        target_dir = draw(
            st.sampled_from([files.root / "folder", files.user_file, ws, files.root / "pack"])
        )
        args += [target_dir, "--no-evidence"] + (["--force"] if draw(st.booleans()) else [])
    else:  # any other command: its options with hostile values
        args += [draw(text) for _ in range(draw(st.integers(0, 2)))]
        for option in _options(command):
            if draw(st.integers(0, 2)) == 0:
                args += [option, draw(number | date | text)]
    if draw(st.integers(0, 4)) == 0:
        args.append("--json")
    return [command, *map(str, args)]


def _commands() -> set[str]:
    parser = build_parser()  # with the ledger, export, cycle and other command groups
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return set(sub.choices)


def _options(command: str) -> list[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return [
        opt
        for action in sub.choices[command]._actions
        for opt in action.option_strings
        if opt.startswith("--") and opt != "--help" and action.nargs != 0
    ]


# commands that change the workspace: after one succeeded, the pack is exported as a check
WRITERS = {
    "answer",
    "attach",
    "status",
    "set-fact",
    "departments",
    "accept",
    "template",
    "import-ledger",
    "rates",
    "info",
    "people",
    "budget",
}
COMMANDS = sorted(_commands())
# per command; IPAUDIT_FUZZ_EXAMPLES=50 hunts with fresh random examples, CI runs the same few
EXAMPLES = int(os.environ.get("IPAUDIT_FUZZ_EXAMPLES", "2"))
HUNTING = "IPAUDIT_FUZZ_EXAMPLES" in os.environ


def assert_still_usable(ws: Path, files: Files, export: bool) -> None:
    for argv in (("readiness", ws), ("findings", ws, "--json")):
        code, _out, err = cli(*argv)
        assert code == 0, f"{argv[0]} after the fuzzed command: {err}"
    if export:
        pack = files.root / "check"
        code, _out, err = cli("export", ws, pack, "--no-evidence")
        assert code == 0, f"export after the fuzzed command: {err}"
        shutil.rmtree(pack)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_survives_hostile_arguments(files: Files, command: str) -> None:
    @settings(
        max_examples=EXAMPLES,
        derandomize=not HUNTING,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(st.data())
    def run(data: st.DataObject) -> None:
        ws = files.root / "ws.ipaudit"
        for leftover in files.root.glob("ws.ipaudit*"):
            leftover.unlink()
        shutil.copyfile(files.base, ws)
        succeeded = False
        for _ in range(3):  # three hostile runs of the command on the same workspace
            argv = data.draw(argvs(command, files, ws))
            code, _out, err = cli(*argv)
            assert code in EXIT_CODES, (argv, code, err)
            assert "Traceback" not in err, (argv, err)
            if code in (3, 4):
                assert err.startswith("ipaudit: "), err
            succeeded = succeeded or code == 0
            assert files.user_file.read_bytes() == b"the user's own document"
            assert files.hollow.read_bytes() == files.hollow_bytes  # not "repaired"
        assert_still_usable(ws, files, export=succeeded and command in WRITERS)

    run()


# what versions that did not validate let through, in two workspaces (a key holds one value)
STORED_BY_OLDER_VERSIONS = [
    [
        ("settings", "ledger_window_days", "-99999999999999999999"),
        ("rates", "invention", "100000000000000000000"),
        ("facts", "headcount", '{"rnd": -5, "finance": 1' + "0" * 4000 + "}"),
        ("facts", "portfolio", '{"invention": -99999999999999999999}'),
        ("facts", "objectives", '[{"key": "x", "text": "t", "target": "1E+999999999"}]'),
        ("departments", "../../evil", ""),
    ],
    [
        ("template", "", "edition: 2023\nitems: ["),  # a checklist copy that no longer loads
        ("settings", "ledger_window_days", "NaN"),
        (
            "facts",
            "objectives",
            '[{"key": "x", "text": "t", "target": "NaN", "split": {}},'
            ' {"key": "y", "text": "t", "target": "1", "split": {"rnd": "Infinity"}}]',
        ),
    ],
]


@pytest.mark.parametrize("stored", STORED_BY_OLDER_VERSIONS)
def test_values_stored_by_an_older_version_never_break_a_command(
    files: Files, tmp_path: Path, stored: list[tuple[str, str, str]]
) -> None:
    ws = tmp_path / "old.ipaudit"
    shutil.copyfile(files.base, ws)
    with contextlib.closing(sqlite3.connect(ws)) as raw:
        for table, key, value in stored:
            if table == "settings":
                sql = "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)"
            elif table == "rates":
                sql = "INSERT OR REPLACE INTO rates (ip_type, amount) VALUES (?, ?)"
            elif table == "departments":  # a copy of R&D under a key of no safe alphabet
                sql = (
                    "INSERT INTO departments (key, name_zh, name_en, absent, position, version)"
                    " SELECT ?, name_zh, name_en, absent, 99, version FROM departments"
                    " WHERE key = 'rnd' AND ? = ''"
                )
            elif table == "template":
                sql, key, value = "UPDATE template SET yaml = ? WHERE id = ?", value, 1
            else:
                sql = "UPDATE facts SET value = ? WHERE key = ?"
                key, value = value, key
            raw.execute(sql, (key, value))
        raw.commit()
    for argv in (("readiness", ws), ("ledger", ws, "--json"), ("rates", ws), ("facts", ws)):
        code, _out, err = cli(*argv)
        assert code == 0, err
    code, out, _err = cli("findings", ws, "--json")
    findings = [f for f in json.loads(out) if f["code"] == "stored_value_invalid"]
    assert len(findings) >= len(stored)  # each said, none silently dropped
    assert all(("again" in m or "merge" in m) for m in (f["message_en"] for f in findings))
    code, _out, err = cli("export", ws, tmp_path / "pack", "--no-evidence")
    assert code == 0, err
    code, _out, err = cli("set-fact", ws, "policy", "以创新促发展")  # other edits still work
    assert code == 0, err


def test_hostile_arguments_in_a_real_process(files: Files, tmp_path: Path) -> None:
    ws = tmp_path / "w.ipaudit"
    shutil.copyfile(files.base, ws)
    cases: list[tuple[list[str | bytes], int]] = [
        (["rates", str(ws), "--window-days", "-99999999999999999999"], 4),
        (["set-fact", str(ws), "objective.x", "x|1e999999999|件|rnd=1"], 4),
        (["departments", str(ws), "add", "../../evil", "--zh", "恶意"], 4),
        (["findings", str(ws), "--department", "unknown"], 4),
        (["attach", str(ws), "rnd.projects", str(tmp_path / "gone.pdf")], 4),
        (["template", str(ws), "--import", str(files.root / "binary.bin")], 4),
        (["readiness", str(files.hollow)], 3),
        ([b"answer", os.fsencode(ws), b"rnd.interview", b"headcount", b"\xff\xfe"], 4),
    ]
    env = {**os.environ, "IPAUDIT_LANG": "en"}
    for argv, expected in cases:
        result = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), *argv],
            capture_output=True,
            env=env,
            timeout=120,
            cwd=tmp_path,
        )
        err = result.stderr.decode("utf-8", "replace")
        assert "Traceback" not in err, (argv, err)
        assert result.returncode == expected, (argv, err)
        assert all(line.startswith("ipaudit: ") for line in err.splitlines()), err
    assert files.hollow.read_bytes() == files.hollow_bytes
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "export", str(ws), str(tmp_path / "pack")],
        capture_output=True,
        env=env,
        timeout=120,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr


# every input the fuzzing found ending in a traceback (or a hang), kept as a regression case
FOUND = [
    ["departments", "{ws}", "rename", "rnd"],  # NOT NULL constraint: no --zh
    ["departments", "{ws}", "add", "legal"],
    ["departments", "{ws}", "merge", "rnd"],  # no --into
    ["departments", "{ws}", "add", "legal", "--zh", "x" * 100],
    ["attach", "{ws}", "rnd.projects", "{root}/rewards.csv", "--slot", "²/x"],  # int("²")
    ["attach", "{ws}", "rnd.projects", "{root}/rewards.csv", "--slot", "year:99999"],
    ["attach", "{ws}", "rnd.projects", "/dev/zero"],  # read for ever, filling the disk
    ["answer", "{ws}", "rnd.interview", "headcount", os.fsdecode(b"\xff\xfe")],
    ["template", "{ws}", "--import", "{root}/binary.bin"],
    ["template", "{ws}", "--export", "{root}/folder"],
    ["template", "{ws}", "--export", "{root}/pipe"],  # was replaced by a regular file
    ["template", "{ws}", "--import", "{root}/pipe"],  # hung
    ["attach", "{ws}", "rnd.projects", "{root}/pipe"],  # hung reading the pipe for its dates
    ["rates", "{ws}", "--rate", "invention=1e999999999"],
    ["rates", "{ws}", "--rate", "=5000"],
    ["rates", "{ws}", "--rates", "{root}/binary.bin"],
    ["set-fact", "{ws}", "headcount.rnd", "1e999999"],
    ["set-fact", "{ws}", "portfolio.invention", "NaN"],
    ["verify", "x" * 10_000],  # OSError: file name too long
    ["attach", "{ws}", "rnd.projects", "x" * 10_000],
    ["export", "{ws}", "x" * 10_000],
]


@pytest.mark.parametrize("argv", FOUND, ids=lambda a: " ".join(a[:1] + a[2:4])[:40])
def test_inputs_that_once_ended_in_a_traceback(
    files: Files, tmp_path: Path, argv: list[str]
) -> None:
    ws = tmp_path / "w.ipaudit"
    shutil.copyfile(files.base, ws)
    code, _out, err = cli(*(a.format(ws=ws, root=files.root) for a in argv))
    assert code == 4, err
    assert all(line.startswith("ipaudit: ") for line in err.splitlines()), err  # sentences


@pytest.mark.parametrize("version", [0, 1, schema.SCHEMA_VERSION])
def test_a_file_with_our_id_but_no_tables_is_damaged_and_left_untouched(
    tmp_path: Path, version: int
) -> None:
    hollow = tmp_path / "hollow.ipaudit"
    with contextlib.closing(sqlite3.connect(hollow)) as raw:
        raw.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
        raw.execute(f"PRAGMA user_version = {version}")
        raw.commit()
    before = hollow.read_bytes()
    for argv in (("readiness", hollow), ("set-fact", hollow, "policy", "x"), ("export", hollow)):
        code, _out, err = cli(*argv)
        assert code == 3 and "已损坏" in err, err  # "damaged": exit 3, one sentence
    assert hollow.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hollow.ipaudit"]  # no backup, no WAL


def test_a_pipe_given_as_the_workspace_is_refused_not_waited_on(files: Files) -> None:
    code, _out, err = cli("readiness", files.fifo)
    assert code == 3 and err.startswith("ipaudit: "), err
