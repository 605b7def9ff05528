"""``python -m devstack staff add|list|disable``: the staff console's accounts (README.md, "Staff console").

Accounts live in Postgres (``staff_accounts``, n8n-workflows/takeover/schema.sql): the password is stored only as
a PBKDF2-SHA256 hash made by the database function ``staff_account_set``, the same one an n8n Postgres node can
call. Setting a password again ends that account's open sessions.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import TextIO

import psycopg

from . import secrets as secrets_store
from .config import StackConfig
from .stack import Stack


def set_account(db_url: str, username: str, display_name: str, password: str) -> int:
    with psycopg.connect(db_url) as conn:
        return conn.execute("SELECT staff_account_set(%s, %s, %s)", (username, display_name, password)).fetchone()[0]


def list_accounts(db_url: str) -> list[tuple[str, str, bool]]:
    with psycopg.connect(db_url) as conn:
        return conn.execute("SELECT username, display_name, active FROM staff_accounts ORDER BY username").fetchall()


def disable_account(db_url: str, username: str) -> bool:
    with psycopg.connect(db_url) as conn:
        row = conn.execute("UPDATE staff_accounts SET active = false, updated_at = now() WHERE username = %s "
                           "RETURNING id", (username.strip().lower(),)).fetchone()
        if row:
            conn.execute("DELETE FROM staff_sessions WHERE staff_id = %s", (row[0],))
        return row is not None


def read_password(from_stdin: bool, stdin: TextIO = sys.stdin) -> str:
    if from_stdin:
        return stdin.readline().rstrip("\n")
    first = getpass.getpass("Contraseña: ")
    if getpass.getpass("Repita la contraseña: ") != first:
        raise ValueError("the two passwords differ")
    return first


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m devstack staff", description=__doc__)
    commands = parser.add_subparsers(dest="action", required=True)
    add = commands.add_parser("add", help="create an account, or set its name and password again")
    add.add_argument("username", help="2-40 characters: lower-case letters, digits, '.', '_', '-'")
    add.add_argument("--name", required=True, help="the name plumbers see, e.g. 'Ana García'")
    add.add_argument("--password-stdin", action="store_true", help="read the password from the first line of stdin")
    commands.add_parser("list", help="list the accounts")
    disable = commands.add_parser("disable", help="disable an account and end its sessions")
    disable.add_argument("username")
    args = parser.parse_args(argv)

    stack = Stack(StackConfig.from_env(), say=lambda line: print(line, file=sys.stderr, flush=True))
    was_running = stack.config.database_url is None and (stack.config.postgres_data_dir / "postmaster.pid").exists()
    try:
        stack.secrets = secrets_store.load_or_create(stack.config.run_dir)
        stack.start_postgres()
        assert stack.app_db is not None
        url = stack.app_db.url
        if args.action == "add":
            try:
                password = read_password(args.password_stdin)
                account_id = set_account(url, args.username, args.name, password)
            except (ValueError, psycopg.errors.InvalidParameterValue) as error:
                print(f"Not saved: {str(error).splitlines()[0]}", file=sys.stderr)
                return 2
            print(f"staff account {args.username.strip().lower()} saved (id {account_id})")
        elif args.action == "list":
            for username, name, active in list_accounts(url):
                print(f"{username}\t{name}\t{'active' if active else 'disabled'}")
        elif not disable_account(url, args.username):
            print(f"no account {args.username}", file=sys.stderr)
            return 1
        return 0
    finally:
        if not was_running and stack.postgres is not None:
            stack.postgres.stop()
