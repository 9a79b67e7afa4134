"""The /auth/passkey endpoints: add a passkey with a live session, and sign
in with one without a username (docs/ARCHITECTURE.md, sign-in).

Each ceremony is two POSTs: `…/options` stores a challenge bound to this
browser (the __Host-reqstly_webauthn cookie) and answers py_webauthn's
options JSON; `…/verify` consumes that challenge atomically and checks the
browser's `credential.toJSON()` (passkeys.py). A verified sign-in ends in
signin.complete_sign_in, as an Azure one does.
"""

from __future__ import annotations

import logging
import secrets
import uuid
from datetime import timedelta

from aiohttp import web

from authsvc import state
from authsvc.cookies import WEBAUTHN_COOKIE, set_webauthn_cookie
from authsvc.errors import (
    AuthServiceError,
    NotSignedIn,
    PasskeyFailed,
    PasskeyUnknown,
    SignInExpired,
)
from authsvc.http_helpers import (
    NO_STORE,
    client_address,
    json_answer,
    json_object,
    require_same_origin,
)
from authsvc.passkeys import (
    CHALLENGE_LIFETIME_SECONDS,
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
from authsvc.sessions import hash_token
from authsvc.signin import (
    SignInAttempt,
    accounted,
    complete_sign_in,
    live_session,
    session_body,
)

log = logging.getLogger("authsvc.passkeys")
routes = web.RouteTableDef()

_CHALLENGE_LIFETIME = timedelta(seconds=CHALLENGE_LIFETIME_SECONDS)
_REGISTRATION_EXPIRED = "This passkey request has expired or was already used. Please try again."


def _options_answer(options_json: str, binding_token: str) -> web.Response:
    response = web.Response(text=options_json, content_type="application/json", headers=NO_STORE)
    set_webauthn_cookie(response, token=binding_token, max_age=CHALLENGE_LIFETIME_SECONDS)
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
    if found.expired:
        raise SignInExpired(expired_message, reason="challenge_expired")
    return challenge, found.person_id


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
        existing=[(known.credential_id, known.transports) for known in existing],
    )
    return _options_answer(options, binding_token)


@routes.post("/auth/passkey/register/verify")
async def register_verify(request: web.Request) -> web.StreamResponse:
    require_same_origin(request)
    app = request.app
    settings, db, metrics = app[state.SETTINGS], app[state.DB], app[state.METRICS]
    session = await live_session(request, touch=True)
    try:
        body = await json_object(request, what="passkey")
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
    metrics.passkey_registrations.labels(result="success").inc()
    log.info(
        "passkey added",
        extra={"person_id": str(session.person_id), "passkey_id": str(added.passkey_id)},
    )
    return json_answer(
        {
            "id": str(added.passkey_id),
            "name": added.passkey_name,
            "created_at": added.created_at.isoformat(),
        },
        status=201,
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
    return _options_answer(options, binding_token)


@routes.post("/auth/passkey/login/verify")
async def login_verify(request: web.Request) -> web.StreamResponse:
    require_same_origin(request)
    return await accounted(request, "passkey", _finish_passkey_sign_in)


async def _finish_passkey_sign_in(
    request: web.Request, attempt: SignInAttempt
) -> web.StreamResponse:
    """Verify the assertion, then sign its owner in.

    Limits, so that holding someone's credential id is not enough to lock
    them out (docs/adr/0010): every attempt counts against the caller's
    address; a failed verification counts against this credential *from
    this address* only (checked before verifying); the owner's account is
    counted only once the signature has verified, which a stranger cannot
    make happen.
    """
    app = request.app
    settings, db, limiter = app[state.SETTINGS], app[state.DB], app[state.LIMITER]
    address = client_address(request)
    await limiter.hit_address(endpoint="passkey", address=address)
    body = await json_object(request, what="passkey")
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
    # A failure names the passkey's owner: they (and an admin) can see that
    # someone tried their passkey.
    attempt.person_id = stored.person_id
    await limiter.check_credential_failures(credential_id=credential.raw_id, address=address)
    try:
        verified = verify_assertion(
            credential=credential,
            stored=stored,
            challenge=challenge,
            rp_id=settings.webauthn_rp_id,
            origin=settings.public_origin,
        )
    except PasskeyFailed:
        await limiter.count_credential_failure(credential_id=credential.raw_id, address=address)
        raise
    await limiter.hit_account(endpoint="passkey", account=str(stored.person_id))
    check_owner_may_sign_in(stored=stored, reauth_days=settings.passkey_reauth_days)
    if not await db.use_passkey(
        passkey_id=stored.passkey_id,
        new_sign_count=verified.new_sign_count,
        backed_up=verified.backed_up,
    ):
        raise PasskeyFailed(reason="sign_count_not_increased")
    signed_in = await complete_sign_in(request, person_id=stored.person_id, method="passkey")
    response = json_answer(session_body(signed_in.session, signed_in.access_expires_at))
    signed_in.set_cookies(response, request=request)
    return response
