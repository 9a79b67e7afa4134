"""Sign-in with Azure AD: /auth/login/azure sends the browser to Entra ID,
/auth/callback/azure finishes the sign-in (oidc.py checks what comes back,
signin.complete_sign_in opens the session)."""

from __future__ import annotations

import secrets
from datetime import timedelta

from aiohttp import web

from authsvc import state
from authsvc.cookies import SIGNIN_COOKIE, clear_signin_cookie, set_signin_cookie
from authsvc.errors import SignInExpired, SignInFailed, SignInRefused
from authsvc.http_helpers import client_address, redirect
from authsvc.oidc import SIGNIN_LIFETIME_SECONDS, SignInTransaction, rights_for, safe_next_path
from authsvc.sessions import hash_token
from authsvc.signin import SignInAttempt, accounted, complete_sign_in

routes = web.RouteTableDef()


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
    set_signin_cookie(
        response,
        sealed=request.app[state.SEALER].seal(transaction),
        max_age=SIGNIN_LIFETIME_SECONDS,
    )
    return response


@routes.get("/auth/callback/azure")
async def callback_azure(request: web.Request) -> web.StreamResponse:
    return await accounted(request, "azure", _finish_azure_sign_in)


async def _finish_azure_sign_in(request: web.Request, attempt: SignInAttempt) -> web.StreamResponse:
    """Check the callback, then sign the person in."""
    app = request.app
    settings, db = app[state.SETTINGS], app[state.DB]
    await app[state.LIMITER].hit_address(endpoint="callback", address=client_address(request))
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
    found = await db.upsert_azure_person(
        tenant_id=identity.tenant_id,
        object_id=identity.object_id,
        display_name=identity.display_name,
        email=identity.email,
        manage_rights=rights.managed,
        is_admin=rights.is_admin,
        agent_categories=rights.agent_categories,
    )
    attempt.person_id = found.person_id
    if found.disabled:
        raise SignInRefused(
            "Your Reqstly account has been disabled. Ask an administrator.",
            reason="person_disabled",
        )
    signed_in = await complete_sign_in(request, person_id=found.person_id, method="azure")
    response = redirect(transaction.next_path)
    signed_in.set_cookies(response, request=request)
    clear_signin_cookie(response)
    return response
