"""Loki, Alloy and postgres-exporter configuration (no engine runs here)."""

from __future__ import annotations

import re

import yaml

from tests.monitoring.conftest import MONITORING, ROOT

MIGRATION = ROOT / "db" / "migrations" / "0700_metrics_views.sql"


def test_loki_keeps_30_days_through_the_compactor() -> None:
    loki = yaml.safe_load((MONITORING / "loki" / "loki.yml").read_text())
    assert loki["limits_config"]["retention_period"] == "720h"
    assert loki["limits_config"]["allow_structured_metadata"] is True
    assert loki["compactor"]["retention_enabled"] is True
    assert loki["compactor"]["delete_request_store"] == "filesystem"
    (schema,) = loki["schema_config"]["configs"]
    assert (schema["store"], schema["schema"], schema["object_store"]) == (
        "tsdb",
        "v13",
        "filesystem",
    )


def test_alloy_config_wires_its_components() -> None:
    text = (MONITORING / "alloy" / "config.alloy").read_text()
    code = re.sub(r"//[^\n]*", "", re.sub(r"`[^`]*`|\"(?:[^\"\\]|\\.)*\"", '""', text))
    assert code.count("{") == code.count("}")
    defined = set(re.findall(r"^([a-z_.]+) \"([a-z_]+)\" \{", text, flags=re.MULTILINE))
    referenced = set(
        re.findall(
            r"\b((?:discovery|loki)\.[a-z_.]+?)\.([a-z_]+)\.(?:targets|rules|receiver)\b", code
        )
    )
    assert referenced <= defined, referenced - defined
    assert ("discovery.docker", "containers") in defined
    assert ("loki.write", "loki") in defined


def test_alloy_exports_the_metric_names_the_rules_use() -> None:
    text = (MONITORING / "alloy" / "config.alloy").read_text()
    names = {
        prefix + name
        for name, prefix in re.findall(r'name\s+= "([a-z_]+)"\s*\n\s*prefix\s+= "([a-z_]+)"', text)
    }
    assert names == {
        "reqstly_api_requests_total",
        "reqstly_api_request_duration_seconds",
        "reqstly_tls_errors_total",
    }
    # request_id stays structured metadata, never a label.
    assert re.search(r"stage\.structured_metadata \{\s*values = \{ request_id", text)
    labels = re.findall(r"stage\.labels \{\s*values = \{([^}]*)\}", text)
    assert all("request_id" not in values for values in labels)


def test_exporter_queries_read_only_metrics_views() -> None:
    queries = yaml.safe_load((MONITORING / "postgres-exporter" / "queries.yaml").read_text())
    # 0700 made the schema; later migrations (1280: SLA and ratings) add views to it.
    views = {
        view
        for path in MIGRATION.parent.glob("*.sql")
        if not path.name.endswith(".rollback.sql")
        for view in re.findall(r"create view (metrics\.[a-z_]+)", path.read_text())
    }
    for namespace, spec in queries.items():
        sources = re.findall(r"\b(?:from|join)\s+([a-z_.]+)", spec["query"], flags=re.IGNORECASE)
        assert sources, namespace
        assert set(sources) <= views, f"{namespace} reads {sources}"
        columns = [name for metric in spec["metrics"] for name in metric]
        usages = {metric[name]["usage"] for metric in spec["metrics"] for name in metric}
        assert usages <= {"LABEL", "GAUGE", "COUNTER"}
        assert columns, namespace


def test_metrics_views_run_as_owner_and_are_granted_to_monitoring() -> None:
    sql = MIGRATION.read_text()
    assert sql.startswith("-- depends:")
    assert "security_invoker" not in sql.split("\ncreate schema", 1)[1]
    assert "revoke all on schema metrics from public;" in sql
    assert "grant usage on schema metrics to monitoring;" in sql
    views = set(re.findall(r"create view (metrics\.[a-z_]+)", sql))
    granted = re.search(r"grant select on (.*?) to monitoring;", sql, flags=re.DOTALL)
    assert granted is not None
    assert {name.strip() for name in granted.group(1).split(",")} == views
    rollback = MIGRATION.with_name("0700_metrics_views.rollback.sql").read_text()
    assert "drop schema metrics cascade;" in rollback
