"""Background jobs that repeat while the app runs (the active-sessions gauge,
the retention job): one loop, started and stopped with the app."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable

from aiohttp import web

from authsvc.errors import AuthServiceError

log = logging.getLogger("authsvc.periodic")

Job = Callable[[web.Application], Awaitable[object]]
CleanupContext = Callable[[web.Application], AsyncIterator[None]]


def every(name: str, job: Job, seconds: Callable[[web.Application], float]) -> CleanupContext:
    """A cleanup context that runs `job(app)` at once and then every
    `seconds(app)` until shutdown. A failure is logged and the next run
    comes on time: a database outage never stops the loop."""

    async def context(app: web.Application) -> AsyncIterator[None]:
        async def run_forever() -> None:
            while True:
                try:
                    await job(app)
                except AuthServiceError:
                    log.warning("job could not reach the database", extra={"job": name})
                except Exception:
                    log.exception("job failed", extra={"job": name})
                await asyncio.sleep(seconds(app))

        task = asyncio.create_task(run_forever(), name=name)
        yield
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task

    return context
