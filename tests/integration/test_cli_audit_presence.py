"""Every command of the audit day and cycle (ipaudit.cli_audit) warns on standard error when another
program holds the workspace file open for writing, as the main commands do; a command that only
reads with --read-only, or compares two cycles read-only, does not."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from ipaudit import cli_audit
from ipaudit.cli import main
from tests.integration.cli_run import new_workspace
from tests.team_holder import hold, let_go

WARNING = "open for writing by 王伟"
#: commands that only read, and open both files read-only
READ_ONLY = {"compare-cycles"}
#: what a command needs besides its positionals to get as far as opening the file
EXTRA = {"plan-export": ["--ics", "{tmp}/plan.ics"]}


def audit_commands() -> dict[str, argparse.ArgumentParser]:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers()
    cli_audit.configure(sub)
    return dict(sub.choices)


def arguments(name: str, command: argparse.ArgumentParser, path: Path, tmp: Path) -> list[str]:
    """The command with the workspace, a harmless value for every other positional and what its
    required options need (files and folders inside ``tmp``)."""
    args = [name]
    for action in command._actions:
        if action.option_strings:
            if action.required:
                args += [action.option_strings[0], str(tmp / f"{action.dest}-out")]
            continue
        if action.dest == "workspace":
            args.append(str(path))
        elif action.nargs in (None, "+"):
            args.append(str(path) if action.dest == "current" else str(tmp / f"{action.dest}-x"))
    args += [a.format(tmp=tmp) for a in EXTRA.get(name, [])]
    return args


def test_every_audit_command_warns_of_another_writer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IPAUDIT_LANG", "en")
    path = new_workspace(capsys, tmp_path / "held.ipaudit")
    commands = audit_commands()
    assert len(commands) > 25  # plan, rehearsal, requests, mock audit, actions, apply, cycle
    proc = hold(path)
    silent = []
    try:
        for name, command in sorted(commands.items()):
            out_dir = tmp_path / name
            out_dir.mkdir()
            main(arguments(name, command, path, out_dir))
            err = capsys.readouterr().err
            if (WARNING in err) == (name in READ_ONLY):
                silent.append((name, err[-200:]))
        assert silent == []
        # a read-only look does not warn: it cannot overwrite anything
        main(["--read-only", "plan", str(path)])
        assert WARNING not in capsys.readouterr().err
    finally:
        let_go(proc)
    main(["requests", str(path)])
    assert capsys.readouterr().err == ""
