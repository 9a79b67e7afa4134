"""The /auth endpoints (DESIGN §5). Handlers stay thin: checks live in
oidc.py, sessions.py and the database functions."""

from __future__ import annotations

import logging
import secrets
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from aiohttp import web

from authsvc import state
from authsvc.db import SessionRow
from authsvc.errors import (
    AuthServiceError,
    ForeignOrigin,
    NotSignedIn,
    RateLimited,
    SignInExpired,
    SignInFailed,
    SignInRefused,
)
from authsvc.logs import correlation_id
from authsvc.oidc import rights_for, safe_next_path
from authsvc.sessions import (
    ACCESS_COOKIE,
    SESSION_COOKIE,
    SIGNIN_COOKIE,
    SIGNIN_LIFETIME_SECONDS,
    SignInTransaction,
    clear_cookie,
    clear_session_cookies,
    hash_token,
    new_session_token,
    set_cookie,
    set_session_cookies,
)
from authsvc.tokens import AuthMethod, mint_access_token, read_access_token

log = logging.getLogger("authsvc.routes")
routes = web.RouteTableDef()

NO_STORE = {"Cache-Control": "no-store"}


def redirect(location: str, status: int = 302) -> web.Response:
    """A redirect to return (not raise), so cookies can be set on it."""
    return web.Response(status=status, headers={"Location": location, **NO_STORE})


def client_address(request: web.Request) -> str | None:
    """The caller's address: the one Caddy appended to X-Forwarded-For, else the peer."""
    forwarded = request.headers.get("X-Forwarded-For", "")
    last = forwarded.rsplit(",", 1)[-1].strip()
    return last or request.remote


def user_agent(request: web.Request) -> str | None:
    value = request.headers.get("User-Agent")
    return value[:500] if value else None


def require_same_origin(request: web.Request) -> None:
    """Refuse a state-changing request that did not come from our own pages.

    Checks that `Origin` equals the public origin, or, without Origin, that
    `Sec-Fetch-Site` is `same-origin`. Raises ForeignOrigin otherwise
    (including when neither header is sent).
    """
    settings = request.app[state.SETTINGS]
    origin = request.headers.get("Origin")
    if origin is not None:
        if origin != settings.public_origin:
            raise ForeignOrigin(reason="origin_mismatch")
        return
    if request.headers.get("Sec-Fetch-Site") != "same-origin":
        raise ForeignOrigin(reason="no_same_origin_proof")


def _iso(moment: datetime | int) -> str:
    if isinstance(moment, int):
        moment = datetime.fromtimestamp(moment, UTC)
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def session_body(session: SessionRow, access_expires_at: int) -> dict[str, Any]:
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


async def record_sign_in_event(
    request: web.Request,
    *,
    person_id: uuid.UUID | None,
    method: AuthMethod,
    result: str,
    reason: str | None,
) -> None:
    """A login event row, a metric and a log line for one sign-in outcome."""
    metrics = request.app[state.METRICS]
    if result == "sign_out":
        metrics.sign_outs.inc()
    else:
        metrics.sign_ins.labels(method=method, result=result).inc()
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


def mint_for(request: web.Request, session: SessionRow) -> tuple[str, int]:
    settings = request.app[state.SETTINGS]
    method: AuthMethod = session.method  # type: ignore[assignment]
    token = mint_access_token(
        key=settings.signing_key,
        person_id=session.person_id,
        session_id=session.session_id,
        audience=settings.jwt_audience,
        method=method,
        lifetime_seconds=settings.access_token_minutes * 60,
    )
    return token.token, token.expires_at


@routes.get("/auth/login/azure")
async def login_azure(request: web.Request) -> web.StreamResponse:
    next_path = safe_next_path(next_path=request.query.get("next"))
    await request.app[state.LIMITER].hit_address(endpoint="login", address=client_address(request))
    transaction = SignInTransaction.start(next_path)
    await request.app[state.DB].begin_signin(
        state_hash=hash_token(transaction.state),
        lifetime=timedelta(seconds=SIGNIN_LIFETIME_SECONDS),
    )
    location = await request.app[state.AZURE].authorization_url(transaction)
    response = redirect(location)
    set_cookie(
        response,
        SIGNIN_COOKIE,
        request.app[state.SEALER].seal(transaction),
        max_age=SIGNIN_LIFETIME_SECONDS,
        samesite="Lax",
    )
    return response


@routes.get("/auth/callback/azure")
async def callback_azure(request: web.Request) -> web.StreamResponse:
    person_id: uuid.UUID | None = None
    try:
        await request.app[state.LIMITER].hit_address(
            endpoint="callback", address=client_address(request)
        )
        response, person_id = await _finish_azure_sign_in(request)
    except AuthServiceError as error:
        result = (
            "rate_limited"
            if isinstance(error, RateLimited)
            else "refused"
            if isinstance(error, SignInRefused)
            else "failure"
        )
        await record_sign_in_event(
            request, person_id=person_id, method="azure", result=result, reason=error.reason
        )
        raise
    await record_sign_in_event(
        request, person_id=person_id, method="azure", result="success", reason=None
    )
    return response


async def _finish_azure_sign_in(request: web.Request) -> tuple[web.StreamResponse, uuid.UUID]:
    app = request.app
    settings, db = app[state.SETTINGS], app[state.DB]
    transaction = app[state.SEALER].open(value=request.cookies.get(SIGNIN_COOKIE))
    returned_state = request.query.get("state", "")
    if not secrets.compare_digest(returned_state.encode(), transaction.state.encode()):
        raise SignInExpired(reason="state_mismatch")
    if not await db.consume_signin(state_hash=hash_token(transaction.state)):
        raise SignInExpired(reason="state_already_used")
    if "error" in request.query:
        raise SignInFailed(
            "Microsoft sign-in did not complete. Please try again.",
            reason=f"provider_error:{request.query['error'][:40]}",
        )
    code = request.query.get("code")
    if not code:
        raise SignInFailed(reason="code_missing")

    azure = app[state.AZURE]
    id_token = await azure.exchange_code(code=code, code_verifier=transaction.code_verifier)
    identity = await azure.validate_id_token(id_token=id_token, nonce=transaction.nonce)
    await app[state.LIMITER].hit_account(
        endpoint="callback", account=f"{identity.tenant_id}:{identity.object_id}"
    )
    rights = rights_for(identity=identity, settings=settings)
    person = await db.upsert_azure_person(
        tenant_id=identity.tenant_id,
        object_id=identity.object_id,
        display_name=identity.display_name,
        email=identity.email,
        manage_rights=rights.managed,
        is_admin=rights.is_admin,
        agent_categories=rights.agent_categories,
    )
    if person.disabled:
        raise SignInRefused(
            "Your Reqstly account has been disabled. Ask an administrator.",
            reason="person_disabled",
        )
    session_token = new_session_token()
    opened = await db.open_session(
        person_id=person.person_id,
        token_hash=hash_token(session_token),
        method="azure",
        idle=timedelta(minutes=settings.session_idle_minutes),
        absolute=timedelta(hours=settings.session_absolute_hours),
        user_agent=user_agent(request),
    )
    if opened is None:
        raise SignInRefused(reason="person_disabled")
    session_id, expires_at = opened
    session = SessionRow(session_id, person.person_id, "azure", expires_at, "", None)
    access_token, _ = mint_for(request, session)
    response = redirect(transaction.next_path)
    set_session_cookies(
        response,
        access_token=access_token,
        access_max_age=settings.access_token_minutes * 60,
        session_token=session_token,
        session_max_age=settings.session_absolute_hours * 3600,
    )
    clear_cookie(response, SIGNIN_COOKIE, samesite="Lax")
    return response, person.person_id


async def live_session(request: web.Request, *, touch: bool) -> SessionRow:
    token = request.cookies.get(SESSION_COOKIE)
    if not token:
        raise NotSignedIn(reason="no_session_cookie")
    session = await request.app[state.DB].use_session(token_hash=hash_token(token), touch=touch)
    if session is None:
        raise NotSignedIn(reason="session_not_live")
    return session


async def _refreshed(request: web.Request) -> web.Response:
    session = await live_session(request, touch=True)
    access_token, access_expires_at = mint_for(request, session)
    response = web.json_response(session_body(session, access_expires_at), headers=NO_STORE)
    set_session_cookies(
        response,
        access_token=access_token,
        access_max_age=request.app[state.SETTINGS].access_token_minutes * 60,
    )
    return response


@routes.post("/auth/refresh")
async def refresh(request: web.Request) -> web.StreamResponse:
    require_same_origin(request)
    try:
        return await _refreshed(request)
    except NotSignedIn:
        response = web.json_response(
            {"error": NotSignedIn.code, "message": NotSignedIn.default_message},
            status=401,
            headers=NO_STORE,
        )
        clear_session_cookies(response)
        return response


@routes.get("/auth/session")
async def session_info(request: web.Request) -> web.StreamResponse:
    settings = request.app[state.SETTINGS]
    session = await live_session(request, touch=False)
    claims = read_access_token(
        token=request.cookies.get(ACCESS_COOKIE),
        keys=settings.verification_keys,
        audience=settings.jwt_audience,
    )
    if claims is None or claims.get("sid") != str(session.session_id):
        # No usable access token (e.g. a reload after it lapsed): the page
        # load is activity, so this is a refresh.
        return await _refreshed(request)
    return web.json_response(session_body(session, int(claims["exp"])), headers=NO_STORE)


@routes.post("/auth/logout")
async def logout(request: web.Request) -> web.StreamResponse:
    require_same_origin(request)
    token = request.cookies.get(SESSION_COOKIE)
    ended = None
    if token:
        ended = await request.app[state.DB].end_session(
            token_hash=hash_token(token), reason="signed out"
        )
    if ended is not None:
        method: AuthMethod = ended.method  # type: ignore[assignment]
        await record_sign_in_event(
            request, person_id=ended.person_id, method=method, result="sign_out", reason=None
        )
    response = web.json_response({"signed_out": ended is not None}, headers=NO_STORE)
    clear_session_cookies(response)
    return response


@routes.get("/auth/livez")
async def livez(request: web.Request) -> web.StreamResponse:
    """Liveness for Swarm's health check: the process answers. It never
    touches the database, so a database outage does not get every replica
    killed and restarted; /auth/healthz is the readiness view."""
    return web.json_response({"status": "ok"}, headers=NO_STORE)


@routes.get("/auth/healthz")
async def healthz(request: web.Request) -> web.StreamResponse:
    try:
        database_ok = await request.app[state.DB].ping()
    except AuthServiceError:
        database_ok = False
    status = 200 if database_ok else 503
    return web.json_response(
        {
            "status": "ok" if database_ok else "degraded",
            "database": "ok" if database_ok else "down",
        },
        status=status,
        headers=NO_STORE,
    )


@routes.get("/auth/config")
async def config(request: web.Request) -> web.StreamResponse:
    settings = request.app[state.SETTINGS]
    body: dict[str, Any] = {"local_mode": settings.local_mode}
    if settings.local_mode:
        body["demo_people"] = list(settings.demo_people)
    return web.json_response(body)
