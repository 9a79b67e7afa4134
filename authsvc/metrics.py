"""Prometheus metrics (names fixed: the monitoring dashboards and alerts use them).

Each app gets its own registry, served on the separate metrics port, so
several apps in one test process do not collide.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

# Every endpoint name ratelimit.py is called with, so the series exist at 0.
RATE_LIMITED_ENDPOINTS = (
    "login",
    "callback",
    "passkey_options",
    "passkey",
    "passkey_failures",
    "passkey_register",
)
# Every table auth.delete_expired_sign_in_rows reports on (migration 1010).
RETENTION_TABLES = (
    "login_events",
    "sessions",
    "signin_states",
    "webauthn_challenges",
    "rate_limits",
)


class _PoolCollector(Collector):
    """authsvc_db_pool_connections{state}, read from the pool at scrape time."""

    def __init__(self, stats: Callable[[], dict[str, int]]) -> None:
        self.stats = stats

    def collect(self) -> Iterable[Metric]:
        family = GaugeMetricFamily(
            "authsvc_db_pool_connections",
            "Database pool connections by state.",
            labels=["state"],
        )
        stats = self.stats()
        family.add_metric(["size"], stats.get("pool_size", 0))
        family.add_metric(["available"], stats.get("pool_available", 0))
        family.add_metric(["waiting"], stats.get("requests_waiting", 0))
        yield family


@dataclass
class Metrics:
    registry: CollectorRegistry = field(
        default_factory=lambda: CollectorRegistry(auto_describe=True)
    )

    def __post_init__(self) -> None:
        self.request_duration = Histogram(
            "authsvc_http_request_duration_seconds",
            "Time authsvc took to answer, by route.",
            ["route", "method", "status"],
            registry=self.registry,
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
        )
        self.sign_ins = Counter(
            "authsvc_sign_ins",
            "Sign-in attempts by method and result.",
            ["method", "result"],
            registry=self.registry,
        )
        self.sign_outs = Counter("authsvc_sign_outs", "Sign-outs.", registry=self.registry)
        self.active_sessions = Gauge(
            "authsvc_active_sessions",
            "Live sessions by sign-in method (from the database).",
            ["method"],
            registry=self.registry,
        )
        self.rate_limited = Counter(
            "authsvc_rate_limited",
            "Requests refused by a rate limit, by endpoint (counted here, not a row each).",
            ["endpoint"],
            registry=self.registry,
        )
        self.passkey_registrations = Counter(
            "authsvc_passkey_registrations",
            "Passkeys added (success) or refused at registration (failure).",
            ["result"],
            registry=self.registry,
        )
        self.retention_deleted = Counter(
            "authsvc_retention_deleted_rows",
            "Rows the retention job deleted, by table (auth.delete_expired_sign_in_rows).",
            ["table"],
            registry=self.registry,
        )
        self.retention_last_success = Gauge(
            "authsvc_retention_last_success_timestamp_seconds",
            "When the retention job last finished without error (Unix time).",
            registry=self.registry,
        )
        for table in RETENTION_TABLES:
            self.retention_deleted.labels(table=table)
        for endpoint in RATE_LIMITED_ENDPOINTS:
            self.rate_limited.labels(endpoint=endpoint)
        for registration_result in ("success", "failure"):
            self.passkey_registrations.labels(result=registration_result)
        # Known label values exist from the start, so rate() works from zero.
        for method in ("azure", "passkey"):
            self.active_sessions.labels(method=method).set(0)
            for result in ("success", "failure", "rate_limited", "refused"):
                self.sign_ins.labels(method=method, result=result)

    def watch_pool(self, stats: Callable[[], dict[str, int]]) -> None:
        self.registry.register(_PoolCollector(stats))
