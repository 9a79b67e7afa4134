"""What every way of signing in shares: opening the session
(`complete_sign_in`), the sign-in answer's body, reading the live session
from its cookie, and accounting for each outcome (`record_outcome`).

azure_routes.py and passkey_routes.py each prove who someone is, then call
`complete_sign_in` once; nothing here knows how the proof was made.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from aiohttp import web

from authsvc import state
from authsvc.cookies import SESSION_COOKIE, set_access_cookie, set_session_cookie
from authsvc.db import EndedSession, SessionRow
from authsvc.errors import AuthServiceError, NotSignedIn, RateLimited, SignInRefused
from authsvc.http_helpers import client_address, user_agent
from authsvc.logs import correlation_id
from authsvc.sessions import hash_token, new_session_token
from authsvc.tokens import AuthMethod, mint_access_token

log = logging.getLogger("authsvc.signin")


@dataclass(frozen=True)
class SignedIn:
    """A session just opened: its row, and the cookies that carry it."""

    session: SessionRow
    session_token: str
    access_token: str
    access_expires_at: int

    def set_cookies(self, response: web.StreamResponse, *, request: web.Request) -> None:
        settings = request.app[state.SETTINGS]
        set_access_cookie(
            response, token=self.access_token, max_age=settings.access_token_minutes * 60
        )
        set_session_cookie(
            response, token=self.session_token, max_age=settings.session_absolute_hours * 3600
        )


async def complete_sign_in(
    request: web.Request, *, person_id: uuid.UUID, method: AuthMethod
) -> SignedIn:
    """Open a session for a person whose identity was just proven.

    Checks (in auth.start_session) that the person exists and is enabled;
    raises SignInRefused otherwise. Returns the session and its tokens; the
    caller sets the cookies on its answer.
    """
    settings = request.app[state.SETTINGS]
    session_token = new_session_token()
    session = await request.app[state.DB].start_session(
        person_id=person_id,
        token_hash=hash_token(session_token),
        method=method,
        idle=timedelta(minutes=settings.session_idle_minutes),
        absolute=timedelta(hours=settings.session_absolute_hours),
        user_agent=user_agent(request),
    )
    if session is None:
        raise SignInRefused(
            "Your Reqstly account has been disabled. Ask an administrator.",
            reason="person_disabled",
        )
    access_token, access_expires_at = mint_for(request, session)
    return SignedIn(session, session_token, access_token, access_expires_at)


def mint_for(request: web.Request, session: SessionRow) -> tuple[str, int]:
    """An access token for a live session: the token and when it expires."""
    settings = request.app[state.SETTINGS]
    token = mint_access_token(
        key=settings.signing_key,
        person_id=session.person_id,
        session_id=session.session_id,
        audience=settings.jwt_audience,
        method=_method(session.method),
        lifetime_seconds=settings.access_token_minutes * 60,
    )
    return token.token, token.expires_at


_METHODS: dict[str, AuthMethod] = {"azure": "azure", "passkey": "passkey", "dev": "dev"}


def _method(value: str) -> AuthMethod:
    """A method column (checked by the database) as the token's `amr` type."""
    return _METHODS[value]


def session_body(session: SessionRow, access_expires_at: int) -> dict[str, Any]:
    """What /auth/session, /auth/refresh and a passkey sign-in answer."""
    return {
        "person": {
            "id": str(session.person_id),
            "display_name": session.display_name,
            "email": session.email,
        },
        "method": session.method,
        "access_expires_at": _iso(access_expires_at),
        "session_expires_at": _iso(session.expires_at),
    }


def _iso(moment: datetime | int) -> str:
    if isinstance(moment, int):
        moment = datetime.fromtimestamp(moment, UTC)
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


async def live_session(request: web.Request, *, touch: bool) -> SessionRow:
    """The live session the session cookie names; raises NotSignedIn."""
    token = request.cookies.get(SESSION_COOKIE)
    if not token:
        raise NotSignedIn(reason="no_session_cookie")
    session = await request.app[state.DB].use_session(token_hash=hash_token(token), touch=touch)
    if session is None:
        raise NotSignedIn(reason="session_not_live")
    return session


@dataclass
class SignInAttempt:
    """What is known about one sign-in so far, for its login event: the
    person, once the proof names them (a failure then shows in their history)."""

    method: AuthMethod
    person_id: uuid.UUID | None = None


Finish = Callable[[web.Request, SignInAttempt], Awaitable[web.StreamResponse]]


async def accounted(request: web.Request, method: AuthMethod, finish: Finish) -> web.StreamResponse:
    """Run one sign-in (`finish`) and account for how it ended, success or refusal."""
    attempt = SignInAttempt(method)
    try:
        response = await finish(request, attempt)
    except AuthServiceError as error:
        await record_outcome(request, attempt, error)
        raise
    await record_outcome(request, attempt, None)
    return response


async def record_outcome(
    request: web.Request, attempt: SignInAttempt, error: AuthServiceError | None
) -> None:
    """Account for how a sign-in ended: a metric always; a log line and an
    auth.login_events row too, except for a rate-limit refusal that is not
    the first of its bucket and window (ratelimit.py) — so a flood of
    refused attempts costs neither rows nor log lines."""
    if error is None:
        result = "success"
    elif isinstance(error, RateLimited):
        result = "rate_limited"
    elif isinstance(error, SignInRefused):
        result = "refused"
    else:
        result = "failure"
    request.app[state.METRICS].sign_ins.labels(method=attempt.method, result=result).inc()
    if isinstance(error, RateLimited) and not error.first_in_window:
        return
    await _login_event(
        request,
        person_id=attempt.person_id,
        method=attempt.method,
        result=result,
        reason=error.reason if error else None,
    )


async def record_sign_out(request: web.Request, ended: EndedSession) -> None:
    request.app[state.METRICS].sign_outs.inc()
    await _login_event(
        request,
        person_id=ended.person_id,
        method=_method(ended.method),
        result="sign_out",
        reason=None,
    )


async def _login_event(
    request: web.Request,
    *,
    person_id: uuid.UUID | None,
    method: AuthMethod,
    result: str,
    reason: str | None,
) -> None:
    log.info(
        "sign-in event",
        extra={
            "event": result,
            "method": method,
            "reason": reason,
            "person_id": str(person_id) if person_id else None,
        },
    )
    await request.app[state.DB].record_login_event(
        person_id=person_id,
        method=method,
        result=result,
        reason=reason,
        ip=client_address(request),
        user_agent=user_agent(request),
        correlation_id=correlation_id.get(),
    )
