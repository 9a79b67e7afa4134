"""The unsubscribe link in notification e-mails: works without signing in.

GET shows what the link turns off and a button (a link opened by a mail
scanner must change nothing); POST turns it off — the button, or a mail
provider's one-click request (RFC 8058, `List-Unsubscribe=One-Click`). The
token is checked in the database (auth.unsubscribe, migration 1100): an HMAC
of the person, the kind and the purpose "unsubscribe", good for nothing else.
The POST follows the one same-origin rule (http_helpers.require_same_origin):
the button on the page sends Reqstly's Origin, and a mail provider's
one-click request carries neither Origin nor Reqstly's cookies.
"""

from __future__ import annotations

import html
import logging
from urllib.parse import quote

from aiohttp import web

from authsvc import state
from authsvc.errors import DatabaseUnavailable
from authsvc.http_helpers import require_same_origin

log = logging.getLogger("authsvc.unsubscribe")
routes = web.RouteTableDef()
_HEADERS = {"Cache-Control": "no-store"}


def _page(title: str, body: str, status: int = 200) -> web.Response:
    return web.Response(
        text=(
            '<!doctype html><html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{html.escape(title)} · Reqstly</title></head>"
            f"<body><main><h1>{html.escape(title)}</h1>{body}</main></body></html>"
        ),
        content_type="text/html",
        status=status,
        headers=_HEADERS,
    )


async def _unsubscribe(request: web.Request, token: str, *, apply: bool) -> str | web.Response:
    """The kind's label, or the page to answer with when the token is refused."""
    try:
        label = await request.app[state.DB].unsubscribe(token=token, apply=apply)
    except DatabaseUnavailable:
        log.warning("unsubscribe: database unavailable")
        return _page("Please try again", "<p>Reqstly could not be reached just now.</p>", 503)
    if label is None:
        log.warning("unsubscribe refused", extra={"reason": "invalid token"})
        return _page(
            "This link does not work",
            "<p>This unsubscribe link is not valid. Change your notifications in "
            'Reqstly\'s <a href="/settings">settings</a> instead.</p>',
            400,
        )
    return label


@routes.get("/auth/unsubscribe")
async def confirm(request: web.Request) -> web.Response:
    token = request.query.get("token", "")
    label = await _unsubscribe(request, token, apply=False)
    if isinstance(label, web.Response):
        return label
    action = html.escape(f"/auth/unsubscribe?token={quote(token)}", quote=True)
    return _page(
        "Stop these e-mails?",
        f"<p>You will no longer get e-mails for: <strong>{html.escape(label)}</strong>.</p>"
        f'<form method="post" action="{action}">'
        '<input type="hidden" name="List-Unsubscribe" value="One-Click">'
        '<button type="submit">Stop these e-mails</button></form>'
        '<p>Or choose in <a href="/settings">your notification settings</a>.</p>',
    )


@routes.post("/auth/unsubscribe")
async def unsubscribe(request: web.Request) -> web.Response:
    require_same_origin(request)
    token = request.query.get("token", "")
    label = await _unsubscribe(request, token, apply=True)
    if isinstance(label, web.Response):
        return label
    log.info("unsubscribed")
    return _page(
        "Done",
        f"<p>You will no longer get e-mails for: <strong>{html.escape(label)}</strong>.</p>"
        '<p>Changed your mind? Turn it back on in <a href="/settings">your notification settings</a>.</p>',
    )
