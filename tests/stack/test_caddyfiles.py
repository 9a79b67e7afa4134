"""Both Caddyfiles parse and validate with the real Caddy, with the settings the stack gives them."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from devstack.paths import CADDY_BIN, CADDY_DIR

PRODUCTION_ENV = {
    "REQSTLY_ACME_EMAIL": "ops@example.com",
    "REQSTLY_DOMAIN": "reqstly.example.com",
    "REQSTLY_GRAFANA_HOST": "grafana.example.com",
    "REQSTLY_ORIGIN": "https://reqstly.example.com",
    "REQSTLY_POSTGREST_UPSTREAMS": "tasks.postgrest:3000",
    "REQSTLY_POSTGREST_ADMIN_PORT": "3001",
    "REQSTLY_AUTHSVC_UPSTREAMS": "tasks.authsvc:8000",
    "REQSTLY_WEB_ROOT": "/srv/web",
}
LOCAL_ENV = {
    "REQSTLY_HTTP_PORT": "8080",
    "REQSTLY_CADDY_ADMIN_PORT": "2999",
    "REQSTLY_ORIGIN": "http://localhost:8080",
    "REQSTLY_POSTGREST_UPSTREAMS": "127.0.0.1:3000 127.0.0.2:3000",
    "REQSTLY_POSTGREST_ADMIN_PORT": "3001",
    "REQSTLY_AUTHSVC_UPSTREAMS": "127.0.0.1:8000",
    "REQSTLY_WEB_ROOT": "web/dist",
    "REQSTLY_CADDY_ACCESS_LOG": "/dev/null",
}


@pytest.mark.parametrize(
    ("name", "env"), [("Caddyfile", PRODUCTION_ENV), ("Caddyfile.local", LOCAL_ENV)]
)
def test_caddyfile_validates(name: str, env: dict[str, str], tmp_path: Path) -> None:
    result = subprocess.run(
        [str(CADDY_BIN), "validate", "--adapter", "caddyfile", "--config", str(CADDY_DIR / name)],
        capture_output=True,
        text=True,
        cwd=CADDY_DIR,
        env={**os.environ, **env, "XDG_DATA_HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)},
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Valid configuration" in result.stdout + result.stderr


def test_production_sends_hsts_and_keeps_the_admin_api_private() -> None:
    text = (CADDY_DIR / "Caddyfile").read_text()
    assert "Strict-Transport-Security" in text
    assert "admin 127.0.0.1:2019" in text


@pytest.mark.parametrize("name", ["Caddyfile", "Caddyfile.local"])
def test_every_access_log_redacts_sign_in_codes(name: str) -> None:
    """Each site's `log` block uses the filter that replaces `code` and `state` (docs/SECURITY.md)."""
    text = (CADDY_DIR / name).read_text()
    log_blocks = text.split("\tlog {")[1:]
    assert log_blocks, f"{name} has no access log"
    for block in log_blocks:
        assert block.split("\n\t}")[0].count("import access_log_format") == 1
    shared = (CADDY_DIR / "reqstly.caddy").read_text()
    assert "replace code REDACTED" in shared and "replace state REDACTED" in shared


def _adapted(name: str, env: dict[str, str], tmp_path: Path) -> dict[str, Any]:
    result = subprocess.run(
        [str(CADDY_BIN), "adapt", "--adapter", "caddyfile", "--config", str(CADDY_DIR / name)],
        capture_output=True,
        text=True,
        cwd=CADDY_DIR,
        env={**os.environ, **env, "XDG_DATA_HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)},
        check=True,
    )
    adapted: dict[str, Any] = json.loads(result.stdout)
    return adapted


def _proxies(config: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    if isinstance(config, dict):
        if config.get("handler") == "reverse_proxy":
            found.append(config)
        for value in config.values():
            found += _proxies(value)
    elif isinstance(config, list):
        for value in config:
            found += _proxies(value)
    return found


@pytest.mark.parametrize(
    ("name", "env"), [("Caddyfile", PRODUCTION_ENV), ("Caddyfile.local", LOCAL_ENV)]
)
def test_app_proxies_retry_a_bounded_number_of_times_and_only_reads(
    name: str, env: dict[str, str], tmp_path: Path
) -> None:
    """A failed connection is retried whatever the method (it never reached
    the app); a request that reached a replica is retried only when it is a
    read. A count, never a duration that replays a GET for seconds."""
    app_proxies = [
        p for p in _proxies(_adapted(name, env, tmp_path))
        if "grafana" not in json.dumps(p.get("upstreams", []))
    ]  # fmt: skip
    assert len(app_proxies) == 2, "PostgREST and authsvc"
    for proxy in app_proxies:
        balancing = proxy["load_balancing"]
        assert balancing["retries"] == 2  # reqstly.caddy (bounded_retries), docs/RUNBOOK.md
        assert "try_duration" not in balancing
        assert balancing["retry_match"] == [{"method": ["GET", "HEAD"]}]
        assert proxy["health_checks"]["passive"]["fail_duration"] > 0


def test_production_finds_every_replica_through_swarm_dns(tmp_path: Path) -> None:
    proxies = _proxies(_adapted("Caddyfile", PRODUCTION_ENV, tmp_path))
    names = {p["dynamic_upstreams"]["name"] for p in proxies if "dynamic_upstreams" in p}
    assert names == {"tasks.postgrest", "tasks.authsvc"}
