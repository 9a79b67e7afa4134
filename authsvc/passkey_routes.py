"""The /auth/passkey endpoints (DESIGN §5): add a passkey with a live
session, and sign in with one without a username.

Each ceremony is two POSTs: `…/options` stores a challenge bound to this
browser (the __Host-reqstly_webauthn cookie) and answers py_webauthn's
options JSON; `…/verify` consumes that challenge atomically and checks the
browser's `credential.toJSON()` (passkeys.py).
"""

from __future__ import annotations

import json
import logging
import secrets
import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from aiohttp import web

from authsvc import state
from authsvc.errors import (
    AuthServiceError,
    BadRequest,
    NotSignedIn,
    PasskeyFailed,
    PasskeyUnknown,
    RateLimited,
    SignInExpired,
    SignInRefused,
)
from authsvc.passkeys import (
    CHALLENGE_LIFETIME_SECONDS,
    WEBAUTHN_COOKIE,
    authentication_options,
    browser_binding,
    challenge_in,
    check_owner_may_sign_in,
    new_challenge,
    parse_assertion,
    parse_registration,
    passkey_name,
    registration_options,
    verify_assertion,
    verify_registration,
)
from authsvc.routes import (
    NO_STORE,
    client_address,
    live_session,
    mint_for,
    record_sign_in_event,
    require_same_origin,
    session_body,
    user_agent,
)
from authsvc.sessions import hash_token, new_session_token, set_cookie, set_session_cookies

log = logging.getLogger("authsvc.passkeys")
routes = web.RouteTableDef()

_CHALLENGE_LIFETIME = timedelta(seconds=CHALLENGE_LIFETIME_SECONDS)
_REGISTRATION_EXPIRED = "This passkey request has expired or was already used. Please try again."


async def _json_object(request: web.Request) -> dict[str, Any]:
    try:
        body = await request.json()
    except (ValueError, UnicodeDecodeError) as error:
        raise BadRequest("Send the passkey as JSON.", reason="body_not_json") from error
    if not isinstance(body, dict):
        raise BadRequest("Send the passkey as a JSON object.", reason="body_not_object")
    return body


def _options_response(options_json: str, binding_token: str) -> web.Response:
    response = web.Response(text=options_json, content_type="application/json", headers=NO_STORE)
    set_cookie(
        response,
        WEBAUTHN_COOKIE,
        binding_token,
        max_age=CHALLENGE_LIFETIME_SECONDS,
        samesite="Strict",
    )
    return response


async def _issue(
    request: web.Request, *, purpose: str, person_id: uuid.UUID | None
) -> tuple[bytes, str]:
    """A new challenge bound to this browser; returns it and the binding token."""
    binding_token = browser_binding(request.cookies.get(WEBAUTHN_COOKIE))
    challenge = new_challenge()
    await request.app[state.DB].issue_webauthn_challenge(
        challenge=challenge,
        binding_hash=hash_token(binding_token),
        purpose=purpose,
        person_id=person_id,
        lifetime=_CHALLENGE_LIFETIME,
    )
    return challenge, binding_token


async def _consume(
    request: web.Request, *, client_data_json: bytes, purpose: str, expired_message: str | None
) -> tuple[bytes, uuid.UUID | None]:
    """Use the challenge the browser signed, once.

    Checks that this browser holds a webauthn cookie and that the challenge
    in clientDataJSON was issued to that browser for `purpose` and has not
    expired; it is deleted in the same statement. Raises SignInExpired.
    """
    binding_token = request.cookies.get(WEBAUTHN_COOKIE)
    if not binding_token:
        raise SignInExpired(expired_message, reason="webauthn_cookie_missing")
    challenge = challenge_in(client_data_json)
    if challenge is None:
        raise SignInExpired(expired_message, reason="challenge_missing")
    found = await request.app[state.DB].consume_webauthn_challenge(
        challenge=challenge, binding_hash=hash_token(binding_token), purpose=purpose
    )
    if found is None:
        raise SignInExpired(expired_message, reason="challenge_unknown_or_used")
    person_id, expired = found
    if expired:
        raise SignInExpired(expired_message, reason="challenge_expired")
    return challenge, person_id


@routes.post("/auth/passkey/register/options")
async def register_options(request: web.Request) -> web.StreamResponse:
    require_same_origin(request)
    app = request.app
    settings, db = app[state.SETTINGS], app[state.DB]
    session = await live_session(request, touch=True)
    await app[state.LIMITER].hit_account(
        endpoint="passkey_register", account=str(session.person_id)
    )
    user = await db.webauthn_user(
        person_id=session.person_id, proposed_handle=secrets.token_bytes(32)
    )
    if user is None:
        raise NotSignedIn(reason="person_disabled")
    existing = await db.passkey_descriptors(person_id=session.person_id)
    challenge, binding_token = await _issue(
        request, purpose="register", person_id=session.person_id
    )
    options = registration_options(
        rp_id=settings.webauthn_rp_id,
        challenge=challenge,
        user_handle=user.user_handle,
        user_name=user.user_name,
        display_name=user.display_name,
        existing=existing,
    )
    return _options_response(options, binding_token)


@routes.post("/auth/passkey/register/verify")
async def register_verify(request: web.Request) -> web.StreamResponse:
    require_same_origin(request)
    app = request.app
    settings, db, metrics = app[state.SETTINGS], app[state.DB], app[state.METRICS]
    session = await live_session(request, touch=True)
    try:
        body = await _json_object(request)
        name = passkey_name(body.get("name"))
        credential = parse_registration(body.get("credential"))
        challenge, challenge_person = await _consume(
            request,
            client_data_json=credential.response.client_data_json,
            purpose="register",
            expired_message=_REGISTRATION_EXPIRED,
        )
        if challenge_person != session.person_id:
            raise SignInExpired(_REGISTRATION_EXPIRED, reason="challenge_of_another_person")
        new_passkey = verify_registration(
            credential=credential,
            raw=body["credential"],
            challenge=challenge,
            rp_id=settings.webauthn_rp_id,
            origin=settings.public_origin,
        )
        added = await db.add_passkey(person_id=session.person_id, passkey=new_passkey, name=name)
        if added is None:
            raise NotSignedIn(reason="person_disabled")
    except AuthServiceError as error:
        metrics.passkey_registrations.labels(result="failure").inc()
        log.info(
            "passkey not added",
            extra={"person_id": str(session.person_id), "reason": error.reason},
        )
        raise
    passkey_id, stored_name, created_at = added
    metrics.passkey_registrations.labels(result="success").inc()
    log.info(
        "passkey added",
        extra={"person_id": str(session.person_id), "passkey_id": str(passkey_id)},
    )
    return web.json_response(
        {"id": str(passkey_id), "name": stored_name, "created_at": created_at.isoformat()},
        status=201,
        headers=NO_STORE,
        dumps=json.dumps,
    )


@routes.post("/auth/passkey/login/options")
async def login_options(request: web.Request) -> web.StreamResponse:
    require_same_origin(request)
    app = request.app
    await app[state.LIMITER].hit_address(
        endpoint="passkey_options", address=client_address(request)
    )
    challenge, binding_token = await _issue(request, purpose="login", person_id=None)
    options = authentication_options(rp_id=app[state.SETTINGS].webauthn_rp_id, challenge=challenge)
    return _options_response(options, binding_token)


@dataclass
class _Attempt:
    """What is known about a passkey sign-in so far, for its login event."""

    person_id: uuid.UUID | None = None


@routes.post("/auth/passkey/login/verify")
async def login_verify(request: web.Request) -> web.StreamResponse:
    require_same_origin(request)
    attempt = _Attempt()
    try:
        response = await _finish_passkey_sign_in(request, attempt)
    except AuthServiceError as error:
        if isinstance(error, RateLimited):
            result = "rate_limited"
        elif isinstance(error, SignInRefused):
            result = "refused"
        else:
            result = "failure"
        # A failure names the passkey's owner once the credential is known:
        # they (and an admin) can see that someone tried their passkey.
        await record_sign_in_event(
            request,
            person_id=attempt.person_id,
            method="passkey",
            result=result,
            reason=error.reason,
        )
        raise
    await record_sign_in_event(
        request, person_id=attempt.person_id, method="passkey", result="success", reason=None
    )
    return response


async def _finish_passkey_sign_in(request: web.Request, attempt: _Attempt) -> web.StreamResponse:
    app = request.app
    settings, db = app[state.SETTINGS], app[state.DB]
    await app[state.LIMITER].hit_address(endpoint="passkey", address=client_address(request))
    body = await _json_object(request)
    credential = parse_assertion(body.get("credential"))
    challenge, _ = await _consume(
        request,
        client_data_json=credential.response.client_data_json,
        purpose="login",
        expired_message=None,
    )
    stored = await db.passkey_for_sign_in(credential_id=credential.raw_id)
    if stored is None:
        raise PasskeyUnknown(reason="credential_unknown")
    attempt.person_id = stored.person_id
    await app[state.LIMITER].hit_account(endpoint="passkey", account=str(stored.person_id))
    verified = verify_assertion(
        credential=credential,
        stored=stored,
        challenge=challenge,
        rp_id=settings.webauthn_rp_id,
        origin=settings.public_origin,
    )
    check_owner_may_sign_in(stored=stored, reauth_days=settings.passkey_reauth_days)
    if not await db.use_passkey(
        passkey_id=stored.passkey_id,
        new_sign_count=verified.new_sign_count,
        backed_up=verified.backed_up,
    ):
        raise PasskeyFailed(reason="sign_count_not_increased")
    session_token = new_session_token()
    opened = await db.open_session(
        person_id=stored.person_id,
        token_hash=hash_token(session_token),
        method="passkey",
        idle=timedelta(minutes=settings.session_idle_minutes),
        absolute=timedelta(hours=settings.session_absolute_hours),
        user_agent=user_agent(request),
    )
    session = (
        await db.use_session(token_hash=hash_token(session_token), touch=False) if opened else None
    )
    if session is None:
        raise SignInRefused(reason="person_disabled")
    access_token, access_expires_at = mint_for(request, session)
    response = web.json_response(session_body(session, access_expires_at), headers=NO_STORE)
    set_session_cookies(
        response,
        access_token=access_token,
        access_max_age=settings.access_token_minutes * 60,
        session_token=session_token,
        session_max_age=settings.session_absolute_hours * 3600,
    )
    return response
