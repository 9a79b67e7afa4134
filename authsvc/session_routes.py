"""A signed-in browser's session: /auth/session (who am I), /auth/refresh
(a new access token; activity) and /auth/logout."""

from __future__ import annotations

from aiohttp import web

from authsvc import state
from authsvc.cookies import ACCESS_COOKIE, SESSION_COOKIE, clear_session_cookies, set_access_cookie
from authsvc.http_helpers import json_answer, require_same_origin
from authsvc.sessions import hash_token
from authsvc.signin import live_session, mint_for, record_sign_out, session_body
from authsvc.tokens import read_access_token

routes = web.RouteTableDef()


async def _refreshed(request: web.Request) -> web.Response:
    """Touch the live session and answer it with a new access token.
    Raises NotSignedIn (the error middleware then clears the cookies)."""
    session = await live_session(request, touch=True)
    access_token, access_expires_at = mint_for(request, session)
    response = json_answer(session_body(session, access_expires_at))
    set_access_cookie(
        response,
        token=access_token,
        max_age=request.app[state.SETTINGS].access_token_minutes * 60,
    )
    return response


@routes.post("/auth/refresh")
async def refresh(request: web.Request) -> web.StreamResponse:
    require_same_origin(request)
    return await _refreshed(request)


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
    return json_answer(session_body(session, int(claims["exp"])))


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
        await record_sign_out(request, ended)
    response = json_answer({"signed_out": ended is not None})
    clear_session_cookies(response)
    return response
