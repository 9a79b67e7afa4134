"""What every /auth handler shares about HTTP: who is asking (address,
user agent), the same-origin rule, reading a JSON body, and the only ways
authsvc builds an answer — `json_answer`, `redirect` and `error_answer`,
all marked `Cache-Control: no-store`.
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from authsvc import state
from authsvc.errors import BadRequest, ForeignOrigin

NO_STORE = {"Cache-Control": "no-store"}
# A state-changing request is one browsers send with Origin.
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def json_answer(body: dict[str, Any], *, status: int = 200) -> web.Response:
    return web.json_response(body, status=status, headers=NO_STORE)


def redirect(location: str, status: int = 302) -> web.Response:
    """A redirect to return (not raise), so cookies can be set on it."""
    return web.Response(status=status, headers={"Location": location, **NO_STORE})


def error_answer(
    *, status: int, code: str, message: str, details: str | None = None
) -> web.Response:
    """`{error, message[, details]}`: every refusal authsvc sends looks like this
    (docs/error_codes.md); app.py's middleware is its only caller."""
    body = {"error": code, "message": message}
    if details:
        body["details"] = details
    return json_answer(body, status=status)


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

    The rule of docs/error_codes.md (`cross_site_request`), the same at
    Caddy for /rest: a request whose `Origin` is not the public origin, or
    whose `Sec-Fetch-Site` is neither `same-origin` nor `none`, is refused;
    a request carrying Reqstly's cookies must also show one of the two
    headers (browsers always send them; only a non-browser omits both, and
    it has no business holding the cookies). Raises ForeignOrigin.
    """
    if request.method in _SAFE_METHODS:
        return
    settings = request.app[state.SETTINGS]
    origin = request.headers.get("Origin")
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if origin is not None and origin != settings.public_origin:
        raise ForeignOrigin(reason="origin_mismatch")
    if fetch_site is not None and fetch_site not in {"same-origin", "none"}:
        raise ForeignOrigin(reason="fetch_site_not_same_origin")
    if origin is None and fetch_site is None and _carries_our_cookies(request):
        raise ForeignOrigin(reason="no_same_origin_proof")


def _carries_our_cookies(request: web.Request) -> bool:
    return any(name.startswith("__Host-reqstly_") for name in request.cookies)


async def json_object(request: web.Request, *, what: str) -> dict[str, Any]:
    """The request body as a JSON object; raises BadRequest naming `what` to send."""
    try:
        body = await request.json()
    except (ValueError, UnicodeDecodeError) as error:
        raise BadRequest(f"Send the {what} as JSON.", reason="body_not_json") from error
    if not isinstance(body, dict):
        raise BadRequest(f"Send the {what} as a JSON object.", reason="body_not_object")
    return body
