"""Both Caddyfiles parse and validate with the real Caddy, with the settings the stack gives them."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

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
