"""The aiohttp application: create_app(settings) wires everything together."""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import AsyncIterator

from aiohttp import web
from aiohttp.typedefs import Handler
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from authsvc import state
from authsvc.azure_routes import routes as azure_routes
from authsvc.cookies import CookieSealer, clear_session_cookies, clear_signin_cookie
from authsvc.db import Database, create_pool
from authsvc.errors import AuthServiceError, NotSignedIn, RateLimited
from authsvc.http_helpers import error_answer, redirect
from authsvc.logs import correlation_id
from authsvc.metrics import Metrics
from authsvc.oidc import AzureSignIn, new_oauth_client
from authsvc.passkey_routes import routes as passkey_routes
from authsvc.periodic import every
from authsvc.ratelimit import RateLimiter
from authsvc.retention import retention_job
from authsvc.service_routes import routes as service_routes
from authsvc.session_routes import routes as session_routes
from authsvc.settings import Settings
from authsvc.unsubscribe import routes as unsubscribe_routes

log = logging.getLogger("authsvc")
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,100}$")
# Where a browser lands after a failed sign-in, instead of a page of JSON.
_BROWSER_ROUTES = frozenset({"/auth/login/azure", "/auth/callback/azure"})


@web.middleware
async def observe(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Correlation id, duration histogram and one access log line per request."""
    header = request.headers.get("X-Request-Id", "")
    token = correlation_id.set(header if _REQUEST_ID.match(header) else str(uuid.uuid4()))
    started = time.perf_counter()
    status = 500
    try:
        response = await handler(request)
        status = response.status
        return response
    except web.HTTPException as error:
        status = error.status
        raise
    finally:
        elapsed = time.perf_counter() - started
        resource = request.match_info.route.resource
        route = resource.canonical if resource is not None else "unmatched"
        request.app[state.METRICS].request_duration.labels(
            route=route, method=request.method, status=str(status)
        ).observe(elapsed)
        # The path only: query strings carry authorization codes and state
        # (logs.py redacts them from any other logger's lines too).
        log.info(
            "request",
            extra={
                "method": request.method,
                "route": route,
                "path": request.path,
                "status": status,
                "duration_ms": round(elapsed * 1000, 1),
            },
        )
        correlation_id.reset(token)


@web.middleware
async def errors_as_json(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Turn every refusal into `{error, message[, details]}` (http_helpers.error_answer):
    authsvc's own errors with their status, aiohttp's (404, 405 …) and
    anything unexpected (500, logged with its traceback)."""
    try:
        return await handler(request)
    except AuthServiceError as error:
        return _refusal(request, error)
    except web.HTTPException as error:
        if error.status < 400:
            raise
        return error_answer(
            status=error.status,
            code=error.reason.lower().replace(" ", "_"),
            message=error.reason,
        )
    except Exception:
        log.exception("unexpected error")
        return error_answer(
            status=500, code="internal_error", message="Something went wrong on our side."
        )


def _refusal(request: web.Request, error: AuthServiceError) -> web.StreamResponse:
    if not (isinstance(error, RateLimited) and not error.first_in_window):
        log.warning("refused", extra={"error": error.code, "reason": error.reason})
    response: web.StreamResponse
    if request.path in _BROWSER_ROUTES and "text/html" in request.headers.get("Accept", ""):
        # A browser lands on the sign-in page instead of a page of JSON.
        response = redirect(f"/signin?reason={error.code}", 303)
    else:
        response = error_answer(
            status=error.status, code=error.code, message=error.message, details=error.details
        )
    if isinstance(error, RateLimited):
        response.headers["Retry-After"] = str(error.retry_after)
    if isinstance(error, NotSignedIn) and request.path == "/auth/refresh":
        # The SPA refreshes on a timer: a dead session's cookies go at once.
        clear_session_cookies(response)
    if request.path == "/auth/callback/azure":
        clear_signin_cookie(response)
    return response


async def _database(app: web.Application) -> AsyncIterator[None]:
    settings = app[state.SETTINGS]
    pool = create_pool(
        settings.database_url, min_size=settings.db_pool_min, max_size=settings.db_pool_max
    )
    # Start even if the database is still coming up; healthz reports it.
    await pool.open(wait=False)
    app[state.DB] = Database(pool)
    app[state.LIMITER] = RateLimiter(
        db=app[state.DB], settings=settings, metrics=app[state.METRICS]
    )
    app[state.METRICS].watch_pool(lambda: dict(pool.get_stats()))
    yield
    await pool.close()


async def _identity_provider(app: web.Application) -> AsyncIterator[None]:
    client = new_oauth_client(app[state.SETTINGS])
    app[state.AZURE] = AzureSignIn(app[state.SETTINGS], client)
    yield
    await client.aclose()


async def _count_active_sessions(app: web.Application) -> None:
    """Keep authsvc_active_sessions in step with the database."""
    counts = await app[state.DB].active_session_counts()
    gauge = app[state.METRICS].active_sessions
    for method in {"azure", "passkey", *counts}:
        gauge.labels(method=method).set(counts.get(method, 0))


_active_sessions = every(
    "active_sessions",
    _count_active_sessions,
    lambda app: app[state.SETTINGS].active_sessions_refresh_seconds,
)


async def _metrics_server(app: web.Application) -> AsyncIterator[None]:
    """Serve /metrics on the separate metrics port (not through Caddy)."""
    settings = app[state.SETTINGS]
    if settings.metrics_port is None:
        yield
        return
    registry = app[state.METRICS].registry

    async def metrics(_: web.Request) -> web.Response:
        return web.Response(
            body=generate_latest(registry), headers={"Content-Type": CONTENT_TYPE_LATEST}
        )

    metrics_app = web.Application()
    metrics_app.router.add_get("/metrics", metrics)
    runner = web.AppRunner(metrics_app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, settings.metrics_host, settings.metrics_port)
    await site.start()
    yield
    await runner.cleanup()


def create_app(settings: Settings) -> web.Application:
    """Build authsvc from its settings; resources open when the app starts."""
    app = web.Application(middlewares=[observe, errors_as_json])
    app[state.SETTINGS] = settings
    app[state.METRICS] = Metrics()
    app[state.SEALER] = CookieSealer(settings.verification_keys)
    app.cleanup_ctx.extend(
        [_database, _identity_provider, _active_sessions, retention_job, _metrics_server]
    )
    for routes in (
        azure_routes,
        passkey_routes,
        session_routes,
        service_routes,
        unsubscribe_routes,
    ):
        app.add_routes(routes)
    return app
