"""Latency samples per call, percentiles, and PostgREST's Server-Timing split."""

from __future__ import annotations

import contextlib
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

# PostgREST 12.0.2's Server-Timing metrics (server-timing-enabled = true).
TIMING_PHASES = ("jwt", "parse", "plan", "transaction", "response")


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0–100) by nearest rank; 0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def parse_server_timing(header: str | None) -> dict[str, float]:
    """`jwt;dur=95.1, parse;dur=20.2, …` → {"jwt": 0.0951, "parse": 0.0202, …} in milliseconds.

    PostgREST 12.0.2 writes microseconds in `dur` (a list call of 6 ms in all
    reports `transaction;dur=437.6`), not the milliseconds the header defines.
    """
    result: dict[str, float] = {}
    if not header:
        return result
    for part in header.split(","):
        name, _, rest = part.strip().partition(";")
        for attribute in rest.split(";"):
            key, _, value = attribute.strip().partition("=")
            if key == "dur":
                with contextlib.suppress(ValueError):
                    result[name.strip()] = float(value) / 1000
    return result


@dataclass
class CallStats:
    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0
    conflicts: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    timing_sums: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    timing_count: int = 0

    def summary(self, seconds: float) -> dict[str, Any]:
        count = len(self.latencies_ms)
        timing = {
            phase: round(self.timing_sums[phase] / self.timing_count, 3)
            for phase in TIMING_PHASES
            if self.timing_count and phase in self.timing_sums
        }
        return {
            "count": count,
            "errors": self.errors,
            "conflicts": self.conflicts,
            "statuses": {str(k): v for k, v in sorted(self.statuses.items())},
            "per_second": round(count / seconds, 1) if seconds else 0.0,
            "mean_ms": round(sum(self.latencies_ms) / count, 2) if count else 0.0,
            "p50_ms": round(percentile(self.latencies_ms, 50), 2),
            "p95_ms": round(percentile(self.latencies_ms, 95), 2),
            "p99_ms": round(percentile(self.latencies_ms, 99), 2),
            "max_ms": round(max(self.latencies_ms), 2) if count else 0.0,
            "server_timing_mean_ms": timing,
        }


@dataclass
class Recorder:
    """Everything one load phase measured. Times are seconds since the phase began."""

    calls: dict[str, CallStats] = field(default_factory=lambda: defaultdict(CallStats))
    timeline: list[tuple[float, float]] = field(default_factory=list)
    error_examples: list[str] = field(default_factory=list)
    loop_lag_ms: list[float] = field(default_factory=list)

    def record(
        self,
        name: str,
        *,
        at: float,
        latency_ms: float,
        status: int,
        ok: bool,
        conflict: bool = False,
        server_timing: dict[str, float] | None = None,
        error: str | None = None,
    ) -> None:
        stats = self.calls[name]
        stats.latencies_ms.append(latency_ms)
        stats.statuses[status] += 1
        self.timeline.append((at, latency_ms))
        if conflict:
            stats.conflicts += 1
        elif not ok:
            stats.errors += 1
            if error and len(self.error_examples) < 20:
                self.error_examples.append(f"{name}: {error}")
        if server_timing:
            stats.timing_count += 1
            for phase, value in server_timing.items():
                stats.timing_sums[phase] += value

    def summary(self, seconds: float) -> dict[str, Any]:
        every = [ms for stats in self.calls.values() for ms in stats.latencies_ms]
        total = CallStats(latencies_ms=every)
        overall = total.summary(seconds)
        overall["errors"] = sum(s.errors for s in self.calls.values())
        overall["conflicts"] = sum(s.conflicts for s in self.calls.values())
        overall.pop("statuses")
        overall.pop("server_timing_mean_ms")
        return {
            "seconds": round(seconds, 1),
            "overall": overall,
            "calls": {name: self.calls[name].summary(seconds) for name in sorted(self.calls)},
            "error_examples": self.error_examples,
            "loop_lag_ms": {
                "p50": round(percentile(self.loop_lag_ms, 50), 2),
                "p99": round(percentile(self.loop_lag_ms, 99), 2),
                "max": round(max(self.loop_lag_ms), 2) if self.loop_lag_ms else 0.0,
            },
        }

    def windows(self, width: float) -> list[dict[str, float]]:
        """Percentiles per time window, for the latency-over-time chart."""
        buckets: dict[int, list[float]] = defaultdict(list)
        for at, ms in self.timeline:
            buckets[int(at // width)].append(ms)
        return [
            {
                "t": round((index + 1) * width, 1),
                "count": len(values),
                "p50": round(percentile(values, 50), 2),
                "p95": round(percentile(values, 95), 2),
                "p99": round(percentile(values, 99), 2),
            }
            for index, values in sorted(buckets.items())
        ]
