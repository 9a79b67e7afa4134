"""Shared paths and tool lookups for the monitoring tests."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
MONITORING = ROOT / "monitoring"
PROMETHEUS = MONITORING / "prometheus"
RULES = sorted((PROMETHEUS / "rules").glob("*.yml"))
RULE_TESTS = sorted((PROMETHEUS / "tests").glob("*_test.yml"))
DASHBOARDS = sorted((MONITORING / "grafana" / "dashboards").glob("*.json"))


def dashboard_panels(dashboard: dict[str, Any]) -> list[dict[str, Any]]:
    """Every panel of a dashboard, those inside rows included; rows themselves left out."""
    found = []
    for panel in dashboard["panels"]:
        found.append(panel)
        found += panel.get("panels", [])
    return [panel for panel in found if panel.get("type") != "row"]


def dashboard_queries() -> list[tuple[str, str]]:
    """("<dashboard>: <panel title>", PromQL) for every Prometheus query of every dashboard."""
    exprs = []
    for path in DASHBOARDS:
        for panel in dashboard_panels(json.loads(path.read_text())):
            for target in panel.get("targets", []):
                if target.get("datasource", panel["datasource"])["type"] == "prometheus":
                    exprs.append((f"{path.stem}: {panel['title']}", target["expr"]))
    return exprs


def require_tool(name: str, package: str) -> str:
    """The path of `name`, or a test failure naming the Debian package (never a skip)."""
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is missing: install Debian's {package} (make test does)")
    return path


@pytest.fixture(scope="session")
def promtool() -> str:
    return require_tool("promtool", "prometheus")


@pytest.fixture(scope="session")
def amtool() -> str:
    return require_tool("amtool", "prometheus-alertmanager")
