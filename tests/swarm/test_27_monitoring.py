"""Monitoring on the real Swarm: Prometheus finds every service through
Swarm's DNS (`tasks.<service>`) across the overlay networks, scrapes each
one, loads the alert rules and reaches Alertmanager — the production
prometheus.yml, unchanged."""

from __future__ import annotations

import json
import time
from typing import Any

from tests.swarm.conftest import record
from tests.swarm.swarm import Swarm, scaled_to_zero

# Every job of monitoring/prometheus/prometheus.yml whose service runs here,
# with the number of targets it must find (authsvc runs two replicas).
SCRAPED = {
    "prometheus": 1,
    "alertmanager": 1,
    "caddy": 1,
    "authsvc": 2,
    "notifier": 1,
    "postgres": 1,
    "node": 1,
}


def prometheus_api(swarm: Swarm, path: str) -> Any:
    """GET Prometheus' HTTP API from inside its task (it publishes no port)."""
    (container,) = swarm.containers("prometheus")[:1]
    out = swarm.engine.docker(
        "exec", container, "wget", "-q", "-O", "-", f"http://127.0.0.1:9090/api/v1/{path}"
    ).stdout
    answer = json.loads(out)
    assert answer["status"] == "success", answer
    return answer["data"]


def test_prometheus_scrapes_every_running_service_and_loads_the_rules(swarm: Swarm) -> None:
    assert "prometheus" not in scaled_to_zero() and "alertmanager" not in scaled_to_zero()
    swarm.wait_healthy("prometheus", 1)
    started = time.monotonic()

    def health() -> dict[str, list[str]]:
        by_job: dict[str, list[str]] = {}
        for target in prometheus_api(swarm, "targets?state=active")["activeTargets"]:
            by_job.setdefault(target["labels"]["job"], []).append(target["health"])
        return by_job

    def all_up() -> bool:
        seen = health()
        return all(seen.get(job, []) == ["up"] * count for job, count in SCRAPED.items())

    swarm.engine.wait("every running service scraped and up", all_up, timeout=180, interval=3)
    record(f"monitoring: every target up {time.monotonic() - started:.0f}s after Prometheus")

    groups = prometheus_api(swarm, "rules")["groups"]
    rules = [rule for group in groups for rule in group["rules"]]
    assert len(rules) >= 20, [g["name"] for g in groups]
    failing = [(r["name"], r.get("lastError")) for r in rules if r.get("health") == "err"]
    assert not failing, failing

    alertmanagers = prometheus_api(swarm, "alertmanagers")["activeAlertmanagers"]
    assert [a["url"].split("/")[2].endswith(":9093") for a in alertmanagers] == [True]

    # A metric from each side of the stack: the app's own and PostgreSQL's.
    for query in ("authsvc_active_sessions", "pg_up"):
        result = prometheus_api(swarm, f"query?query={query}")["result"]
        assert result, f"{query}: no series"
