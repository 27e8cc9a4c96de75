"""``team-setup``, ``team-user`` and ``team-identity``: a team workspace on a PostgreSQL server,
its logins and who a login is.

``team-setup`` and ``team-user`` connect with a server administrator's address (a superuser, or a
role with CREATEROLE). Passwords are read from the terminal without echo (asked twice), or — when
standard input is not a terminal — one a line from it; never from the command line, never stored
by ipaudit, never logged: the server gets them as SCRAM-SHA-256 verifiers.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from ipaudit import cli
from ipaudit.cli import EXIT_OK, command, emit_json, lang, out, progress_line
from ipaudit.domain.model import AuditType, Edition
from ipaudit.store.address import server_url
from ipaudit.store.errors import InvalidInput
from ipaudit.text import counted


def read_password(login: str) -> str:
    """A new password for ``login``: from the terminal (no echo, asked twice) or one line of
    standard input."""
    zh, en = f"登录名 {login} 的密码", f"Password for the login {login}"
    prompt = (en if lang() == "en" else zh) + ": "
    if sys.stdin is not None and sys.stdin.isatty():
        first = getpass.getpass(prompt)
        if getpass.getpass(prompt) != first:
            raise InvalidInput("两次输入的密码不一致。", "The two entries differ.")
        return first
    line = sys.stdin.readline() if sys.stdin is not None else ""
    if not line.rstrip("\r\n"):
        raise InvalidInput(
            f"标准输入中没有 {login} 的密码（每行一个）。",
            f"No password for {login} on standard input (one a line).",
        )
    return line.rstrip("\r\n")


@command("team-setup")
def cmd_team_setup(args: argparse.Namespace) -> int:
    from ipaudit.cli import warn_other_writer
    from ipaudit.services import team
    from ipaudit.store.server import login_of

    if args.from_file is not None:
        warn_other_writer(args.from_file)
    info = cli.new_info(args) if args.from_file is None and args.company else None
    own = login_of(server_url(args.address) or "")  # the login the address connects as
    # the administrator's own login as the manager keeps its password: none is asked
    keep = args.keep_password or args.manager == own
    password = None if keep else read_password(args.manager)
    label = "push" if lang() == "en" else "推送"
    done = team.setup_team(
        args.address,
        manager_login=args.manager,
        manager_password=password,
        source=args.from_file,
        info=info,
        progress=progress_line(label) if args.from_file else None,
    )
    data = {
        "address": done.address,
        "created": done.created,
        "copied_rows": done.copied.total_rows if done.copied else 0,
        "manager": args.manager,
        "manager_created": done.manager_created,
        "roles_created": done.roles.created,
        "department_roles": done.roles.department_roles,
    }
    if args.json:
        emit_json(data)
        return EXIT_OK
    en = lang() == "en"
    out(f"Team workspace ready: {done.address}" if en else f"团队工作区已就绪：{done.address}")
    if done.copied:
        out(
            f"  copied {counted(done.copied.total_rows, 'row', grouped=True)},"
            f" {counted(done.copied.evidence_bytes, 'byte', grouped=True)} of evidence"
            if en
            else f"  已复制 {done.copied.total_rows} 行、{done.copied.evidence_bytes:,} 字节证据"
        )
    for key, role in done.roles.department_roles.items():
        out(f"  {key}: {role}")
    out(
        f"  manager login {args.manager} ({'created' if done.manager_created else 'updated'})"
        if en
        else f"  体系专员登录名 {args.manager}（{'已创建' if done.manager_created else '已更新'}）"
    )
    return EXIT_OK


@command("team-user")
def cmd_team_user(args: argparse.Namespace) -> int:
    from ipaudit.services import team

    en = lang() == "en"
    with cli._open(args.address) as ws:
        if args.action in ("add", "password", "remove") and not args.login:
            raise InvalidInput("缺少登录名。", "The login name is missing.")
        if args.action == "add":
            if not args.role:
                raise InvalidInput(
                    "请用 --role manager|readonly|department:部门键 指定角色。",
                    "Give the role with --role manager|readonly|department:<key>.",
                )
            kind, department = team.parse_role(args.role)
            exists = any(u.name == args.login for u in team.users(ws))
            password = None if args.keep_password or exists else read_password(args.login)
            created = team.add_user(ws, args.login, kind, password, department=department)
            text = team.role_text(kind, department).get(lang())
            out(
                f"{args.login}: {text}{' (new login)' if created else ''}"
                if en
                else f"{args.login}：{text}{'（新登录名）' if created else ''}"
            )
        elif args.action == "password":
            team.team_login(ws, args.login)  # an unknown login is said before the password is asked
            team.set_password(ws, args.login, read_password(args.login))
            out("密码已更改。" if not en else "The password was changed.")
        elif args.action == "remove":
            left = team.remove_user(ws, args.login)
            out(
                f"{args.login}: removed from {', '.join(left) or 'no role'}"
                if en
                else f"{args.login}：已移出 {'、'.join(left) or '（无角色）'}"
            )
        else:
            rows = [
                {"login": u.name, "role": u.kind, "department": u.department}
                for u in team.users(ws)
            ]
            if args.json:
                emit_json(rows)
            for row in rows if not args.json else []:
                text = team.role_text(row["role"], row["department"]).get(lang())
                out(f"{cli.pad(row['login'], 28)} {text}")
    return EXIT_OK


@command("team-identity")
def cmd_team_identity(args: argparse.Namespace) -> int:
    from ipaudit.services import team

    with cli._open(args.address) as ws:
        who = team.team_identity(ws)
    if args.json:
        emit_json({"login": who.login, "role": who.kind, "departments": list(who.departments)})
        return EXIT_OK
    text = team.role_text(who.kind, ", ".join(who.departments)).get(lang())
    out(f"{who.login}: {text}")
    return EXIT_OK


def configure(sub: Any) -> None:
    c = sub.add_parser(
        "team-setup",
        help="set up a team workspace on a PostgreSQL server: roles and the manager's login",
        description="Set up a team workspace in an empty database (from a workspace file with"
        " --from, or new with --company), or bring the team roles of the one there up to date"
        " (a role for each department added since). ADDRESS is a server administrator's:"
        " postgresql://admin@host/database. The manager's password is asked (or read from"
        " standard input).",
    )
    c.add_argument("address", help="postgresql://ADMIN@HOST[:PORT]/DATABASE")
    c.add_argument("--manager", required=True, help="the compliance manager's login name")
    c.add_argument("--from", dest="from_file", metavar="FILE", help="push this workspace file")
    c.add_argument("--company", help="a new workspace for this company")
    c.add_argument("--edition", choices=[e.value for e in Edition], default="2023")
    c.add_argument("--audit-type", choices=[a.value for a in AuditType], default="initial")
    c.add_argument("--audit-start", type=cli.parse_date)
    c.add_argument("--audit-end", type=cli.parse_date)
    c.add_argument(
        "--keep-password",
        action="store_true",
        help="the manager's login exists already: keep its password",
    )
    c.add_argument("--json", action="store_true")

    c = sub.add_parser(
        "team-user",
        help="add, list or remove the logins of a team workspace",
        description="The logins of a team workspace (ADDRESS: a server administrator's). A new"
        " login's password is asked (or read from standard input), never given on the command"
        " line.",
    )
    c.add_argument("action", choices=["add", "list", "remove", "password"])
    c.add_argument("address", help="postgresql://ADMIN@HOST[:PORT]/DATABASE")
    c.add_argument("login", nargs="?")
    c.add_argument("--role", help="manager, readonly or department:<key>")
    c.add_argument(
        "--keep-password", action="store_true", help="an existing login keeps its password"
    )
    c.add_argument("--json", action="store_true")

    c = sub.add_parser(
        "team-identity",
        help="who the login of a team workspace address is: its role and departments",
    )
    c.add_argument("address", help="postgresql://LOGIN@HOST[:PORT]/DATABASE")
    c.add_argument("--json", action="store_true")
