"""The worker's Prometheus metrics (names fixed: monitoring/prometheus/rules/notifications.yml uses them)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

CHANNELS = ("email", "webhook")
STATES = ("pending", "sending", "dead")


@dataclass
class NotifierMetrics:
    registry: CollectorRegistry = field(default_factory=CollectorRegistry)
    last_loop_at: float = 0.0

    def __post_init__(self) -> None:
        self.sent = Counter(
            "notifier_sent_total",
            "Notifications delivered, by channel.",
            ["channel"],
            registry=self.registry,
        )
        self.failed = Counter(
            "notifier_failed_total",
            "Failed delivery attempts, by channel and what follows (retry or dead).",
            ["channel", "outcome"],
            registry=self.registry,
        )
        self.queued = Gauge(
            "notifier_queued",
            "Outbox rows not delivered, by channel and state (pending, sending, dead).",
            ["channel", "state"],
            registry=self.registry,
        )
        self.oldest_pending = Gauge(
            "notifier_oldest_pending_seconds",
            "Age of the oldest notification that is due and not delivered, by channel.",
            ["channel"],
            registry=self.registry,
        )
        self.send_duration = Histogram(
            "notifier_send_duration_seconds",
            "Time to hand one message to its channel.",
            ["channel"],
            buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
            registry=self.registry,
        )
        self.last_loop = Gauge(
            "notifier_last_loop_timestamp_seconds",
            "When the worker last finished looking at the outbox.",
            registry=self.registry,
        )
        # Every series exists from the start, at zero.
        for channel in CHANNELS:
            self.sent.labels(channel=channel)
            self.oldest_pending.labels(channel=channel)
            for outcome in ("retry", "dead"):
                self.failed.labels(channel=channel, outcome=outcome)
            for state in STATES:
                self.queued.labels(channel=channel, state=state)

    def loop_done(self) -> None:
        self.last_loop_at = time.time()
        self.last_loop.set(self.last_loop_at)
