"""Accounts: add, list, passwd and remove from the shell with the password on standard input
only; salted argon2id hashes in a private file outside git; sign-ins checked with a limit on
failures that holds across processes."""

from __future__ import annotations

import contextlib
import io
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from foreign_ties import accounts, failed_signins, paths
from tests.conftest import CHEAP_HASHER

PASSWORD = "correct horse battery"


@pytest.fixture
def store(tmp_path, monkeypatch) -> Path:
    """A fresh accounts file (via FOREIGN_TIES_ACCOUNTS) and a cheap hasher for speed."""
    path = tmp_path / "private" / "accounts.toml"
    monkeypatch.setenv("FOREIGN_TIES_ACCOUNTS", str(path))
    monkeypatch.setattr(accounts, "HASHER", CHEAP_HASHER)
    monkeypatch.setattr(accounts, "_dummy_hash", None)
    return path


def run(*args: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = accounts.main(list(args), stdin=io.StringIO(stdin))
        except SystemExit as exc:  # argparse's own refusals
            code = exc.code
    return code, out.getvalue(), err.getvalue()


def cli(*args: str, stdin: str = "", env_path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "foreign_ties.accounts", *args],
        cwd=paths.ROOT,
        env={**os.environ, "FOREIGN_TIES_ACCOUNTS": str(env_path)},
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_add_list_passwd_remove(store):
    assert run("add", "Ana", "--role", "editor", "--password-stdin", stdin=PASSWORD + "\n")[0] == 0
    assert run("add", "bo", "--role", "viewer", "--password-stdin", stdin=PASSWORD)[0] == 0
    code, out, _ = run("list")
    lines = out.splitlines()
    assert code == 0 and [line.split()[:2] for line in lines] == [
        ["ana", "editor"],
        ["bo", "viewer"],
    ]
    assert "argon2" not in out and PASSWORD not in out
    assert accounts.is_editor("ana") and not accounts.is_editor("bo")
    assert not accounts.is_editor("nobody")
    assert accounts.verify("ANA ", PASSWORD).account.role == "editor"  # names ignore case

    assert run("passwd", "ana", "--password-stdin", stdin="another secret\n")[0] == 0
    assert not accounts.verify("ana", PASSWORD).ok
    assert accounts.verify("ana", "another secret").ok

    code, out, _ = run("remove", "bo")
    assert code == 0 and "removed" in out
    assert [a.name for a in accounts.accounts()] == ["ana"]
    assert not accounts.verify("bo", PASSWORD).ok


def test_hashes_are_salted_argon2id(store):
    accounts.add("ana", "editor", PASSWORD)
    accounts.add("bo", "editor", PASSWORD)
    text = store.read_text(encoding="utf-8")
    hashes = [line.split('"')[1] for line in text.splitlines() if line.startswith("hash")]
    assert len(hashes) == 2 and hashes[0] != hashes[1]
    assert all(h.startswith("$argon2id$") for h in hashes) and PASSWORD not in text


def test_wrong_password_and_unknown_name_get_the_same_answer(store):
    accounts.add("ana", "editor", PASSWORD)
    wrong, unknown = accounts.verify("ana", "nope nope"), accounts.verify("zed", PASSWORD)
    assert not wrong.ok and not unknown.ok
    assert wrong.message == unknown.message == "wrong name or password"
    assert not accounts.verify("ana", "").ok and not accounts.verify("", "").ok


def test_failures_lock_the_name_for_a_while_across_processes(store):
    accounts.add("ana", "editor", PASSWORD)
    accounts.add("bo", "editor", PASSWORD)
    now = 1_000_000.0
    for i in range(failed_signins.MAX_FAILURES - 1):
        assert accounts.verify("ana", "wrong", now=now + i).retry_after == 0
    locked = accounts.verify("ana", "wrong", now=now + 5)
    assert not locked.ok and locked.retry_after == failed_signins.LOCKOUT
    assert "too many failed sign-ins" in locked.message and "15 minutes" in locked.message
    refused = accounts.verify("ana", PASSWORD, now=now + 60)  # the right password, too soon
    assert not refused.ok and 0 < refused.retry_after <= failed_signins.LOCKOUT
    assert accounts.verify("bo", PASSWORD, now=now + 60).ok  # other names are not affected
    assert accounts.verify("ana", PASSWORD, now=now + 6 + failed_signins.LOCKOUT).ok
    # Failures spread wider than the window never lock.
    for i in range(failed_signins.MAX_FAILURES + 2):
        assert (
            accounts.verify("bo", "wrong", now=now + i * (failed_signins.WINDOW / 3)).retry_after
            == 0
        )
    # The count lives beside the accounts file: another process sees the lockout.
    for _ in range(failed_signins.MAX_FAILURES):
        accounts.verify("ana", "wrong")
    check = (
        "import sys; from foreign_ties import accounts; "
        f"r = accounts.verify('ana', {PASSWORD!r}); print(r.message); sys.exit(r.ok)"
    )
    other = subprocess.run(
        [sys.executable, "-c", check],
        cwd=paths.ROOT,
        env={**os.environ, "PYTHONPATH": str(paths.ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert other.returncode == 0 and "too many failed sign-ins" in other.stdout, other.stderr
    # A new password from the administrator lifts the lockout.
    assert run("passwd", "ana", "--password-stdin", stdin=PASSWORD)[0] == 0
    assert accounts.verify("ana", PASSWORD).ok


def test_files_are_private_and_outside_git(store):
    accounts.add("ana", "editor", PASSWORD)
    accounts.verify("ana", "wrong")
    sidecar = failed_signins.sidecar(store)
    for path in (store, sidecar):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    store.chmod(0o644)  # loosened by hand: the next write makes it private again
    accounts.add("bo", "viewer", PASSWORD)
    assert stat.S_IMODE(store.stat().st_mode) == 0o600
    assert not [p.name for p in store.parent.iterdir() if p.name.startswith(".")]  # no temp left
    for name in ("accounts.toml", "accounts.toml.lock", "accounts.toml.failures.json"):
        ignored = subprocess.run(
            ["git", "check-ignore", "-q", f"data/{name}"], cwd=paths.ROOT, timeout=30
        )
        assert ignored.returncode == 0, f"data/{name} is not git-ignored"


def test_the_password_is_never_taken_from_the_command_line(store):
    code, _, err = run("add", "ana", "hunter2-secret", "--role", "editor", "--password-stdin")
    assert code == 2 and "hunter2" not in err and "standard input" in err
    code, _, err = run("add", "ana", "--role", "editor", "--password", "hunter2-secret")
    assert code == 2 and "hunter2" not in err
    code, _, err = run("add", "ana", "--role", "editor", stdin=PASSWORD)  # no --password-stdin
    assert code == 2 and "--password-stdin" in err
    assert not store.exists()
    # The real command: the password goes through stdin only, and works.
    done = cli("add", "ana", "--role", "editor", "--password-stdin", stdin=PASSWORD, env_path=store)
    assert done.returncode == 0 and PASSWORD not in done.stdout + done.stderr
    assert accounts.get("ana").role == "editor"


@pytest.mark.parametrize(
    "args, stdin, expected",
    [
        (("add", "ana", "--role", "editor", "--password-stdin"), PASSWORD, "exists"),
        (("add", "new", "--role", "admin", "--password-stdin"), PASSWORD, "invalid choice"),
        (("add", "bad name", "--role", "editor", "--password-stdin"), PASSWORD, "account name"),
        (("add", "new", "--role", "editor", "--password-stdin"), "short\n", "too short"),
        (("add", "new", "--role", "editor", "--password-stdin"), "", "no password"),
        (("passwd", "nobody", "--password-stdin"), PASSWORD, "no account 'nobody'"),
        (("remove", "nobody"), "", "no account 'nobody'"),
        ((), "", "required"),
    ],
)
def test_user_errors_are_one_line_and_exit_2(store, args, stdin, expected):
    accounts.add("ana", "editor", PASSWORD)
    before = store.read_bytes()
    code, _, err = run(*args, stdin=stdin)
    assert code == 2 and expected in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    assert store.read_bytes() == before


def test_a_damaged_accounts_file_is_a_message(store):
    store.parent.mkdir(parents=True)
    store.write_text("[ana\nrole = ", encoding="utf-8")
    code, _, err = run("list")
    assert code == 2 and "cannot read the accounts file" in err and "Traceback" not in err
