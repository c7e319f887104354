"""Signing an editor in on the Add figures page, and when the sign-in ends (no Streamlit).

The check is `accounts.verify` (argon2id; five failures lock a name for 15 minutes across
processes); only the role editor may add figures. The page keeps a `Session` in the
browser session's state, never the password: it ends after IDLE_MINUTES without activity on
the page, or as soon as the account is removed or no longer an editor.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from foreign_ties import accounts
from foreign_ties.i18n import t, tn

IDLE_MINUTES = 30  # a signed-in editor idle this long on the page is signed out


@dataclass
class Session:
    editor: str
    last_seen: float  # time.time() of the editor's last action on the page


@dataclass(frozen=True)
class SignInResult:
    session: Session | None
    message: str = ""  # why not, in the reader's language


def sign_in(name: str, password: str, now: float) -> SignInResult:
    """An editor's session, or one message in the reader's language saying why not."""
    result = accounts.verify(name, password, now=now)
    if result.ok:
        assert result.account is not None
        if result.account.role != "editor":
            return SignInResult(None, t("add.signin.not_editor"))
        return SignInResult(Session(result.account.name, now))
    if result.retry_after:
        return SignInResult(None, tn("add.signin.locked", math.ceil(result.retry_after / 60)))
    return SignInResult(None, t("add.signin.wrong"))


def still_valid(session: Session, now: float) -> str:
    """'' while the session holds (and it is marked as seen now), else why it ended."""
    if now - session.last_seen > IDLE_MINUTES * 60:
        return t("add.signin.idle", minutes=IDLE_MINUTES)
    if not accounts.is_editor(session.editor):
        return t("add.signin.revoked")
    session.last_seen = now
    return ""
