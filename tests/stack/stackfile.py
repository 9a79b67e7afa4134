"""Helpers shared by the stack tests: the settings a deploy sets, the stack
file as Swarm sees it (rendered by `docker stack config`), our Dockerfiles."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
STACK_FILE = ROOT / "stack" / "docker-stack.yml"
STACK_DIR = ROOT / "stack"

# What deploy.sh exports before `docker stack config` (values are examples).
STACK_ENV: dict[str, str] = {
    "REGISTRY": "ghcr.io/example",
    "TAG": "0123456789abcdef0123456789abcdef01234567",
    "MIGRATE_TAG": "0123456789abcdef0123456789abcdef01234567",
    "CADDY_TAG": "caddy-0123456789ab",
    "REQSTLY_CONFIG_VERSION": "0123456789ab",
    "REQSTLY_DOMAIN": "reqstly.example.com",
    "REQSTLY_ACME_EMAIL": "ops@example.com",
    "REQSTLY_GRAFANA_HOST": "grafana.reqstly.example.com",
    "REQSTLY_AZURE_TENANT_ID": "00000000-0000-0000-0000-000000000001",
    "REQSTLY_AZURE_CLIENT_ID": "00000000-0000-0000-0000-000000000002",
    "REQSTLY_GRAFANA_AZURE_CLIENT_ID": "00000000-0000-0000-0000-000000000003",
    "REQSTLY_MAIL_FROM": "reqstly@example.com",
    "REQSTLY_SMTP_HOST": "smtp.example.com",
}


def docker() -> str:
    path = shutil.which("docker")
    assert path, "the docker client is needed to render the stack file (no engine needed)"
    return path


def render(env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`docker stack config` with the given settings (and nothing else of ours)."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("REQSTLY_", "PGRST_"))}
    clean.update(STACK_ENV if env is None else env)
    return subprocess.run(
        [docker(), "stack", "config", "-c", str(STACK_FILE)],
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@cache
def rendered() -> dict[str, Any]:
    result = render()
    assert result.returncode == 0, result.stderr
    data = yaml.safe_load(result.stdout)
    assert isinstance(data, dict)
    return data


@cache
def raw() -> dict[str, Any]:
    """The stack file as written (variables not substituted)."""
    data = yaml.safe_load(STACK_FILE.read_text())
    assert isinstance(data, dict)
    return data


def services() -> dict[str, dict[str, Any]]:
    result: dict[str, dict[str, Any]] = rendered()["services"]
    return result


def raw_services() -> dict[str, dict[str, Any]]:
    result: dict[str, dict[str, Any]] = raw()["services"]
    return result


def memory_bytes(text: str | int) -> int:
    """'96M' / '1024M' / '1G' / a byte count (as docker stack config prints it)."""
    if isinstance(text, int) or str(text).isdigit():
        return int(text)
    match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([kKmMgG])[bB]?", str(text))
    assert match, f"unreadable memory size {text!r}"
    factor = {"k": 1024, "m": 1024**2, "g": 1024**3}[match.group(2).lower()]
    return int(float(match.group(1)) * factor)


# ── Dockerfiles ────────────────────────────────────────────────────────────


def own_image_name(image: str) -> str | None:
    """'${REGISTRY}/reqstly-authsvc:${TAG}' → 'authsvc'; None for third-party images."""
    match = re.fullmatch(r"\$\{REGISTRY[^}]*\}/reqstly-([a-z0-9-]+):\$\{[A-Z_]+[^}]*\}", image)
    return match.group(1) if match else None


def dockerfile(name: str) -> Path:
    return STACK_DIR / f"{name}.Dockerfile"


def _substitute(text: str, args: dict[str, str]) -> str:
    return re.sub(r"\$\{(\w+)\}", lambda m: args.get(m.group(1), m.group(0)), text)


def final_stage(path: Path) -> tuple[str, list[str]]:
    """The base image of the last stage (ARG defaults substituted) and its lines."""
    lines = [line.strip() for line in path.read_text().splitlines()]
    args: dict[str, str] = {}
    base = ""
    stage: list[str] = []
    for line in lines:
        if match := re.fullmatch(r"ARG\s+(\w+)=(\S+)", line):
            args.setdefault(match.group(1), match.group(2))
        if match := re.match(r"FROM\s+(?:--platform=\S+\s+)?(\S+)", line):
            base = _substitute(match.group(1), args)
            stage = []
        stage.append(line)
    return base, stage


def from_images(path: Path) -> list[str]:
    """Every external image a Dockerfile builds FROM (ARG defaults substituted)."""
    args: dict[str, str] = {}
    stages: set[str] = set()
    images: list[str] = []
    for line in path.read_text().splitlines():
        line = line.strip()
        if match := re.fullmatch(r"ARG\s+(\w+)=(\S+)", line):
            args.setdefault(match.group(1), match.group(2))
        if match := re.match(r"FROM\s+(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?", line, re.I):
            image = _substitute(match.group(1), args)
            if image not in stages and "${" not in image:
                images.append(image)
            if match.group(2):
                stages.add(match.group(2))
    return images
