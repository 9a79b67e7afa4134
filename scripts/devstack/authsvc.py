"""authsvc as a child process (`python -m authsvc`), configured for local runs.

Local mode: the OIDC stand-in's issuer is accepted and the app runs on
plain http://localhost. authsvc connects over the Unix socket as the
`authsvc` role (trust auth), like PostgREST connects as authenticator.
"""

from __future__ import annotations

import secrets
import sys
from dataclasses import dataclass, field
from pathlib import Path

from devstack import processes
from devstack.oidc import OidcStandIn, demo_tenant_id, start_oidc
from devstack.paths import ROOT

LOCAL_CLIENT_ID = "reqstly-local"


def authsvc_env(
    *,
    database_url: str,
    signing_key_file: Path,
    public_origin: str,
    oidc: OidcStandIn,
    client_secret: str,
    port: int,
    metrics_port: int,
    audience: str = "reqstly",
) -> dict[str, str]:
    """The environment of one local authsvc (names as in production)."""
    return {
        "REQSTLY_DATABASE_URL": database_url,
        "REQSTLY_SIGNING_KEY_FILE": str(signing_key_file),
        "REQSTLY_PUBLIC_ORIGIN": public_origin,
        "REQSTLY_JWT_AUDIENCE": audience,
        "REQSTLY_AZURE_AUTHORITY": oidc.url,
        "REQSTLY_AZURE_TENANT_ID": demo_tenant_id(oidc.people),
        "REQSTLY_AZURE_CLIENT_ID": LOCAL_CLIENT_ID,
        "REQSTLY_AZURE_CLIENT_SECRET": client_secret,
        "REQSTLY_HOST": "127.0.0.1",
        "REQSTLY_PORT": str(port),
        "REQSTLY_METRICS_HOST": "127.0.0.1",
        "REQSTLY_METRICS_PORT": str(metrics_port),
        "REQSTLY_LOCAL_MODE": "true",
        "REQSTLY_WEBAUTHN_RP_ID": "localhost",
        "REQSTLY_DEMO_PEOPLE": ",".join(person.sub for person in oidc.people),
        # Every local request comes from 127.0.0.1: generous limits, so a test
        # run's many sign-ins are not throttled (tests of the limits use their own).
        "REQSTLY_RATE_LIMIT_PER_ADDRESS": "1000",
        "REQSTLY_RATE_LIMIT_PER_ACCOUNT": "200",
        "PYTHONPATH": str(ROOT),
        "PYTHONUNBUFFERED": "1",
    }


def start_authsvc(name: str, env: dict[str, str], run_dir: Path) -> processes.Service:
    """Start one authsvc and wait until /auth/healthz answers."""
    service = processes.start(
        name, [sys.executable, "-m", "authsvc"], run_dir / f"{name}.log", env=env, cwd=ROOT
    )
    url = f"http://127.0.0.1:{env['REQSTLY_PORT']}/auth/healthz"
    processes.wait_until(service, processes.http_ok(url), timeout=30)
    return service


@dataclass
class SignInServices:
    """The stand-in and the authsvc replicas of a local stack."""

    oidc: OidcStandIn
    client_secret: str
    env: dict[str, str]
    upstreams: list[str] = field(default_factory=list)
    services: list[processes.Service] = field(default_factory=list)

    def env_for(self, port: int, metrics_port: int) -> dict[str, str]:
        """The same configuration on other ports (another replica)."""
        return {**self.env, "REQSTLY_PORT": str(port), "REQSTLY_METRICS_PORT": str(metrics_port)}


def start_sign_in(
    *,
    run_dir: Path,
    database_url: str,
    signing_key_file: Path,
    public_origin: str,
    services: list[processes.Service],
    instances: int = 1,
) -> SignInServices:
    """Start the OIDC stand-in and `instances` authsvc replicas.

    Each started process is appended to `services` at once, so the caller
    stops it even if a later one fails to start.
    """
    oidc = start_oidc(run_dir)
    services.append(oidc.service)
    client_secret = secrets.token_urlsafe(24)
    env = authsvc_env(
        database_url=database_url,
        signing_key_file=signing_key_file,
        public_origin=public_origin,
        oidc=oidc,
        client_secret=client_secret,
        port=0,
        metrics_port=0,
    )
    sign_in = SignInServices(oidc, client_secret, env)
    for index in range(instances):
        port = processes.free_port()
        service = start_authsvc(
            f"authsvc-{index + 1}", sign_in.env_for(port, processes.free_port()), run_dir
        )
        services.append(service)
        sign_in.services.append(service)
        sign_in.upstreams.append(f"127.0.0.1:{port}")
    return sign_in
