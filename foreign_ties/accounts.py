"""Who may sign in, and as what: editors add figures, viewers only read.

    python -m foreign_ties.accounts add NAME --role editor|viewer --password-stdin
    python -m foreign_ties.accounts passwd NAME --password-stdin
    python -m foreign_ties.accounts remove NAME
    python -m foreign_ties.accounts list

The password is read from standard input (one line; typed without echo on a terminal),
never from the command line, where other users could read it in the process list and the
shell would keep it in its history. Each is stored as a salted argon2id hash.

The accounts live outside git: $FOREIGN_TIES_ACCOUNTS, or accounts.toml in the data folder
(git-ignored). Every write replaces the file atomically with mode 0600, under a lock
(<file>.lock). `verify` limits failed sign-ins per name (foreign_ties/failed_signins.py:
5 failures within 15 minutes lock the name for 15 minutes, across processes).
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import math
import os
import re
import sys
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from foreign_ties import failed_signins, paths, private_files

ROLES = ("editor", "viewer")
NAME = re.compile(r"[a-z0-9][a-z0-9._-]{0,62}")
MIN_PASSWORD = 8
HASHER = PasswordHasher()  # argon2id, salted; its parameters are stored in each hash
HEADER = "# Dashboard accounts, written by `python -m foreign_ties.accounts`. Keep out of git.\n"


class AccountsError(Exception):
    """A request that cannot be done; the message is for the person at the keyboard."""


@dataclass(frozen=True)
class Account:
    name: str
    role: str
    created: str


@dataclass(frozen=True)
class SignIn:
    """The outcome of `verify`: the account, or why not (and for how long, when locked)."""

    account: Account | None
    message: str = ""
    retry_after: int = 0  # seconds

    @property
    def ok(self) -> bool:
        return self.account is not None


def default_path() -> Path:
    """$FOREIGN_TIES_ACCOUNTS, else accounts.toml in the data folder (read at each call)."""
    return Path(os.environ.get("FOREIGN_TIES_ACCOUNTS") or paths.DATA_DIR / "accounts.toml")


def clean_name(name: str) -> str:
    cleaned = name.strip().lower()
    if not NAME.fullmatch(cleaned):
        raise AccountsError(
            f"{name!r} is not a usable account name: use 1-63 letters a-z, digits, '.', '_' "
            "or '-', starting with a letter or digit"
        )
    return cleaned


def _locked(path: Path):
    return private_files.locked(path.with_name(path.name + ".lock"))


def _read(path: Path) -> dict[str, dict]:
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        return {}
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise AccountsError(f"cannot read the accounts file {path}: {exc}") from exc
    return {name: entry for name, entry in data.items() if isinstance(entry, dict)}


def _save(path: Path, entries: dict[str, dict]) -> None:
    # Names, roles, hashes and times are plain ASCII: json.dumps writes valid TOML strings.
    blocks = [
        f"[{json.dumps(name)}]\n"
        + "".join(f"{key} = {json.dumps(str(entry[key]))}\n" for key in ("role", "hash", "created"))
        for name, entry in sorted(entries.items())
    ]
    private_files.write_private(path, HEADER + "\n" + "\n".join(blocks))


def _account(name: str, entry: dict) -> Account:
    return Account(name, str(entry.get("role", "")), str(entry.get("created", "")))


def accounts(path: Path | None = None) -> list[Account]:
    return [_account(n, e) for n, e in sorted(_read(path or default_path()).items())]


def get(name: str, path: Path | None = None) -> Account | None:
    try:
        name = clean_name(name)
    except AccountsError:
        return None
    entry = _read(path or default_path()).get(name)
    return _account(name, entry) if entry else None


def is_editor(name: str, path: Path | None = None) -> bool:
    account = get(name, path)
    return account is not None and account.role == "editor"


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountsError(f"the password is too short: use at least {MIN_PASSWORD} characters")


def add(name: str, role: str, password: str, path: Path | None = None) -> Account:
    path, name = path or default_path(), clean_name(name)
    if role not in ROLES:
        raise AccountsError(f"unknown role {role!r}: use one of {', '.join(ROLES)}")
    _check_password(password)
    with _locked(path):
        entries = _read(path)
        if name in entries:
            raise AccountsError(f"account {name!r} exists: change its password with passwd")
        created = dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
        entries[name] = {"role": role, "hash": HASHER.hash(password), "created": created}
        _save(path, entries)
    return _account(name, entries[name])


def _existing(entries: dict[str, dict], name: str, path: Path) -> dict:
    if name not in entries:
        raise AccountsError(f"no account {name!r} in {path}")
    return entries[name]


def remove(name: str, path: Path | None = None) -> None:
    path, name = path or default_path(), clean_name(name)
    with _locked(path):
        entries = _read(path)
        _existing(entries, name, path)
        del entries[name]
        _save(path, entries)
        failed_signins.forget(path, name, time.time())


def set_password(name: str, password: str, path: Path | None = None) -> None:
    """A new password; it also lifts a lockout (the administrator vouches for the person)."""
    path, name = path or default_path(), clean_name(name)
    _check_password(password)
    with _locked(path):
        entries = _read(path)
        _existing(entries, name, path)["hash"] = HASHER.hash(password)
        _save(path, entries)
        failed_signins.forget(path, name, time.time())


# --- sign-in and its rate limit ----------------------------------------------------------


_dummy_hash: str | None = None


def _dummy() -> str:
    """A hash to check unknown names against, so they take as long as known ones."""
    global _dummy_hash
    if _dummy_hash is None:
        _dummy_hash = HASHER.hash(os.urandom(16).hex())
    return _dummy_hash


def _minutes(seconds: float) -> str:
    minutes = max(1, round(seconds / 60))
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


def verify(name: str, password: str, path: Path | None = None, now: float | None = None) -> SignIn:
    """Check a sign-in; count failures and refuse a name locked by too many of them."""
    path = path or default_path()
    now = time.time() if now is None else now
    key = name.strip().lower()[:64]
    with _locked(path):
        wait = failed_signins.locked_for(path, key, now)
        if not wait:
            entries = _read(path)
            entry = entries.get(key) if NAME.fullmatch(key) else None
            try:
                HASHER.verify(entry["hash"] if entry else _dummy(), password)
                good = entry is not None
            except (VerificationError, InvalidHashError):
                good = False
            if good:
                if HASHER.check_needs_rehash(entry["hash"]):
                    entry["hash"] = HASHER.hash(password)
                    _save(path, entries)
                failed_signins.forget(path, key, now)
                return SignIn(_account(key, entry))
            wait = failed_signins.record(path, key, now)
    if wait:
        seconds = math.ceil(wait)
        return SignIn(
            None, f"too many failed sign-ins for {key!r}: try again in {_minutes(seconds)}", seconds
        )
    return SignIn(None, "wrong name or password")


# --- command line ------------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line; never echo stray arguments (a password?)
        if message.startswith("unrecognized arguments"):
            message = (
                "unexpected argument on the command line; a password is read from standard "
                "input only (--password-stdin)"
            )
        self.exit(2, f"accounts: {message} (see --help)\n")


def read_password(stream, confirm: bool = False) -> str:
    """One line of `stream`; on a terminal, typed without echo (twice when `confirm`)."""
    if stream.isatty():
        password = getpass.getpass("Password: ")
        if confirm and getpass.getpass("Again: ") != password:
            raise AccountsError("the two passwords differ; nothing changed")
        return password
    line = stream.readline()
    if not line:
        raise AccountsError("no password on standard input; nothing changed")
    return line.rstrip("\r\n")


def main(argv: list[str] | None = None, stdin=None) -> int:
    parser = _Parser(
        prog="python -m foreign_ties.accounts",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    add_cmd = sub.add_parser("add", help="a new account")
    add_cmd.add_argument("name")
    add_cmd.add_argument("--role", choices=ROLES, required=True)
    passwd_cmd = sub.add_parser("passwd", help="a new password (also lifts a lockout)")
    passwd_cmd.add_argument("name")
    for cmd in (add_cmd, passwd_cmd):
        cmd.add_argument(
            "--password-stdin",
            action="store_true",
            help="read the password from standard input (required)",
        )
    sub.add_parser("remove", help="delete an account").add_argument("name")
    sub.add_parser("list", help="names, roles and when they were made (never hashes)")
    args = parser.parse_args(argv)
    path = default_path()
    try:
        if args.command == "list":
            for account in accounts(path):
                print(f"{account.name}  {account.role}  {account.created}")
            return 0
        if args.command == "remove":
            remove(args.name, path)
            print(f"removed account {clean_name(args.name)!r} from {path}")
            return 0
        if not args.password_stdin:
            raise AccountsError(
                "give the password on standard input with --password-stdin "
                "(never on the command line)"
            )
        name = clean_name(args.name)
        exists = get(name, path) is not None  # refuse before asking for a password
        if args.command == "add" and exists:
            raise AccountsError(f"account {name!r} exists: change its password with passwd")
        if args.command == "passwd" and not exists:
            raise AccountsError(f"no account {name!r} in {path}")
        password = read_password(stdin or sys.stdin, confirm=True)
        if args.command == "add":
            add(name, args.role, password, path)
            print(f"added {args.role} {name!r} to {path}")
        else:
            set_password(name, password, path)
            print(f"changed the password of {name!r} in {path}")
        return 0
    except AccountsError as exc:
        print(f"accounts: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"accounts: cannot write {path}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("accounts: interrupted; nothing changed", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
