"""Sign-in rate limits per address and per account, shared by all replicas.

Counters live in the database (auth.rate_limit_hit, fixed windows), so two
authsvc replicas behind Caddy count together, and a limit lifts by itself
when its window ends.
"""

from __future__ import annotations

import logging

from authsvc.db import Database
from authsvc.errors import RateLimited
from authsvc.metrics import Metrics
from authsvc.settings import Settings

log = logging.getLogger("authsvc.ratelimit")


class RateLimiter:
    def __init__(self, *, db: Database, settings: Settings, metrics: Metrics) -> None:
        self.db = db
        self.settings = settings
        self.metrics = metrics

    async def hit_address(self, *, endpoint: str, address: str | None) -> None:
        """Count an attempt from `address`; raises RateLimited past the per-address limit."""
        await self._hit(
            endpoint=endpoint,
            bucket=f"{endpoint}:address:{address or 'unknown'}",
            max_hits=self.settings.rate_limit_per_address,
        )

    async def hit_account(self, *, endpoint: str, account: str) -> None:
        """Count an attempt for `account`; raises RateLimited past the per-account limit."""
        await self._hit(
            endpoint=endpoint,
            bucket=f"{endpoint}:account:{account}",
            max_hits=self.settings.rate_limit_per_account,
        )

    async def _hit(self, *, endpoint: str, bucket: str, max_hits: int) -> None:
        retry_after = await self.db.rate_limit_hit(
            bucket=bucket,
            window_seconds=self.settings.rate_limit_window_seconds,
            max_hits=max_hits,
        )
        if retry_after > 0:
            self.metrics.rate_limited.labels(endpoint=endpoint).inc()
            log.warning("rate limited", extra={"endpoint": endpoint, "retry_after": retry_after})
            raise RateLimited(retry_after=retry_after, endpoint=endpoint)
