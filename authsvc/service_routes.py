"""What authsvc says about itself: liveness, readiness and the SPA's config."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from authsvc import state
from authsvc.errors import AuthServiceError
from authsvc.http_helpers import json_answer

routes = web.RouteTableDef()


@routes.get("/auth/livez")
async def livez(request: web.Request) -> web.StreamResponse:
    """Liveness for Swarm's health check: the process answers. It never
    touches the database, so a database outage does not get every replica
    killed and restarted; /auth/healthz is the readiness view."""
    return json_answer({"status": "ok"})


@routes.get("/auth/healthz")
async def healthz(request: web.Request) -> web.StreamResponse:
    """Readiness: 200 when the database answers, else 503."""
    try:
        database_ok = await request.app[state.DB].ping()
    except AuthServiceError:
        database_ok = False
    return json_answer(
        {
            "status": "ok" if database_ok else "degraded",
            "database": "ok" if database_ok else "down",
        },
        status=200 if database_ok else 503,
    )


@routes.get("/auth/config")
async def config(request: web.Request) -> web.StreamResponse:
    """What the sign-in page needs to know: local mode and its demo people."""
    settings = request.app[state.SETTINGS]
    body: dict[str, Any] = {"local_mode": settings.local_mode}
    if settings.local_mode:
        body["demo_people"] = list(settings.demo_people)
    return json_answer(body)
