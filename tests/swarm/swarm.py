"""One deployment of the production stack on the test's own Swarm.

`Swarm.prepare` does what scripts/setup-vps.sh does on a VPS (the overlay
networks, the Docker secrets, the settings file) and the drills then use
the real scripts: deploy.sh, rollback.sh, backup.sh, restore.sh.
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import time
import uuid
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import yaml

from authsvc.keys import generate_signing_key, public_jwks
from devstack.mailbox import make_certificate, read_maildir
from devstack.oidc import register_user
from devstack.paths import ROOT
from devstack.processes import free_port
from tests.authsvc.browser import parse_set_cookie
from tests.swarm.engine import Engine
from tests.swarm.images import REGISTRY, LocalImages

HERE = Path(__file__).resolve().parent
OVERRIDE = HERE / "docker-stack.test.yml"
STACK = "reqstly"
ORIGIN = "https://localhost"  # REQSTLY_DOMAIN=localhost: what the app believes it is


def scaled_to_zero() -> list[str]:
    """The services the override turns off (listed in the output and README)."""
    services = yaml.safe_load(OVERRIDE.read_text())["services"]
    return sorted(
        name for name, s in services.items() if s.get("deploy", {}).get("replicas", 1) == 0
    )


@dataclass
class Swarm:
    engine: Engine
    images: LocalImages
    https_port: int = field(default_factory=free_port)
    http_port: int = field(default_factory=free_port)
    oidc_port: int = field(default_factory=free_port)
    tenant_id: str = field(default_factory=lambda: str(uuid.uuid4()))

    @property
    def root(self) -> Path:
        return self.engine.root

    @property
    def env_file(self) -> Path:
        return self.root / "reqstly.env"

    @property
    def backup_dir(self) -> Path:
        return self.root / "backups"

    @property
    def state_dir(self) -> Path:
        return self.root / "state"

    @property
    def mail_dir(self) -> Path:
        return self.root / "mail"

    @property
    def textfile_dir(self) -> Path:
        """node-exporter's textfile folder (backup.sh writes its metrics there)."""
        return self.root / "textfile"

    def mail(self) -> list[EmailMessage]:
        """Every message the notifier handed to the drill's mailbox so far."""
        return read_maildir(self.mail_dir / "maildir")

    # ── what setup-vps.sh does ─────────────────────────────────────────────
    def prepare(self) -> None:
        docker = self.engine.docker
        docker("network", "create", "--driver", "overlay", "reqstly_public")
        docker("network", "create", "--driver", "overlay", "--internal", "--attachable",
               "reqstly_internal")  # fmt: skip
        docker("network", "create", "--driver", "overlay", "reqstly_monitoring")
        key = generate_signing_key()
        smtp_password = secrets.token_hex(16)
        # The mailbox's certificate (for the name the notifier dials) and its
        # Maildir, bind-mounted into the mailbox and, the certificate, into
        # the notifier as the CA it trusts.
        make_certificate(self.mail_dir, names=("smtp",))
        self.textfile_dir.mkdir()
        values = {
            "reqstly_postgres_password": secrets.token_hex(32),
            "reqstly_authenticator_password": secrets.token_hex(32),
            "reqstly_monitoring_password": secrets.token_hex(32),
            "reqstly_authsvc_database_url": (
                f"postgresql://authsvc:{secrets.token_hex(32)}@postgres:5432/reqstly"
                "?application_name=authsvc"
            ),
            "reqstly_notifier_database_url": (
                f"postgresql://notifier:{secrets.token_hex(32)}@postgres:5432/reqstly"
                "?application_name=notifier"
            ),
            # The relay is the drill's own mailbox service (the override).
            "reqstly_smtp_username": "reqstly",
            "reqstly_smtp_password": smtp_password,
            "reqstly_signing_key": key.as_pem(private=True).decode(),
            "reqstly_jwks": json.dumps(public_jwks([key])),
            "reqstly_azure_client_secret": secrets.token_hex(16),
            "reqstly_grafana_admin_password": secrets.token_hex(16),
            "reqstly_grafana_azure_client_secret": secrets.token_hex(16),
        }
        for name, value in values.items():
            docker("secret", "create", f"{name}_v1", "-", input=value)
        settings = {
            "REGISTRY": REGISTRY,
            "REQSTLY_DOMAIN": "localhost",
            "REQSTLY_ACME_EMAIL": "ops@example.com",
            "REQSTLY_MAIL_FROM": "reqstly@example.com",
            "REQSTLY_SMTP_HOST": "smtp",
            "REQSTLY_TEST_MAILBOX_IMAGE": self.images.base("mailbox"),
            "REQSTLY_TEST_MAIL_DIR": str(self.mail_dir),
            "REQSTLY_TEST_SMTP_PASSWORD": smtp_password,
            "REQSTLY_TEST_SCRIPTS_DIR": str(ROOT / "scripts"),
            "REQSTLY_TEST_POSTGRES_EXPORTER_IMAGE": self.images.base("postgres-exporter"),
            "REQSTLY_TEST_NODE_EXPORTER_IMAGE": self.images.base("node-exporter"),
            "REQSTLY_TEST_TEXTFILE_DIR": str(self.textfile_dir),
            "REQSTLY_GRAFANA_HOST": "grafana.localhost",
            "REQSTLY_AZURE_TENANT_ID": self.tenant_id,
            "REQSTLY_AZURE_CLIENT_ID": "reqstly-swarm-test",
            "REQSTLY_GRAFANA_AZURE_CLIENT_ID": "reqstly-swarm-test-grafana",
            "REQSTLY_HTTP_PORT": str(self.http_port),
            "REQSTLY_HTTPS_PORT": str(self.https_port),
            "REQSTLY_TEST_OIDC_PORT": str(self.oidc_port),
            "REQSTLY_TEST_POSTGRES_IMAGE": self.images.base("postgres"),
            "REQSTLY_TEST_OIDC_IMAGE": self.images.base("oidc"),
            "REQSTLY_BACKUP_DIR": str(self.backup_dir),
        }
        # Owned by the server's user (uid 999 in the postgres image), as
        # setup-vps.sh makes it on the backup disk.
        self.backup_dir.mkdir(mode=0o700)
        os.chown(self.backup_dir, 999, 999)
        self.env_file.write_text("".join(f"{k}={v}\n" for k, v in settings.items()))

    # ── the operator's scripts ─────────────────────────────────────────────
    def script(
        self, name: str, *args: str, timeout: float = 900, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        """Run scripts/<name> against this engine; its output is kept for the report."""
        result = subprocess.run(
            [str(ROOT / "scripts" / name), *args],
            env={**self.engine.env, **(env or {})},
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        log = self.root / "scripts.log"
        with log.open("a") as out:
            out.write(f"$ {name} {' '.join(args)}\n{result.stdout}{result.stderr}\n")
        return result

    def deploy(self, tag: str, *extra: str) -> tuple[subprocess.CompletedProcess[str], float]:
        started = time.monotonic()
        result = self.script(
            "deploy.sh", "--tag", tag, "--source", str(ROOT), "--env-file", str(self.env_file),
            "--state-dir", str(self.state_dir), "--compose-file", str(OVERRIDE),
            "--backup-dir", str(self.backup_dir), "--backup-arg", "--allow-same-disk",
            "--timeout", "420", *extra,
        )  # fmt: skip
        return result, time.monotonic() - started

    def rollback(self, *extra: str) -> subprocess.CompletedProcess[str]:
        return self.script(
            "rollback.sh", "--source", str(ROOT), "--env-file", str(self.env_file),
            "--state-dir", str(self.state_dir), "--compose-file", str(OVERRIDE),
            "--timeout", "420", *extra,
        )  # fmt: skip

    # ── looking at the stack ───────────────────────────────────────────────
    def service(self, name: str) -> dict[str, object]:
        return self.engine.inspect("service", f"{STACK}_{name}")

    def image_tag(self, name: str) -> str:
        spec = self.service(name)["Spec"]
        assert isinstance(spec, dict)
        image: str = spec["TaskTemplate"]["ContainerSpec"]["Image"]
        return image.split("@")[0].rsplit(":", 1)[1]

    def containers(self, name: str, *, healthy: bool = False) -> list[str]:
        args = ["ps", "-q", "--filter", f"label=com.docker.swarm.service.name={STACK}_{name}"]
        if healthy:
            args += ["--filter", "health=healthy"]
        return self.engine.docker(*args).stdout.split()

    def psql(self, sql: str) -> str:
        return self.psql_in("reqstly", sql)

    def psql_in(self, database: str, sql: str) -> str:
        (container,) = self.containers("postgres")[:1]
        return self.engine.docker(
            "exec", "-u", "postgres", container, "psql", "-d", database, "-AtX", "-c", sql
        ).stdout.strip()

    def wait_healthy(self, name: str, replicas: int, timeout: float = 180) -> float:
        return self.engine.wait(
            f"{name}: {replicas} healthy tasks",
            lambda: len(self.containers(name, healthy=True)) >= replicas,
            timeout=timeout,
            interval=1,
        )

    # ── a person, through Caddy's host port ────────────────────────────────
    def client(self) -> httpx.Client:
        return httpx.Client(
            base_url=f"https://localhost:{self.https_port}",
            verify=False,  # noqa: S501 (Caddy's internal CA for "localhost")
            timeout=20,
            follow_redirects=False,
        )

    def sign_in(self, sub: str) -> dict[str, str]:
        """The Azure sign-in against the OIDC stand-in; returns the headers a
        browser would send afterwards (its cookies, our Origin)."""
        register_user(
            f"http://127.0.0.1:{self.oidc_port}",
            sub,
            {
                "tid": self.tenant_id,
                "oid": str(uuid.uuid4()),
                "name": f"Swarm Tester {sub}",
                "email": f"{sub}@example.com",
                "preferred_username": f"{sub}@example.com",
                "ver": "2.0",
            },
        )
        cookies: dict[str, str] = {}

        def keep(response: httpx.Response) -> None:
            for header in response.headers.get_list("set-cookie"):
                parsed = parse_set_cookie(header)
                cookies[parsed.name] = parsed.value

        def cookie_header() -> dict[str, str]:
            return {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())}

        with self.client() as http:
            start = http.get("/auth/login/azure", params={"next": "/"})
            assert start.status_code == 302, start.text
            keep(start)
            # The authorization URL names the stand-in as authsvc sees it
            # (http://oidc:8080); a browser here reaches it on its host port.
            authorize = urlsplit(start.headers["location"])
            approved = httpx.post(
                f"http://127.0.0.1:{self.oidc_port}{authorize.path}?{authorize.query}",
                data={"sub": sub},
                timeout=20,
            )
            assert approved.status_code == 302, approved.text
            callback = urlsplit(approved.headers["location"])
            assert f"{callback.scheme}://{callback.netloc}" == ORIGIN, callback
            assert parse_qs(callback.query).get("code"), callback
            done = http.get(f"{callback.path}?{callback.query}", headers=cookie_header())
            assert done.status_code == 302, done.text
            keep(done)
        return {**cookie_header(), "Origin": ORIGIN}


def shell_env(engine: Engine) -> dict[str, str]:
    """The environment for the RUNBOOK's commands against this engine."""
    return {**engine.env, "PATH": os.environ["PATH"]}
