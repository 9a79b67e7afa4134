"""Issue 7, live: dashboards and rules against a real Prometheus over the running stack.

Debian's Prometheus scrapes what runs here (Caddy, authsvc, postgres-exporter,
node-exporter, itself) after some real traffic, with the production rule
files. Every recording rule and dashboard query over those metrics must
return data, and every metric and label name used anywhere must be exported
by the running system, or belong to a tool that cannot run here (cAdvisor,
Alloy) and be one that tool documents (NOT_RUNNABLE below).
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

import pytest
import yaml

from devstack.stack import LocalStack
from tests.monitoring.conftest import MONITORING, RULES, dashboard_queries
from tests.monitoring.live import (
    LEFT_OUT_JOBS,
    NODE_COLLECTORS,
    LocalMonitoring,
    PrometheusApi,
    generate_traffic,
    has_finite_value,
    production_config,
    running,
)
from tests.monitoring.promql import grouping_labels, metric_names, selectors

pytestmark = pytest.mark.slow

# Grafana's own variables, replaced by what Grafana would send for a short
# dashboard range over a 1 s scrape interval (no dashboard has template variables).
GRAFANA_VARIABLES = {"$__rate_interval": "1m", "$__interval": "2s", "$__range": "1h"}


@dataclass(frozen=True)
class Documented:
    """A metric of a tool that cannot run here: its labels and where the tool documents them."""

    tool: str
    labels: frozenset[str]
    reference: str


# cAdvisor: metric names from its Prometheus docs; labels from metrics/prometheus.go
# (LabelID "id", LabelName "name", LabelImage "image", plus container_label_<docker
# label>, which the cadvisor job turns into `service` and then drops).
CADVISOR_METRICS = "https://github.com/google/cadvisor/blob/master/docs/storage/prometheus.md"
CADVISOR_LABELS = frozenset({"id", "name", "image", "service"})
# Alloy: stage.metrics names a metric prefix + name (histograms add _bucket/_sum/
# _count and `le`) and labels it with the log entry's label set (the stage's
# source, loki/process/stages/metrics.go: `counter.With(labels)`): the stream
# labels of monitoring/alloy/config.alloy plus those its stage.labels adds.
ALLOY_STAGE_METRICS = (
    "https://grafana.com/docs/alloy/latest/reference/components/loki/loki.process/#stagemetrics"
)
ALLOY_STREAM_LABELS = frozenset({"service", "stack", "stream", "level"})

NOT_RUNNABLE: dict[str, Documented] = {
    "container_cpu_usage_seconds_total": Documented("cAdvisor", CADVISOR_LABELS, CADVISOR_METRICS),
    "container_memory_working_set_bytes": Documented("cAdvisor", CADVISOR_LABELS, CADVISOR_METRICS),
    "container_spec_memory_limit_bytes": Documented("cAdvisor", CADVISOR_LABELS, CADVISOR_METRICS),
    "container_start_time_seconds": Documented("cAdvisor", CADVISOR_LABELS, CADVISOR_METRICS),
    "container_fs_usage_bytes": Documented(
        "cAdvisor", CADVISOR_LABELS | {"device"}, CADVISOR_METRICS
    ),
    "container_network_receive_bytes_total": Documented(
        "cAdvisor", CADVISOR_LABELS | {"interface"}, CADVISOR_METRICS
    ),
    "reqstly_api_requests_total": Documented(
        "Alloy", ALLOY_STREAM_LABELS | {"route", "method", "status"}, ALLOY_STAGE_METRICS
    ),
    "reqstly_api_request_duration_seconds_bucket": Documented(
        "Alloy", ALLOY_STREAM_LABELS | {"route", "le"}, ALLOY_STAGE_METRICS
    ),
    "reqstly_tls_errors_total": Documented("Alloy", ALLOY_STREAM_LABELS, ALLOY_STAGE_METRICS),
}
TARGET_LABELS = frozenset({"job", "instance"})


def _substitute(expr: str) -> str:
    for variable, value in GRAFANA_VARIABLES.items():
        expr = expr.replace(variable, value)
    assert "$" not in expr.replace("$1", ""), f"unknown Grafana variable in {expr}"
    return expr


def _rules() -> list[dict[str, Any]]:
    return [
        rule
        for path in RULES
        for group in yaml.safe_load(path.read_text())["groups"]
        for rule in group["rules"]
    ]


RECORDED = {rule["record"]: rule["expr"] for rule in _rules() if "record" in rule}


def _not_runnable_records() -> set[str]:
    """Recording rules over NOT_RUNNABLE metrics, directly or through other rules."""
    remote: set[str] = set()
    while True:
        more = {
            record
            for record, expr in RECORDED.items()
            if metric_names(expr) & (set(NOT_RUNNABLE) | remote)
        }
        if more <= remote:
            return remote
        remote |= more


REMOTE = set(NOT_RUNNABLE) | _not_runnable_records()
EXPRESSIONS = [(where, _substitute(expr)) for where, expr in dashboard_queries()] + [
    (rule.get("record") or rule["alert"], rule["expr"]) for rule in _rules()
]
LOCAL_RECORDS = sorted(record for record in RECORDED if record not in REMOTE)
LOCAL_QUERIES = [
    (where, _substitute(expr))
    for where, expr in dashboard_queries()
    if not metric_names(_substitute(expr)) & REMOTE
]


@pytest.fixture(scope="module")
def monitoring(stack: LocalStack) -> Iterator[LocalMonitoring]:
    yield from running(stack)


@pytest.fixture(scope="module")
async def baseline(monitoring: LocalMonitoring) -> float:
    """Traffic through the stack; returns a time at which none of it had happened.

    Two rounds with a scrape between them: a series that first appears in
    the first round (a route's first 404, the first rate-limited request)
    has a rate in the second.
    """
    monitoring.api.wait_for_scrapes(1)
    before = time.time()
    await generate_traffic(monitoring.stack, monitoring.replica_url)
    monitoring.api.wait_for_scrapes(1)
    await generate_traffic(monitoring.stack, monitoring.replica_url)
    return before


@pytest.fixture(scope="module")
def prometheus(monitoring: LocalMonitoring, baseline: float) -> PrometheusApi:
    """Prometheus, after it has scraped everything twice since the traffic."""
    monitoring.api.wait_for_scrapes(2)
    return monitoring.api


def test_the_local_config_has_the_production_jobs_and_rules(monitoring: LocalMonitoring) -> None:
    production = production_config()
    production_jobs = {job["job_name"] for job in production["scrape_configs"]}
    local_jobs = {job["job_name"] for job in monitoring.config["scrape_configs"]}
    assert set(LEFT_OUT_JOBS) <= production_jobs
    assert local_jobs == production_jobs - set(LEFT_OUT_JOBS)
    assert monitoring.config["rule_files"] == production["rule_files"]
    copied = sorted((monitoring.folder / "prometheus" / "rules").glob("*.yml"))
    assert [path.read_text() for path in copied] == [path.read_text() for path in RULES]


def test_every_target_is_up(monitoring: LocalMonitoring, prometheus: PrometheusApi) -> None:
    for job, targets in monitoring.targets.items():
        for target in targets:
            up = prometheus.query(f'up{{job="{job}", instance="{target}"}}')
            assert [sample["value"][1] for sample in up] == ["1"], (job, target, monitoring.logs())
    scraped = prometheus.targets()
    assert len(scraped) == sum(len(targets) for targets in monitoring.targets.values())
    assert {target["health"] for target in scraped} == {"up"}, scraped


def test_postgres_exporter_collectors_and_queries_all_succeed(prometheus: PrometheusApi) -> None:
    collectors = prometheus.query("pg_scrape_collector_success")
    assert collectors, "no collector ran"
    assert {s["metric"]["collector"]: s["value"][1] for s in collectors} == {
        s["metric"]["collector"]: "1" for s in collectors
    }
    assert prometheus.total("pg_exporter_user_queries_load_error") == 0
    assert prometheus.total("pg_exporter_last_scrape_error") == 0
    assert prometheus.total("pg_up") == 1


def test_node_exporter_runs_only_the_collectors_it_needs(prometheus: PrometheusApi) -> None:
    ran = prometheus.query("node_scrape_collector_success")
    assert {s["metric"]["collector"] for s in ran} == set(NODE_COLLECTORS)
    assert {s["value"][1] for s in ran} == {"1"}
    assert prometheus.total("node_textfile_scrape_error") == 0


@pytest.mark.parametrize(
    ("expr", "at_least"),
    [
        ('authsvc_sign_ins_total{method="azure", result="success"}', 6),
        ('authsvc_sign_ins_total{method="azure", result="failure"}', 2),
        ("authsvc_sign_outs_total", 2),
        ('authsvc_rate_limited_total{endpoint="login"}', 2),
        ('authsvc_http_request_duration_seconds_count{route="/auth/callback/azure"}', 8),
        ('caddy_http_request_duration_seconds_count{code="201"}', 4),
        ('caddy_http_request_duration_seconds_count{code=~"4.."}', 6),
        ('caddy_http_request_duration_seconds_count{code="302"}', 12),
        ('reqstly_requests_created_total{category="IT"}', 2),
        ('reqstly_request_resolution_seconds_count{category="IT"}', 2),
        ("reqstly_audit_log_entries_total", 6),
    ],
)
def test_the_traffic_moved_the_counters(
    prometheus: PrometheusApi, baseline: float, expr: str, at_least: int
) -> None:
    before, after = prometheus.total(expr, at=baseline), prometheus.total(expr)
    assert after - before >= at_least, f"{expr}: {before} -> {after}"


def test_the_backup_age_comes_from_the_textfile(prometheus: PrometheusApi) -> None:
    # write_backup_textfile recorded a backup that finished an hour before the start.
    age = prometheus.total("reqstly:backup_age_seconds:max")
    assert 3600 <= age < 3600 + 120, age


@pytest.mark.parametrize("record", LOCAL_RECORDS)
def test_recording_rule_returns_data(prometheus: PrometheusApi, record: str) -> None:
    result = prometheus.query(record)
    assert has_finite_value(result), f"{record} = {RECORDED[record]} gave {result}"


@pytest.mark.parametrize(("where", "expr"), LOCAL_QUERIES, ids=[w for w, _ in LOCAL_QUERIES])
def test_dashboard_query_returns_data(prometheus: PrometheusApi, where: str, expr: str) -> None:
    result = prometheus.query(expr)
    assert has_finite_value(result), f"{where}: {expr} gave {result}"


def test_every_metric_name_is_exported_or_documented(prometheus: PrometheusApi) -> None:
    exported = prometheus.metric_names()
    unknown = {
        (where, name)
        for where, expr in EXPRESSIONS
        for name in metric_names(expr)
        if name not in exported and name not in REMOTE
    }
    assert not unknown, sorted(unknown)


def test_every_label_name_is_exported_or_documented(prometheus: PrometheusApi) -> None:
    exported = prometheus.metric_names()

    @cache
    def labels_of(name: str) -> frozenset[str]:
        if name in exported:
            return frozenset(prometheus.label_names(name))
        if name in NOT_RUNNABLE:
            return NOT_RUNNABLE[name].labels | TARGET_LABELS
        if name in RECORDED:
            inputs = metric_names(RECORDED[name])
            return frozenset().union(*(labels_of(source) for source in inputs))
        return frozenset()  # an unknown name: test_every_metric_name_… reports it

    wrong = []
    for where, expr in EXPRESSIONS:
        for name, matched in selectors(expr):
            if labels_of(name) and (missing := matched - labels_of(name)):
                wrong.append(f"{where}: {name} has no label {sorted(missing)}")
        names = metric_names(expr)
        available = frozenset().union(*(labels_of(name) for name in names))
        known = all(labels_of(name) for name in names)
        if names and known and (missing := grouping_labels(expr) - available):
            wrong.append(f"{where}: no metric of {expr!r} has {sorted(missing)}")
    assert not wrong, "\n".join(wrong)


def test_the_table_of_tools_that_cannot_run_here_is_used_and_true() -> None:
    used = {name for _, expr in EXPRESSIONS for name in metric_names(expr)}
    assert set(NOT_RUNNABLE) <= used, set(NOT_RUNNABLE) - used
    # cAdvisor: each name is in its documented list; `service` is made by our relabelling.
    cadvisor = {name for name, doc in NOT_RUNNABLE.items() if doc.tool == "cAdvisor"}
    assert all(name.startswith("container_") for name in cadvisor)
    (job,) = [j for j in production_config()["scrape_configs"] if j["job_name"] == "cadvisor"]
    assert "service" in {rule.get("target_label") for rule in job["metric_relabel_configs"]}
    # Alloy: the names and labels its config really defines.
    alloy = (MONITORING / "alloy" / "config.alloy").read_text()
    defined = {
        prefix + name
        for name, prefix in re.findall(r'name\s+= "([a-z_]+)"\s*\n\s*prefix\s+= "([a-z_]+)"', alloy)
    }
    for name, doc in NOT_RUNNABLE.items():
        if doc.tool == "Alloy":
            assert re.sub(r"_bucket$", "", name) in defined, name
    added = set(
        re.findall(r"(\w+) = \"\"", " ".join(re.findall(r"stage\.labels \{[^}]*\}", alloy)))
    )
    for name, doc in NOT_RUNNABLE.items():
        if doc.tool == "Alloy":
            assert doc.labels - {"le", "service", "stack", "stream"} <= added, name
