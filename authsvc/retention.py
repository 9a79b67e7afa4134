"""The retention job: every REQSTLY_RETENTION_INTERVAL_SECONDS each authsvc
replica calls auth.delete_expired_sign_in_rows (migration 1010), which
deletes login events older than REQSTLY_LOGIN_EVENTS_RETENTION_DAYS,
sessions ended more than REQSTLY_ENDED_SESSIONS_RETENTION_DAYS ago, expired
sign-in states and passkey challenges, and old rate-limit windows.

Two replicas running it at once is harmless (a row is deleted once). What it
deleted is counted in `authsvc_retention_deleted_rows_total{table}`; when it
last succeeded in `authsvc_retention_last_success_timestamp_seconds`.
"""

from __future__ import annotations

import logging
import time
from datetime import timedelta

from aiohttp import web

from authsvc import state
from authsvc.periodic import every

log = logging.getLogger("authsvc.retention")


async def delete_expired_rows(app: web.Application) -> dict[str, int]:
    """One run: delete, count in the metrics, log one line; the rows per table."""
    settings, metrics = app[state.SETTINGS], app[state.METRICS]
    deleted = await app[state.DB].delete_expired_sign_in_rows(
        login_events_kept=timedelta(days=settings.login_events_retention_days),
        ended_sessions_kept=timedelta(days=settings.ended_sessions_retention_days),
    )
    for table, rows in deleted.items():
        metrics.retention_deleted.labels(table=table).inc(rows)
    metrics.retention_last_success.set(time.time())
    log.info("retention", extra={"deleted": deleted})
    return deleted


retention_job = every(
    "retention", delete_expired_rows, lambda app: app[state.SETTINGS].retention_interval_seconds
)
