"""The worker's database calls: the functions of schema `notify` (migration 1110).

The worker connects as the `notifier` role, which may execute those functions
and nothing else. Every call is its own transaction (autocommit): a claim is
committed — the row is "sending", with a lease — before anything is sent.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import psycopg
from psycopg.rows import class_row

CHANNEL = "reqstly_notifications"


@dataclass(frozen=True)
class Outgoing:
    """One claimed notification (notify.outgoing)."""

    id: int
    kind: str
    channel: str
    attempts: int
    digest: bool
    recipient_id: uuid.UUID | None
    to_email: str | None
    to_name: str | None
    webhook_url: str | None
    request_id: int
    payload: dict[str, Any]
    correlation_id: str | None
    unsubscribe_token: str | None
    created_at: datetime


@dataclass(frozen=True)
class QueueFigure:
    channel: str
    state: str
    rows: int
    oldest_due_seconds: float


class Outbox:
    def __init__(self, conn: psycopg.AsyncConnection[Any]) -> None:
        self.conn = conn

    async def claim(self, *, batch: int, lease_seconds: int) -> list[Outgoing]:
        async with self.conn.cursor(row_factory=class_row(Outgoing)) as cur:
            await cur.execute("select * from notify.claim(%s, %s)", (batch, lease_seconds))
            return await cur.fetchall()

    async def claim_digest(self, *, lease_seconds: int) -> list[Outgoing]:
        async with self.conn.cursor(row_factory=class_row(Outgoing)) as cur:
            await cur.execute("select * from notify.claim_digest(%s)", (lease_seconds,))
            return await cur.fetchall()

    async def record_sent(self, ids: list[int]) -> None:
        await self.conn.execute("select notify.record_sent(%s)", (ids,))

    async def record_failure(
        self,
        *,
        notification_id: int,
        error: str,
        permanent: bool,
        max_attempts: int,
        retry_in: float,
    ) -> str:
        """Returns the row's new state: pending (to retry) or dead."""
        cur = await self.conn.execute(
            "select notify.record_failure(%s, %s, %s, %s, %s)",
            (notification_id, error, permanent, max_attempts, retry_in),
        )
        row = await cur.fetchone()
        return str(row[0]) if row and row[0] else "unknown"

    async def figures(self) -> list[QueueFigure]:
        async with self.conn.cursor(row_factory=class_row(QueueFigure)) as cur:
            await cur.execute("select * from notify.queue_stats()")
            return await cur.fetchall()
