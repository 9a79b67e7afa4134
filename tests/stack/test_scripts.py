"""The operational shell scripts: shellcheck, --help, and dry runs that change nothing."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.stack.stackfile import ROOT, STACK_ENV

SCRIPTS = sorted((ROOT / "scripts").glob("*.sh")) + sorted((ROOT / "stack").rglob("*.sh"))
OPERATIONAL = ["setup-vps.sh", "deploy.sh", "rollback.sh", "backup.sh", "restore.sh"]
TAG = STACK_ENV["TAG"]

# Docker subcommands that only read; anything else is a change.
READ_ONLY_DOCKER = {
    ("stack", "config"),
    ("stack", "services"),
    ("service", "inspect"),
    ("service", "ls"),
    ("service", "ps"),
    ("service", "logs"),
    ("secret", "inspect"),
    ("network", "inspect"),
    ("info",),
    ("ps",),
    ("version",),
}
FAKE_DOCKER = """#!/usr/bin/env python3
import os, subprocess, sys
args = sys.argv[1:]
with open(os.environ["FAKE_LOG"], "a") as log:
    log.write("docker " + " ".join(args) + "\\n")
read_only = {read_only!r}
key = tuple(a for a in args if not a.startswith("-"))[:2]
if key[:1] == ("info",) or key[:1] == ("ps",) or key[:1] == ("version",):
    key = key[:1]
if key not in read_only:
    with open(os.environ["FAKE_LOG"], "a") as log:
        log.write("MUTATING docker " + " ".join(args) + "\\n")
    sys.exit(97)
if key == ("stack", "config"):
    os.execv({real!r}, [{real!r}, *args])
if key in {{("service", "inspect"), ("secret", "inspect"), ("network", "inspect")}}:
    sys.exit(1)  # nothing exists yet
if key == ("info",):
    print("inactive")
sys.exit(0)
"""
FAKE_MUTATOR = """#!/bin/sh
echo "MUTATING $(basename "$0") $*" >>"$FAKE_LOG"
exit 97
"""
MUTATORS = [
    "apt-get",
    "ufw",
    "systemctl",
    "sshd",
    "curl",
    "install",
    "age",
    "gpg",
    "rclone",
    "ssh-keygen",
    "ssh-keyscan",
]
OFFSITE = "sftp://backup@offsite.example.com/reqstly"
AGE_RECIPIENT = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p"


def shellcheck() -> str:
    path = shutil.which("shellcheck")
    assert path, "shellcheck is missing: scripts/install-system-packages installs it"
    return path


@pytest.fixture
def fake_path(tmp_path: Path) -> tuple[dict[str, str], Path]:
    real_docker = shutil.which("docker")
    assert real_docker, "the docker client is needed (docker stack config)"
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "calls.log"
    log.touch()
    docker = bin_dir / "docker"
    docker.write_text(FAKE_DOCKER.format(read_only=READ_ONLY_DOCKER, real=real_docker))
    docker.chmod(0o755)
    for name in MUTATORS:
        fake = bin_dir / name
        fake.write_text(FAKE_MUTATOR)
        fake.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REQSTLY_", "PG"))}
    env.update(PATH=f"{bin_dir}:{env['PATH']}", FAKE_LOG=str(log))
    return env, log


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, env=env, capture_output=True, text=True, timeout=120, check=False, cwd=ROOT
    )


def settings_file(tmp_path: Path) -> Path:
    path = tmp_path / "reqstly.env"
    wanted = {k: v for k, v in STACK_ENV.items() if k not in {"TAG", "MIGRATE_TAG", "CADDY_TAG"}}
    path.write_text("".join(f"{k}={v}\n" for k, v in wanted.items()))
    return path


def test_there_are_scripts_to_check() -> None:
    names = {p.name for p in SCRIPTS}
    assert set(OPERATIONAL) <= names
    assert {"entrypoint.sh"} <= names


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_shellcheck_clean(script: Path) -> None:
    result = subprocess.run(
        [shellcheck(), "--external-sources", "--severity=style", str(script)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# The *-common.sh files are sourced by the others, which set the mode.
RUNNABLE = [p for p in SCRIPTS if not p.name.endswith("-common.sh")]


@pytest.mark.parametrize("script", RUNNABLE, ids=lambda p: str(p.relative_to(ROOT)))
def test_strict_mode_help_and_dry_run(script: Path) -> None:
    text = script.read_text()
    # POSIX sh scripts (entrypoints, the drain wrapper) have no pipefail.
    posix_sh = script.name == "entrypoint.sh" or text.startswith("#!/bin/sh")
    strict = "set -euo pipefail" in text or (posix_sh and "set -eu" in text)
    assert strict, f"{script.name} lacks strict mode"
    assert "--dry-run" in text, script.name
    assert "--help" in text, script.name


@pytest.mark.parametrize("name", OPERATIONAL)
def test_help_prints_usage(name: str, fake_path: tuple[dict[str, str], Path]) -> None:
    env, log = fake_path
    result = run([str(ROOT / "scripts" / name), "--help"], env)
    assert result.returncode == 0, result.stderr
    assert "usage:" in result.stdout
    assert "--dry-run" in result.stdout
    assert "MUTATING" not in log.read_text()


def test_setup_vps_dry_run_prints_the_plan_and_changes_nothing(
    fake_path: tuple[dict[str, str], Path], tmp_path: Path
) -> None:
    env, log = fake_path
    result = run(
        [
            str(ROOT / "scripts/setup-vps.sh"),
            "--dry-run",
            "--admin-user",
            "root",
            "--secrets-dir",
            str(tmp_path / "secrets"),
            "--non-interactive",
            "--offsite",
            OFFSITE,
            "--age-recipient",
            AGE_RECIPIENT,
        ],
        env,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    for expected in (
        "would run: ufw allow 443/tcp",
        "would run: docker swarm init",
        "would run: docker network create --driver overlay --internal --attachable "
        "reqstly_internal",
        "would run: docker network create --driver overlay reqstly_public",
        "would write /etc/ssh/sshd_config.d/10-reqstly-hardening.conf",
        "would create secret reqstly_postgres_password_v1",
        "would generate an ES256 key pair",
        f"backups in /srv/reqstly-backups, encrypted for {AGE_RECIPIENT}, off-site at {OFFSITE}",
        "would run: ssh-keygen -q -t ed25519",
        f"would check that {OFFSITE} accepts a file",
        "would write /etc/reqstly/backup.env",
        "would write /etc/systemd/system/reqstly-wal-receiver.service",
        "would write /etc/cron.d/reqstly-backup",
        "dry run finished: nothing was changed",
    ):
        assert expected in out, f"missing from the plan: {expected}\n{out}"
    calls = log.read_text()
    assert "MUTATING" not in calls, calls
    assert not (tmp_path / "secrets").exists()


@pytest.mark.parametrize(
    ("missing", "message"),
    [("--offsite", "--offsite TARGET is required"), ("--age-recipient", "--age-recipient must be")],
)
def test_setup_vps_does_not_run_without_an_offsite_target_and_a_recipient(
    fake_path: tuple[dict[str, str], Path], missing: str, message: str
) -> None:
    env, log = fake_path
    given = {"--offsite": OFFSITE, "--age-recipient": AGE_RECIPIENT}
    del given[missing]
    args = [a for pair in given.items() for a in pair]
    result = run(
        [str(ROOT / "scripts/setup-vps.sh"), "--dry-run", "--admin-user", "root", *args], env
    )
    assert result.returncode != 0
    assert message in result.stderr
    assert "MUTATING" not in log.read_text()


def test_deploy_dry_run_prints_the_plan_and_changes_nothing(
    fake_path: tuple[dict[str, str], Path], tmp_path: Path
) -> None:
    env, log = fake_path
    state = tmp_path / "state"
    result = run(
        [
            str(ROOT / "scripts/deploy.sh"),
            "--dry-run",
            "--tag",
            TAG,
            "--source",
            str(ROOT),
            "--env-file",
            str(settings_file(tmp_path)),
            "--state-dir",
            str(state),
        ],
        env,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert f"deploy commit      {TAG}" in out
    assert "would run: docker stack deploy --with-registry-auth" in out
    assert "would wait up to 600s for job reqstly_migrate" in out
    assert "would wait up to 600s for every service of reqstly to be healthy" in out
    assert "dry run finished: nothing was changed" in out
    calls = log.read_text()
    assert "MUTATING" not in calls, calls
    assert "docker stack config" in calls  # the stack file really was rendered
    assert not state.exists()


def test_deploy_refuses_a_mutable_tag(fake_path: tuple[dict[str, str], Path]) -> None:
    env, log = fake_path
    result = run([str(ROOT / "scripts/deploy.sh"), "--dry-run", "--tag", "latest"], env)
    assert result.returncode != 0
    assert "immutable" in result.stderr
    assert "MUTATING" not in log.read_text()


def test_deploy_dry_run_fails_when_a_setting_is_missing(
    fake_path: tuple[dict[str, str], Path], tmp_path: Path
) -> None:
    env, _ = fake_path
    settings = tmp_path / "partial.env"
    settings.write_text(f"REGISTRY={STACK_ENV['REGISTRY']}\n")
    result = run(
        [
            str(ROOT / "scripts/deploy.sh"),
            "--dry-run",
            "--tag",
            TAG,
            "--source",
            str(ROOT),
            "--env-file",
            str(settings),
            "--state-dir",
            str(tmp_path / "state"),
        ],
        env,
    )
    assert result.returncode != 0
    assert "does not render" in result.stderr


def test_rollback_dry_run_keeps_the_schema(
    fake_path: tuple[dict[str, str], Path], tmp_path: Path
) -> None:
    env, log = fake_path
    state = tmp_path / "state"
    state.mkdir()
    (state / "previous-tag").write_text("1111111\n")
    (state / "migrate-tag").write_text(TAG + "\n")
    (state / "deployed-tag").write_text(TAG + "\n")
    result = run(
        [
            str(ROOT / "scripts/rollback.sh"),
            "--dry-run",
            "--source",
            str(ROOT),
            "--env-file",
            str(settings_file(tmp_path)),
            "--state-dir",
            str(state),
        ],
        env,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "roll the code to   1111111" in result.stdout
    assert f"stays at {TAG}" in result.stdout
    assert "MUTATING" not in log.read_text()
    assert (state / "deployed-tag").read_text().strip() == TAG


def test_backup_dry_run_changes_nothing(
    fake_path: tuple[dict[str, str], Path], tmp_path: Path
) -> None:
    env, log = fake_path
    out_dir = tmp_path / "backups"
    result = run(
        [
            str(ROOT / "scripts/backup.sh"),
            "--dry-run",
            "--backup-dir",
            str(out_dir),
            "--offsite",
            OFFSITE,
            "--age-recipient",
            AGE_RECIPIENT,
            "--textfile-dir",
            str(tmp_path / "textfile"),
        ],
        env,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "dry run finished: nothing was changed" in result.stdout
    assert "copy off-site to sftp://backup@offsite.example.com/reqstly" in result.stdout
    assert not out_dir.exists()
    assert not (tmp_path / "textfile").exists()
    assert "MUTATING" not in log.read_text()


def test_backup_refuses_to_run_without_an_offsite_target_or_a_recipient(
    fake_path: tuple[dict[str, str], Path], tmp_path: Path
) -> None:
    env, log = fake_path
    backup = [str(ROOT / "scripts/backup.sh"), "--dry-run", "--backup-dir", str(tmp_path)]
    result = run(backup, env)
    assert result.returncode != 0
    assert "no off-site target" in result.stderr
    result = run([*backup, "--offsite", "s3://bucket/reqstly"], env)
    assert result.returncode != 0
    assert "no encryption recipient" in result.stderr
    assert "MUTATING" not in log.read_text()


def test_restore_dry_run_with_the_default_target_name_passes_its_own_name_check(
    fake_path: tuple[dict[str, str], Path], tmp_path: Path
) -> None:
    """Issue #14: the default name once carried an upper-case timestamp the check refused."""
    env, log = fake_path
    dump = tmp_path / "reqstly-x.dump"
    dump.write_bytes(b"not really a dump")
    (tmp_path / "reqstly-x.counts.tsv").write_text("app.requests\t1\n")
    sums = subprocess.run(
        ["sha256sum", "reqstly-x.dump", "reqstly-x.counts.tsv"],
        check=True,
        cwd=tmp_path,
        capture_output=True,
        text=True,
    ).stdout
    (tmp_path / "reqstly-x.sha256").write_text(sums)
    result = run([str(ROOT / "scripts/restore.sh"), "--dry-run", str(dump)], env)
    assert "lower-case" not in result.stderr
    assert result.returncode == 0, result.stdout + result.stderr
    assert "into the fresh database reqstly_restore_" in result.stdout
    # The one docker exec is a read: does the target database exist already?
    changes = [
        line
        for line in log.read_text().splitlines()
        if "MUTATING" in line and "select count(*) from pg_database" not in line
    ]
    assert changes == []


def test_image_tags_are_content_addressed() -> None:
    result = subprocess.run(
        [str(ROOT / "scripts/image-tags.sh"), TAG],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    values = dict(line.split("=", 1) for line in result.stdout.splitlines())
    assert values["TAG"] == TAG
    assert values["CADDY_TAG"].startswith("caddy-")
    assert len(values["REQSTLY_CONFIG_VERSION"]) == 12
