"""Caddy as the local front door, from caddy/Caddyfile.local."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from devstack import processes
from devstack.paths import CADDY_BIN, CADDY_DIR, ROOT

# Go runtime settings Caddy runs with, here and in stack/docker-stack.yml
# (tests/stack checks): one processor, what Caddy's automaxprocs derives from
# production's 0.5-CPU limit; locally 10–25 % less CPU per call (ADR 0023).
GO_RUNTIME = {"GOMAXPROCS": "1"}


def caddy_env(
    *,
    http_port: int,
    admin_port: int,
    postgrest_upstreams: Sequence[str],
    postgrest_admin_port: int,
    authsvc_upstreams: Sequence[str],
    run_dir: Path,
    web_root: Path | None = None,
) -> dict[str, str]:
    """The environment caddy/Caddyfile.local reads."""
    return {
        "REQSTLY_HTTP_PORT": str(http_port),
        "REQSTLY_CADDY_ADMIN_PORT": str(admin_port),
        "REQSTLY_ORIGIN": f"http://localhost:{http_port}",
        "REQSTLY_POSTGREST_UPSTREAMS": " ".join(postgrest_upstreams),
        "REQSTLY_POSTGREST_ADMIN_PORT": str(postgrest_admin_port),
        "REQSTLY_AUTHSVC_UPSTREAMS": " ".join(authsvc_upstreams),
        "REQSTLY_WEB_ROOT": str(web_root or ROOT / "web" / "dist"),
        "REQSTLY_CADDY_ACCESS_LOG": str(run_dir / "caddy-access.log"),
        "XDG_DATA_HOME": str(run_dir / "caddy-data"),
        "XDG_CONFIG_HOME": str(run_dir / "caddy-config"),
        **GO_RUNTIME,
    }


def start_caddy(env: dict[str, str], run_dir: Path) -> processes.Service:
    """Start Caddy and wait until it answers on the front-door port."""
    if not CADDY_BIN.exists():
        raise RuntimeError(f"{CADDY_BIN} is missing: run make setup")
    service = processes.start(
        "caddy",
        [
            str(CADDY_BIN),
            "run",
            "--adapter",
            "caddyfile",
            "--config",
            str(CADDY_DIR / "Caddyfile.local"),
        ],
        run_dir / "caddy.log",
        env=env,
        cwd=CADDY_DIR,
    )
    processes.wait_until(service, processes.port_open(int(env["REQSTLY_HTTP_PORT"])), timeout=30)
    return service
