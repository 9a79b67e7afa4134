"""Sign-in rate limits per address, per account and per (credential, address),
shared by all replicas, and the accounting of refusals.

Counters live in the database (auth.rate_limit_hit / auth.rate_limit_check,
fixed windows), so two authsvc replicas behind Caddy count together, and a
limit lifts by itself when its window ends.

Refusals are counted in memory: every one increments
`authsvc_rate_limited{endpoint}`, but only the first refusal of a bucket in
its window is logged and becomes an auth.login_events row
(`RateLimited.first_in_window`). A flood of refused attempts therefore
writes at most one row per bucket, window and replica (docs/adr/0010).
"""

from __future__ import annotations

import hashlib
import logging
import time

from authsvc.db import Database
from authsvc.errors import RateLimited
from authsvc.metrics import Metrics
from authsvc.settings import Settings

log = logging.getLogger("authsvc.ratelimit")
# Buckets remembered as "already recorded in this window"; past this many a
# refusal is only counted (an attacker rotating addresses cannot grow memory).
_MAX_REMEMBERED = 50_000


class RateLimiter:
    def __init__(self, *, db: Database, settings: Settings, metrics: Metrics) -> None:
        self.db = db
        self.settings = settings
        self.metrics = metrics
        self._recorded_until: dict[str, float] = {}

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

    async def check_credential_failures(self, *, credential_id: bytes, address: str | None) -> None:
        """Raises RateLimited when `address` has failed with this passkey too
        often in this window; counts nothing."""
        retry_after = await self.db.rate_limit_check(
            bucket=_failures_bucket(credential_id, address),
            window_seconds=self.settings.rate_limit_window_seconds,
            max_hits=self.settings.rate_limit_passkey_failures,
        )
        if retry_after > 0:
            raise self._refused(
                endpoint="passkey_failures",
                bucket=_failures_bucket(credential_id, address),
                retry_after=retry_after,
            )

    async def count_credential_failure(self, *, credential_id: bytes, address: str | None) -> None:
        """Count one failed verification of this passkey from `address` (never raises
        RateLimited: the failure itself is the answer)."""
        await self.db.rate_limit_hit(
            bucket=_failures_bucket(credential_id, address),
            window_seconds=self.settings.rate_limit_window_seconds,
            max_hits=self.settings.rate_limit_passkey_failures,
        )

    async def _hit(self, *, endpoint: str, bucket: str, max_hits: int) -> None:
        retry_after = await self.db.rate_limit_hit(
            bucket=bucket,
            window_seconds=self.settings.rate_limit_window_seconds,
            max_hits=max_hits,
        )
        if retry_after > 0:
            raise self._refused(endpoint=endpoint, bucket=bucket, retry_after=retry_after)

    def _refused(self, *, endpoint: str, bucket: str, retry_after: int) -> RateLimited:
        self.metrics.rate_limited.labels(endpoint=endpoint).inc()
        now = time.monotonic()
        first = self._recorded_until.get(bucket, 0.0) <= now
        if first:
            if len(self._recorded_until) >= _MAX_REMEMBERED:
                self._forget_past(now)
            if len(self._recorded_until) < _MAX_REMEMBERED:
                self._recorded_until[bucket] = now + retry_after
                log.warning(
                    "rate limited", extra={"endpoint": endpoint, "retry_after": retry_after}
                )
            else:
                first = False
        return RateLimited(retry_after=retry_after, endpoint=endpoint, first_in_window=first)

    def _forget_past(self, now: float) -> None:
        self._recorded_until = {b: t for b, t in self._recorded_until.items() if t > now}


def _failures_bucket(credential_id: bytes, address: str | None) -> str:
    credential = hashlib.sha256(credential_id).hexdigest()[:32]
    return f"passkey_failures:credential:{credential}:address:{address or 'unknown'}"
