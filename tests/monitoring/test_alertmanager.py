"""Alertmanager: the template, its rendering entrypoint and amtool."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.monitoring.conftest import MONITORING, require_tool

ALERTMANAGER = MONITORING / "alertmanager"
RENDER = ALERTMANAGER / "render-config.sh"


def _render(environment: dict[str, str]) -> str:
    env = {"PATH": os.environ["PATH"], **environment}
    result = subprocess.run(
        ["sh", str(RENDER), "--dry-run"], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "secret"
    path.write_text("https://hooks.example.invalid/SECRET-VALUE")
    return path


def assert_amtool_accepts(amtool: str, folder: Path, config: str) -> None:
    (folder / "am.yml").write_text(config)
    result = subprocess.run(
        [amtool, "check-config", str(folder / "am.yml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _receivers(config: str) -> dict[str, dict[str, object]]:
    return {receiver["name"]: receiver for receiver in yaml.safe_load(config)["receivers"]}


def test_silent_by_default(amtool: str, tmp_path: Path) -> None:
    config = _render({})
    parsed = yaml.safe_load(config)
    assert parsed["route"]["receiver"] == "null"
    assert set(_receivers(config)) == {"null"}
    assert_amtool_accepts(amtool, tmp_path, config)


def test_routes_by_severity() -> None:
    route = yaml.safe_load(_render({}))["route"]
    matchers = {tuple(child["matchers"]) for child in route["routes"]}
    assert matchers == {('severity="critical"',), ('severity="warning"',)}


@pytest.mark.parametrize(
    ("variables", "receiver", "key"),
    [
        ({"ALERT_SLACK_WEBHOOK_URL_FILE": "{secret}"}, "slack", "slack_configs"),
        (
            {
                "ALERT_EMAIL_TO": "ops@example.org",
                "ALERT_SMTP_SMARTHOST": "smtp.example.org:587",
                "ALERT_SMTP_FROM": "alerts@example.org",
                "ALERT_SMTP_USERNAME": "alerts",
                "ALERT_SMTP_PASSWORD_FILE": "{secret}",
            },
            "email",
            "email_configs",
        ),
    ],
)
def test_configured_receivers_pass_amtool(
    amtool: str, tmp_path: Path, secret: Path, variables: dict[str, str], receiver: str, key: str
) -> None:
    config = _render({name: value.format(secret=secret) for name, value in variables.items()})
    assert yaml.safe_load(config)["route"]["receiver"] == receiver
    assert key in _receivers(config)[receiver]
    assert "SECRET-VALUE" not in config, "secrets are read by Alertmanager, never rendered"
    assert_amtool_accepts(amtool, tmp_path, config)


def test_teams_receiver_structure(secret: Path) -> None:
    # msteamsv2_configs needs Alertmanager >= 0.28; Debian's amtool (0.25)
    # cannot check it, so only its shape is checked here.
    config = _render({"ALERT_TEAMS_WEBHOOK_URL_FILE": str(secret)})
    teams = _receivers(config)["teams"]
    assert teams["msteamsv2_configs"] == [
        {
            "webhook_url_file": str(secret),
            "send_resolved": True,
            "title": teams["msteamsv2_configs"][0]["title"],  # type: ignore[index]
            "text": teams["msteamsv2_configs"][0]["text"],  # type: ignore[index]
        }
    ]
    assert "SECRET-VALUE" not in config


def test_email_without_smarthost_is_refused() -> None:
    result = subprocess.run(
        ["sh", str(RENDER), "--dry-run"],
        capture_output=True,
        text=True,
        env={"PATH": os.environ["PATH"], "ALERT_EMAIL_TO": "ops@example.org"},
        check=False,
    )
    assert result.returncode != 0
    assert "ALERT_SMTP_SMARTHOST" in result.stderr


def test_render_script_is_shellcheck_clean() -> None:
    shellcheck = require_tool("shellcheck", "shellcheck")
    result = subprocess.run([shellcheck, str(RENDER)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout
