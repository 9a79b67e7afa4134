"""Prometheus config, alert and recording rules, and their promtool tests."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.monitoring.conftest import PROMETHEUS, ROOT, RULE_TESTS, RULES
from tests.monitoring.promql import metric_names

RUNBOOK = "https://github.com/reqstly/reqstly/blob/main/docs/RUNBOOK.md#"


def _rules(kind: str) -> list[tuple[str, dict[str, Any]]]:
    found = []
    for path in RULES:
        for group in yaml.safe_load(path.read_text())["groups"]:
            found += [(path.name, rule) for rule in group["rules"] if kind in rule]
    return found


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, cwd=cwd, check=False)


def test_check_config(promtool: str, tmp_path: Path) -> None:
    shutil.copy(PROMETHEUS / "prometheus.yml", tmp_path / "prometheus.yml")
    shutil.copytree(PROMETHEUS / "rules", tmp_path / "rules")
    result = _run(promtool, "check", "config", str(tmp_path / "prometheus.yml"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"SUCCESS: {len(RULES)} rule files found" in result.stdout + result.stderr


def test_scrape_jobs_cover_the_stack() -> None:
    config = yaml.safe_load((PROMETHEUS / "prometheus.yml").read_text())
    targets = {
        job["job_name"]: name
        for job in config["scrape_configs"]
        for sd in job.get("dns_sd_configs", [])
        for name in [f"{sd['names'][0]}:{sd['port']}"]
    }
    assert targets["caddy"] == "tasks.caddy:2020"
    assert targets["authsvc"] == "tasks.authsvc:9100"
    assert targets["notifier"] == "tasks.notifier:9101"
    assert targets["postgres"] == "tasks.postgres-exporter:9187"
    assert targets["node"] == "tasks.node-exporter:9100"
    assert targets["cadvisor"] == "tasks.cadvisor:8080"
    assert targets["alertmanager"] == "tasks.alertmanager:9093"
    assert "prometheus" in {job["job_name"] for job in config["scrape_configs"]}
    assert config["rule_files"] == ["rules/*.yml"]


@pytest.mark.parametrize("path", RULES, ids=lambda p: p.name)
def test_check_rules(promtool: str, path: Path) -> None:
    result = _run(promtool, "check", "rules", str(path))
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("path", RULE_TESTS, ids=lambda p: p.name)
def test_rule_unit_tests(promtool: str, path: Path) -> None:
    result = _run(promtool, "test", "rules", path.name, cwd=path.parent)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_rules_file_has_a_test_file() -> None:
    rules = {path.stem for path in RULES}
    tests = {path.name.removesuffix("_test.yml") for path in RULE_TESTS}
    assert rules == tests


@pytest.mark.parametrize("path", RULE_TESTS, ids=lambda p: p.name)
def test_each_test_file_exercises_every_alert_of_its_rules(path: Path) -> None:
    spec = yaml.safe_load(path.read_text())
    own_rules = PROMETHEUS / "rules" / path.name.replace("_test.yml", ".yml")
    alerts = {
        rule["alert"]
        for group in yaml.safe_load(own_rules.read_text())["groups"]
        for rule in group["rules"]
        if "alert" in rule
    }
    tested = {
        case["alertname"] for test in spec["tests"] for case in test.get("alert_rule_test", [])
    }
    fired = {
        case["alertname"]
        for test in spec["tests"]
        for case in test.get("alert_rule_test", [])
        if case["exp_alerts"]
    }
    assert alerts <= tested, f"untested alerts: {alerts - tested}"
    assert alerts <= fired, f"alerts never seen firing: {alerts - fired}"


@pytest.mark.parametrize("rule", [r for _, r in _rules("alert")], ids=lambda r: r["alert"])
def test_alert_has_name_severity_and_annotations(rule: dict[str, Any]) -> None:
    name = rule["alert"]
    assert re.fullmatch(r"[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)*", name), "alert names are CamelCase"
    assert rule["labels"]["severity"] in {"critical", "warning"}
    annotations = rule["annotations"]
    assert annotations["summary"].strip()
    assert annotations["description"].strip()
    assert annotations["runbook_url"] == RUNBOOK + name.lower()
    assert "for" in rule, "every alert waits before it fires"


@pytest.mark.parametrize("rule", [r for _, r in _rules("alert")], ids=lambda r: r["alert"])
def test_alert_thresholds_live_in_thresholds_yml(rule: dict[str, Any]) -> None:
    # Comparisons against literal numbers would scatter thresholds; only the
    # yes/no of up and pg_up (== 0) is allowed inline.
    literals = re.findall(r"[<>]=?\s*-?[0-9.]+|==\s*(?!0\b)[0-9.]+", rule["expr"])
    assert not literals, f"{rule['alert']} compares with {literals}: use threshold:* rules"


def test_recording_rules_are_named_level_metric_operation() -> None:
    for _, rule in _rules("record"):
        assert re.fullmatch(r"[a-z_]+:[a-z0-9_]+:[a-z0-9_]+", rule["record"]), rule["record"]


def test_every_threshold_is_used_and_every_used_threshold_exists() -> None:
    defined = {rule["record"] for file, rule in _rules("record") if file == "thresholds.yml"}
    used = {name for _, rule in _rules("alert") for name in metric_names(rule["expr"])}
    assert {name for name in used if name.startswith("threshold:")} == defined


def test_every_recorded_series_used_by_an_alert_is_recorded() -> None:
    recorded = {rule["record"] for _, rule in _rules("record")}
    used = {name for _, rule in _rules("alert") for name in metric_names(rule["expr"])}
    assert {name for name in used if ":" in name} <= recorded


def test_runbook_has_a_section_per_alert() -> None:
    runbook = (ROOT / "docs" / "RUNBOOK.md").read_text()
    headings = set(re.findall(r"^#{2,4} (\S+)\s*$", runbook, flags=re.MULTILINE))
    missing = {rule["alert"] for _, rule in _rules("alert")} - headings
    assert not missing, f"docs/RUNBOOK.md has no section for {sorted(missing)}"
