"""A real Prometheus over the running local stack (tests/monitoring/test_live.py).

Debian's prometheus, prometheus-postgres-exporter and prometheus-node-exporter
run on free ports of 127.0.0.1 next to the session's LocalStack. Prometheus
gets a config generated from monitoring/prometheus/prometheus.yml: the same
jobs and rule files, but static targets on the local processes, a 1 s scrape
interval, and without the jobs whose software cannot run here.
"""

from __future__ import annotations

import math
import os
import re
import shutil
import subprocess
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import yaml

from devstack import processes
from devstack.authsvc import start_authsvc
from devstack.mailbox import start_mailbox
from devstack.notifier import notifier_env, start_notifier
from devstack.paths import DATA
from devstack.stack import DBNAME, LocalStack
from tests.authsvc.browser import Browser
from tests.authsvc.conftest import sign_in_with_stand_in
from tests.monitoring.conftest import PROMETHEUS, ROOT, RULES, require_tool

SCRAPE_INTERVAL = "1s"

# Production jobs whose software cannot run on this machine; their metrics are
# checked by name against what the tools document (test_live.NOT_RUNNABLE).
LEFT_OUT_JOBS = {
    "cadvisor": "needs the Docker engine and the host's cgroups",
    "alertmanager": "alert routing is tested with amtool (test_alertmanager.py)",
    "alloy": "reads Docker's container logs through the engine's socket",
    "loki": "only fed by Alloy",
}

# postgres-exporter 0.11 collectors that fail against PostgreSQL 18 (each one
# makes the scrape log an error and sets pg_scrape_collector_success to 0).
POSTGRES_EXPORTER_DISABLED = {
    "bgwriter": (
        "reads pg_stat_bgwriter.checkpoints_timed and friends, which PostgreSQL 17"
        " moved to pg_stat_checkpointer: 'column \"checkpoints_timed\" does not exist'"
    ),
}

# node-exporter collectors the dashboards and rules use; each reads /proc or
# statfs() and works without privileges. Every other collector is off.
NODE_COLLECTORS = ("cpu", "meminfo", "loadavg", "filesystem", "diskstats", "textfile")

# A replica of authsvc with a tiny per-address limit, so a few sign-in starts
# make authsvc_rate_limited_total appear (the stack's own limits are generous).
REPLICA_RATE_LIMIT = 2


def production_config() -> dict[str, Any]:
    config: dict[str, Any] = yaml.safe_load((PROMETHEUS / "prometheus.yml").read_text())
    return config


def local_config(production: dict[str, Any], targets: dict[str, list[str]]) -> dict[str, Any]:
    """The production config with static local targets and without LEFT_OUT_JOBS."""
    jobs = []
    for job in production["scrape_configs"]:
        name = job["job_name"]
        if name in LEFT_OUT_JOBS:
            continue
        if name not in targets:
            raise KeyError(
                f"no local target for job {name!r}: run it here or add it to LEFT_OUT_JOBS"
            )
        kept = {
            key: value
            for key, value in job.items()
            if key not in {"dns_sd_configs", "static_configs", "scrape_interval", "scrape_timeout"}
        }
        jobs.append({**kept, "static_configs": [{"targets": targets[name]}]})
    return {
        "global": {
            "scrape_interval": SCRAPE_INTERVAL,
            "scrape_timeout": SCRAPE_INTERVAL,
            "evaluation_interval": SCRAPE_INTERVAL,
            "external_labels": production["global"].get("external_labels", {}),
        },
        "rule_files": production["rule_files"],
        "scrape_configs": jobs,
    }


def write_backup_textfile(folder: Path, finished_at: float, size_bytes: int) -> Path:
    """The backup metrics, written by the scripts' own write_metric (scripts/backup-common.sh)."""
    metrics = [
        (
            "reqstly_backup_last_success_timestamp_seconds",
            "When the last base backup finished.",
            int(finished_at),
        ),
        ("reqstly_backup_last_size_bytes", "Size of the last base backup.", size_bytes),
        (
            "reqstly_backup_offsite_last_success_timestamp_seconds",
            "Off-site copy up to date.",
            int(finished_at),
        ),
        ("reqstly_wal_archive_streaming", "pg_receivewal holds its slot.", 1),
    ]
    calls = "; ".join(f"write_metric {name} '{help_}' {value}" for name, help_, value in metrics)
    subprocess.run(
        ["bash", "-c", f". scripts/ops-common.sh; . scripts/backup-common.sh; {calls}"],
        env={**os.environ, "REQSTLY_TEXTFILE_DIR": str(folder)},
        cwd=ROOT,
        check=True,
    )
    return folder


def process_environment(pid: int) -> dict[str, str]:
    """The environment a running process was started with (Linux /proc)."""
    raw = Path(f"/proc/{pid}/environ").read_bytes()
    pairs = (item.decode().split("=", 1) for item in raw.split(b"\0") if b"=" in item)
    return {key: value for key, value in pairs}


def authsvc_metrics_targets(stack: LocalStack) -> list[str]:
    """The metrics address of each authsvc replica of the stack.

    devstack does not keep the per-replica environment, so it is read back
    from each process: REQSTLY_METRICS_HOST/PORT are exactly what it listens on.
    """
    assert stack.sign_in is not None, "the stack was started without authsvc"
    targets = []
    for service in stack.sign_in.services:
        env = process_environment(service.process.pid)
        targets.append(f"{env['REQSTLY_METRICS_HOST']}:{env['REQSTLY_METRICS_PORT']}")
    return targets


def _rfc3339(value: str) -> float:
    """Prometheus's nanosecond RFC 3339 times, as Unix seconds."""
    trimmed = re.sub(r"(\.\d{6})\d+", r"\1", value).replace("Z", "+00:00")
    return datetime.fromisoformat(trimmed).timestamp()


@dataclass
class PrometheusApi:
    """The HTTP API of the local Prometheus."""

    url: str
    expected_targets: int
    client: httpx.Client = field(default_factory=lambda: httpx.Client(timeout=10))

    def get(self, path: str, **params: Any) -> Any:
        response = self.client.get(f"{self.url}{path}", params=params)
        body = response.json()
        if response.status_code != 200 or body.get("status") != "success":
            raise AssertionError(f"{path} {params}: {response.status_code} {body}")
        return body["data"]

    def query(self, expr: str, at: float | None = None) -> list[dict[str, Any]]:
        params: dict[str, Any] = {"query": expr}
        if at is not None:
            params["time"] = at
        data = self.get("/api/v1/query", **params)
        assert data["resultType"] == "vector", f"{expr} gave a {data['resultType']}"
        result: list[dict[str, Any]] = data["result"]
        return result

    def total(self, expr: str, at: float | None = None) -> float:
        """sum(expr) as a number; 0 when it has no series."""
        result = self.query(f"sum({expr})", at)
        return float(result[0]["value"][1]) if result else 0.0

    def metric_names(self) -> set[str]:
        return set(self.get("/api/v1/label/__name__/values"))

    def label_names(self, metric: str) -> set[str]:
        series = self.get("/api/v1/series", **{"match[]": metric})
        return {label for labels in series for label in labels} - {"__name__"}

    def targets(self) -> list[dict[str, Any]]:
        targets: list[dict[str, Any]] = self.get("/api/v1/targets", state="active")["activeTargets"]
        return targets

    def rule_groups(self) -> list[dict[str, Any]]:
        groups: list[dict[str, Any]] = self.get("/api/v1/rules")["groups"]
        return groups

    def wait_until(self, what: str, ready: Callable[[], bool], timeout: float = 20) -> None:
        if not processes.poll_until(ready, timeout=timeout, interval=0.2):
            raise AssertionError(f"Prometheus: {what} not after {timeout:.0f}s")

    def wait_for_scrapes(self, count: int = 2) -> None:
        """Wait until every target has been scraped `count` times from now on,
        and every rule group evaluated after the last of those scrapes."""
        for _ in range(count):
            self.wait_until("a scrape of every target", self._scraped_since(time.time()))
        self.wait_until("an evaluation of every rule group", self._evaluated_since(time.time()))

    def _scraped_since(self, mark: float) -> Callable[[], bool]:
        def check() -> bool:
            # Static targets too reach the scrape loop through service discovery,
            # which hands them over a few seconds after the start.
            targets = self.targets()
            return len(targets) == self.expected_targets and all(
                _rfc3339(target["lastScrape"]) > mark for target in targets
            )

        return check

    def _evaluated_since(self, mark: float) -> Callable[[], bool]:
        def check() -> bool:
            return all(_rfc3339(group["lastEvaluation"]) > mark for group in self.rule_groups())

        return check

    def close(self) -> None:
        self.client.close()


def has_finite_value(result: list[dict[str, Any]]) -> bool:
    return any(math.isfinite(float(sample["value"][1])) for sample in result)


def monitoring_folder() -> Path:
    DATA.mkdir(exist_ok=True)
    return Path(tempfile.mkdtemp(prefix="monitoring-", dir=DATA))


@dataclass
class LocalMonitoring:
    """The exporters, an extra authsvc replica and Prometheus; stopped by PID."""

    stack: LocalStack
    # Under .data/ like every local run's files (never the checkout's root).
    folder: Path = field(default_factory=monitoring_folder)
    services: list[processes.Service] = field(default_factory=list)
    targets: dict[str, list[str]] = field(default_factory=dict)
    config: dict[str, Any] = field(default_factory=dict)
    replica_url: str = ""
    prometheus: PrometheusApi | None = None

    @property
    def textfile_dir(self) -> Path:
        return self.folder / "textfile"

    @property
    def api(self) -> PrometheusApi:
        assert self.prometheus is not None, "Prometheus is not running"
        return self.prometheus

    def start(self) -> None:
        """Start everything; on any failure stop what already started."""
        try:
            self._start()
        except BaseException:
            self.stop()
            raise

    def _start(self) -> None:
        assert self.stack.caddy_admin_port is not None, "Caddy is not running"
        write_backup_textfile(self.textfile_dir, time.time() - 3600, 1_048_576)
        prometheus_port = processes.free_port()
        self.targets = {
            "prometheus": [f"127.0.0.1:{prometheus_port}"],
            "caddy": [f"127.0.0.1:{self.stack.caddy_admin_port}"],
            "authsvc": [*authsvc_metrics_targets(self.stack), self._start_authsvc_replica()],
            "postgres": [self._start_postgres_exporter()],
            "node": [self._start_node_exporter()],
            "notifier": [self._start_notifier()],
        }
        self.config = local_config(production_config(), self.targets)
        self._start_prometheus(prometheus_port)

    def _start_service(self, name: str, argv: list[str], ready_url: str, **kw: Any) -> None:
        service = processes.start(name, argv, self.folder / f"{name}.log", **kw)
        self.services.append(service)
        processes.wait_until(service, processes.http_ok(ready_url), timeout=20)

    def _start_postgres_exporter(self) -> str:
        binary = require_tool("prometheus-postgres-exporter", "prometheus-postgres-exporter")
        address = f"127.0.0.1:{processes.free_port()}"
        dsn = (
            f"host={self.stack.postgres.socket_dir} dbname={DBNAME} user=monitoring sslmode=disable"
        )
        self._start_service(
            "postgres-exporter",
            [
                binary,
                f"--web.listen-address={address}",
                f"--extend.query-path={ROOT / 'monitoring/postgres-exporter/queries.yaml'}",
                *(f"--no-collector.{name}" for name in POSTGRES_EXPORTER_DISABLED),
            ],
            f"http://{address}/",
            env={"DATA_SOURCE_NAME": dsn},
        )
        return address

    def _start_node_exporter(self) -> str:
        binary = require_tool("prometheus-node-exporter", "prometheus-node-exporter")
        address = f"127.0.0.1:{processes.free_port()}"
        self._start_service(
            "node-exporter",
            [
                binary,
                f"--web.listen-address={address}",
                "--collector.disable-defaults",
                *(f"--collector.{name}" for name in NODE_COLLECTORS),
                f"--collector.textfile.directory={self.textfile_dir}",
            ],
            f"http://{address}/",
        )
        return address

    def _start_authsvc_replica(self) -> str:
        assert self.stack.sign_in is not None
        port, metrics_port = processes.free_port(), processes.free_port()
        env = {
            **self.stack.sign_in.env_for(port, metrics_port),
            "REQSTLY_RATE_LIMIT_PER_ADDRESS": str(REPLICA_RATE_LIMIT),
        }
        self.services.append(start_authsvc("authsvc-monitoring-replica", env, self.folder))
        self.replica_url = f"http://127.0.0.1:{port}"
        return f"127.0.0.1:{metrics_port}"

    def _start_notifier(self) -> str:
        """A notification worker on the stack's database, sending to a mailbox of its own."""
        box = start_mailbox(self.folder, self.folder / "mail")
        self.services.append(box.service)
        metrics_port = processes.free_port()
        env = notifier_env(
            database_url=self.stack.postgres.uri(DBNAME, "notifier"),
            public_origin=self.stack.origin,
            mailbox=box,
            metrics_port=metrics_port,
        )
        self.services.append(start_notifier("notifier-monitoring", env, self.folder))
        return f"127.0.0.1:{metrics_port}"

    def _start_prometheus(self, port: int) -> None:
        binary = require_tool("prometheus", "prometheus")
        config_dir = self.folder / "prometheus"
        (config_dir / "rules").mkdir(parents=True)
        for path in RULES:
            shutil.copy(path, config_dir / "rules" / path.name)
        config_file = config_dir / "prometheus.yml"
        config_file.write_text(yaml.safe_dump(self.config, sort_keys=False))
        url = f"http://127.0.0.1:{port}"
        self._start_service(
            "prometheus",
            [
                binary,
                f"--config.file={config_file}",
                f"--storage.tsdb.path={self.folder / 'tsdb'}",
                f"--web.listen-address=127.0.0.1:{port}",
                "--storage.tsdb.retention.time=1h",
            ],
            f"{url}/-/ready",
        )
        self.prometheus = PrometheusApi(url, sum(map(len, self.targets.values())))

    def logs(self) -> str:
        return "\n".join(f"--- {s.name}\n{s.log_tail(15)}" for s in self.services)

    def stop(self) -> None:
        if self.prometheus is not None:
            self.prometheus.close()
        for service in reversed(self.services):
            service.stop()
        self.services.clear()
        shutil.rmtree(self.folder, ignore_errors=True)


JSON_OBJECT = {"Accept": "application/vnd.pgrst.object+json", "Prefer": "return=representation"}


def _expect(response: httpx.Response, status: int, what: str) -> httpx.Response:
    assert response.status_code == status, f"{what}: {response.status_code} {response.text}"
    return response


async def generate_traffic(stack: LocalStack, replica_url: str) -> None:
    """Move every counter the dashboards and rules read.

    Azure sign-ins through Caddy against the OIDC stand-in (and a failed
    one), a sign-out, the life of a request through the API (list, create,
    transition, comment, resolve), some 4xx, and rate-limited sign-in starts
    on the replica with the tiny limit.
    """
    browsers = {name: Browser(origin=stack.origin) for name in ("alice", "ivan", "hana")}
    stranger = Browser(origin=stack.origin)
    try:
        for name, browser in browsers.items():
            signed_in = await sign_in_with_stand_in(stack, browser, name)
            _expect(signed_in, 302, f"sign-in of {name}")
        # A callback without its sign-in cookie: a failed sign-in.
        failed = await stranger.get(
            f"{stack.origin}/auth/callback/azure", params={"state": "forged", "code": "forged"}
        )
        assert failed.status_code >= 400, failed.text

        api, alice, ivan = f"{stack.origin}/rest", browsers["alice"], browsers["ivan"]
        for path in ("/requests", "/categories", "/me"):
            _expect(await alice.get(f"{api}{path}"), 200, path)
        created = await alice.post(
            f"{api}/requests",
            json={"title": "Monitoring check: printer offline", "category": "IT"},
            headers=JSON_OBJECT,
        )
        request_id = _expect(created, 201, "create a request").json()["id"]
        transition = f"{api}/rpc/transition_request"
        moved = await ivan.post(
            transition, json={"request_id": request_id, "to_status": "in_progress"}
        )
        _expect(moved, 200, "take the request")
        commented = await ivan.post(
            f"{api}/comments", json={"request_id": request_id, "body": "On it.", "internal": False}
        )
        _expect(commented, 201, "comment")
        resolved = await ivan.post(
            transition, json={"request_id": request_id, "to_status": "resolved", "note": "Fixed."}
        )
        _expect(resolved, 200, "resolve the request")
        _expect(await alice.get(f"{api}/no_such_table"), 404, "unknown table")
        _expect(await alice.post(f"{api}/requests", json={"title": ""}), 400, "invalid request")
        assert (await stranger.get(f"{api}/requests")).status_code in {401, 403}

        _expect(await browsers["hana"].post(f"{stack.origin}/auth/logout"), 200, "sign-out")

        address = {"X-Forwarded-For": f"2001:db8::{uuid.uuid4().hex[:4]}"}
        for _ in range(REPLICA_RATE_LIMIT):
            started = await stranger.get(f"{replica_url}/auth/login/azure", headers=address)
            _expect(started, 302, "sign-in start")
        limited = await stranger.get(f"{replica_url}/auth/login/azure", headers=address)
        _expect(limited, 429, "sign-in start past the limit")
    finally:
        for browser in [*browsers.values(), stranger]:
            await browser.aclose()


def running(stack: LocalStack) -> Iterator[LocalMonitoring]:
    monitoring = LocalMonitoring(stack)
    monitoring.start()
    try:
        yield monitoring
    finally:
        monitoring.stop()
