"""Grafana dashboards, provisioning and grafana.ini."""

from __future__ import annotations

import configparser
import json
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.monitoring.conftest import (
    DASHBOARDS,
    MONITORING,
    RULES,
    dashboard_panels,
    dashboard_queries,
)
from tests.monitoring.promql import metric_names

GRAFANA = MONITORING / "grafana"
# Grafana's own variables, replaced by a plausible value before parsing.
GRAFANA_VARIABLES = {
    "$__rate_interval": "5m",
    "$__interval": "1m",
    "$__range": "6h",
    "${__range}": "6h",
}


def _substitute(expr: str) -> str:
    for variable, value in GRAFANA_VARIABLES.items():
        expr = expr.replace(variable, value)
    assert "$" not in expr.replace("$1", ""), f"unknown Grafana variable in {expr}"
    return expr


def test_there_are_four_dashboards() -> None:
    assert {path.stem for path in DASHBOARDS} == {
        "service-overview",
        "infrastructure",
        "business",
        "authentication",
    }


@pytest.mark.parametrize("path", DASHBOARDS, ids=lambda p: p.stem)
def test_dashboard_panels_have_title_and_unit(path: Path) -> None:
    dashboard = json.loads(path.read_text())
    assert dashboard["uid"]
    assert dashboard["title"]
    panels = dashboard_panels(dashboard)
    assert panels
    for panel in panels:
        assert panel.get("title", "").strip(), f"untitled panel in {path.name}"
        assert panel["fieldConfig"]["defaults"].get("unit"), f"{panel['title']} has no unit"
        assert panel.get("targets"), f"{panel['title']} queries nothing"


def test_dashboards_use_the_provisioned_datasources() -> None:
    provisioned = yaml.safe_load((GRAFANA / "provisioning/datasources/datasources.yml").read_text())
    uids = {source["uid"] for source in provisioned["datasources"]}
    assert uids == {"prometheus", "loki"}
    for path in DASHBOARDS:
        for panel in dashboard_panels(json.loads(path.read_text())):
            assert panel["datasource"]["uid"] in uids


def test_every_dashboard_promql_expression_parses(promtool: str, tmp_path: Path) -> None:
    exprs = dashboard_queries()
    rules = [
        {"record": f"dashboard:expr_{index}:check", "expr": _substitute(expr)}
        for index, (_, expr) in enumerate(exprs)
    ]
    rules_file = tmp_path / "dashboards.yml"
    rules_file.write_text(yaml.safe_dump({"groups": [{"name": "dashboards", "rules": rules}]}))
    result = subprocess.run(
        [promtool, "check", "rules", str(rules_file)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"SUCCESS: {len(exprs)} rules found" in result.stdout


def test_recorded_series_on_dashboards_exist() -> None:
    recorded = {
        rule["record"]
        for path in RULES
        for group in yaml.safe_load(path.read_text())["groups"]
        for rule in group["rules"]
        if "record" in rule
    }
    for where, expr in dashboard_queries():
        names = metric_names(_substitute(expr))
        assert {name for name in names if ":" in name} <= recorded, where


def test_dashboard_provider_reads_the_dashboards_folder() -> None:
    provider = yaml.safe_load((GRAFANA / "provisioning/dashboards/dashboards.yml").read_text())
    (entry,) = provider["providers"]
    assert entry["type"] == "file"
    assert entry["options"]["path"] == "/var/lib/grafana/dashboards"


def test_grafana_ini_is_entra_only() -> None:
    ini = configparser.ConfigParser(interpolation=None)
    ini.read_string((GRAFANA / "grafana.ini").read_text())
    assert ini.getboolean("auth.anonymous", "enabled") is False
    assert ini.getboolean("auth", "disable_login_form") is True
    assert ini.getboolean("users", "allow_sign_up") is False
    azure = ini["auth.azuread"]
    assert azure.getboolean("enabled") is True
    assert azure["client_secret"].startswith("$__file{/run/secrets/")
    assert azure["client_id"].startswith("$__env{")
    assert azure["allowed_groups"]
    assert azure["allowed_organizations"]
    assert azure.getboolean("use_pkce") is True
    # No secret is written into the file itself.
    for section in ini.sections():
        for key, value in ini[section].items():
            if re.search(r"secret|password", key):
                assert value.startswith("$__file{"), f"[{section}] {key}"
