"""The delivery loop: wake on NOTIFY (or every poll interval), claim, send, record.

At-least-once with a narrow window: a row is claimed (state sending, with a
lease) and committed before it is sent, and recorded after. A worker killed
before the channel accepted the message leaves the row "sending"; when the
lease runs out another worker (or the restarted one) sends it again, and the
channel never saw the first attempt. Only a kill in the instant between the
channel's acceptance and the record can repeat a message — with the same
Message-ID / Idempotency-Key, which receivers de-duplicate on.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator, Sequence

import aiohttp
import psycopg
from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from authsvc.logs import correlation_id
from authsvc.notifier.channels import DeliveryError, SmtpChannel, WebhookChannel
from authsvc.notifier.messages import compose_digest, compose_email, compose_webhook, message_id
from authsvc.notifier.metrics import NotifierMetrics
from authsvc.notifier.outbox import CHANNEL, Outbox, Outgoing
from authsvc.notifier.settings import NotifierSettings

log = logging.getLogger("authsvc.notifier")


class Worker:
    def __init__(
        self,
        settings: NotifierSettings,
        outbox: Outbox,
        metrics: NotifierMetrics,
        smtp: SmtpChannel,
        webhooks: WebhookChannel,
    ) -> None:
        self.settings = settings
        self.outbox = outbox
        self.metrics = metrics
        self.smtp = smtp
        self.webhooks = webhooks

    async def drain(self) -> int:
        """Deliver everything due now; returns how many rows were handled."""
        handled = 0
        while True:
            batch = await self.outbox.claim(
                batch=self.settings.batch_size, lease_seconds=self.settings.lease_seconds
            )
            if batch:
                await asyncio.gather(*(self.deliver([item]) for item in batch))
                handled += len(batch)
                continue
            digest = await self.outbox.claim_digest(lease_seconds=self.settings.lease_seconds)
            if not digest:
                return handled
            await self.deliver(digest)
            handled += len(digest)

    async def deliver(self, items: Sequence[Outgoing]) -> None:
        """Send one notification (or one person's digest) and record what happened."""
        first = items[0]
        token = correlation_id.set(first.correlation_id or f"notification-{first.id}")
        started = time.perf_counter()
        ids = [item.id for item in items]
        fields = {
            "notification_ids": ids,
            "kind": first.kind,
            "channel": first.channel,
            "attempt": first.attempts,
        }
        try:
            if first.channel == "webhook":
                assert first.webhook_url is not None
                await self.webhooks.post(
                    first.webhook_url,
                    compose_webhook(first, self.settings),
                    idempotency_key=message_id(self.settings, first.id),
                )
            elif first.digest:
                await self.smtp.send(compose_digest(items, self.settings))
            else:
                await self.smtp.send(compose_email(first, self.settings))
        except DeliveryError as error:
            outcome = "dead"
            for item in items:
                state = await self.outbox.record_failure(
                    notification_id=item.id,
                    error=str(error),
                    permanent=error.permanent,
                    max_attempts=self.settings.max_attempts,
                    retry_in=self.settings.retry_delay(item.attempts),
                )
                outcome = "dead" if state == "dead" else "retry"
            self.metrics.failed.labels(channel=first.channel, outcome=outcome).inc(len(items))
            log.warning(
                "delivery failed",
                extra={
                    **fields,
                    "outcome": outcome,
                    "permanent": error.permanent,
                    "reason": str(error),
                },
            )
        else:
            await self.outbox.record_sent(ids)
            self.metrics.sent.labels(channel=first.channel).inc(len(items))
            log.info("sent", extra=fields)
        finally:
            self.metrics.send_duration.labels(channel=first.channel).observe(
                time.perf_counter() - started
            )
            correlation_id.reset(token)

    async def refresh_figures(self) -> None:
        for figure in await self.outbox.figures():
            self.metrics.queued.labels(channel=figure.channel, state=figure.state).set(figure.rows)
            if figure.state == "pending":
                self.metrics.oldest_pending.labels(channel=figure.channel).set(
                    figure.oldest_due_seconds
                )


async def _connect(settings: NotifierSettings) -> psycopg.AsyncConnection[tuple[object, ...]]:
    return await psycopg.AsyncConnection.connect(
        settings.database_url, autocommit=True, application_name="reqstly-notifier"
    )


async def _wake_ups(
    conn: psycopg.AsyncConnection[tuple[object, ...]], every: float
) -> AsyncIterator[None]:
    """Yields on each NOTIFY and at least every `every` seconds (the polling fallback)."""
    while True:
        async for _ in conn.notifies(timeout=every, stop_after=1):
            pass
        yield


@contextlib.asynccontextmanager
async def _metrics_server(
    settings: NotifierSettings, metrics: NotifierMetrics
) -> AsyncIterator[None]:
    """/metrics, and /healthz that fails when the loop has stalled (Swarm's health check)."""
    if settings.metrics_port is None:
        yield
        return

    async def serve_metrics(_: web.Request) -> web.Response:
        return web.Response(
            body=generate_latest(metrics.registry), headers={"Content-Type": CONTENT_TYPE_LATEST}
        )

    async def healthz(_: web.Request) -> web.Response:
        age = time.time() - metrics.last_loop_at
        healthy = age < 2 * settings.poll_seconds + 30
        return web.json_response(
            {"ok": healthy, "loop_age_seconds": round(age, 1)}, status=200 if healthy else 503
        )

    app = web.Application()
    app.router.add_get("/metrics", serve_metrics)
    app.router.add_get("/healthz", healthz)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, settings.metrics_host, settings.metrics_port).start()
    try:
        yield
    finally:
        await runner.cleanup()


async def run(settings: NotifierSettings, stop: asyncio.Event) -> None:
    """Deliver until `stop` is set; reconnects when the database goes away."""
    metrics = NotifierMetrics()
    metrics.loop_done()
    async with _metrics_server(settings, metrics), aiohttp.ClientSession() as session:
        smtp, webhooks = SmtpChannel(settings), WebhookChannel(settings, session)
        while not stop.is_set():
            try:
                await _serve(settings, metrics, smtp, webhooks, stop)
            except (psycopg.OperationalError, OSError) as error:
                log.warning("database unavailable, retrying", extra={"reason": str(error)})
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), timeout=5)


async def _serve(
    settings: NotifierSettings,
    metrics: NotifierMetrics,
    smtp: SmtpChannel,
    webhooks: WebhookChannel,
    stop: asyncio.Event,
) -> None:
    async with await _connect(settings) as conn, await _connect(settings) as listener:
        await listener.execute(f"listen {CHANNEL}")
        worker = Worker(settings, Outbox(conn), metrics, smtp, webhooks)
        log.info("listening", extra={"poll_seconds": settings.poll_seconds})
        wake_ups = _wake_ups(listener, min(settings.poll_seconds, settings.stats_seconds))
        last_figures = 0.0
        while not stop.is_set():
            handled = await worker.drain()
            if handled or time.monotonic() - last_figures >= settings.stats_seconds:
                await worker.refresh_figures()
                last_figures = time.monotonic()
            metrics.loop_done()
            waiting = asyncio.ensure_future(anext(wake_ups))
            stopping = asyncio.ensure_future(stop.wait())
            await asyncio.wait({waiting, stopping}, return_when=asyncio.FIRST_COMPLETED)
            stopping.cancel()
            if not waiting.done():
                waiting.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await waiting
