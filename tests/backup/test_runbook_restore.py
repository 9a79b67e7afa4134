"""docs/RUNBOOK.md's restore commands, run as written: each code block is read
from the Markdown and given to bash unchanged, except the example moment in
`export T='…'`, which becomes the drill's. The environment is what the
RUNBOOK says a local run needs (PG_BIN, PGHOST, … REQSTLY_BACKUP_DIR)."""

from __future__ import annotations

import re
import subprocess
import time
from pathlib import Path

import pytest

from devstack.paths import ROOT
from tests.backup.conftest import ArchivedCluster, Offsite, ok, script, server_owned
from tests.backup.drill import (
    broken_audit_chains,
    file_requests_with_comments,
    server_now,
    titles_like,
)
from tests.people import load_people

pytestmark = pytest.mark.slow

RUNBOOK = ROOT / "docs" / "RUNBOOK.md"
EXAMPLE_MOMENT = re.compile(r"^export T='[^']*'$", re.MULTILINE)


def section_blocks(heading: str) -> list[str]:
    """The fenced code blocks of one `###` section of the RUNBOOK."""
    text = RUNBOOK.read_text()
    start = text.index(f"\n### {heading}")
    end = text.find("\n### ", start + 1)
    section = text[start : end if end != -1 else len(text)]
    return re.findall(r"^```[a-z]*\n(.*?)^```$", section, re.MULTILINE | re.DOTALL)


def run_as_written(block: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-euo", "pipefail", "-c", block],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


def test_the_restore_section_as_written(archived: ArchivedCluster) -> None:
    blocks = section_blocks("Restore (a timed drill")
    assert len(blocks) == 1, "one block of commands"
    block = blocks[0]
    assert "restore.sh" in block
    assert "--target-db" not in block, "the drill uses restore.sh's default names"
    assert len(EXAMPLE_MOMENT.findall(block)) == 1

    archived.backup()
    with archived.connect() as conn:
        conn.autocommit = False
        people = load_people(conn)
        file_requests_with_comments(conn, people["ivan"], "runbook-kept", 4)
        conn.commit()
        time.sleep(1.1)
        moment = server_now(conn)
        conn.commit()
        time.sleep(1.1)
        file_requests_with_comments(conn, people["ivan"], "runbook-undone", 4)
        conn.commit()
    time.sleep(1)  # the receiver has the last commit (the PITR drill measures this)

    before = archived.databases()
    result = run_as_written(EXAMPLE_MOMENT.sub(f"export T='{moment}'", block), archived.env)
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    print(f"\nthe RUNBOOK's restore block, run as written:\n{out}")
    assert out.count("dry run finished: nothing was changed") == 1
    assert "reqstly untouched" in out, "the second command verifies only"
    assert "switched: reqstly is the restored copy" in out
    after = archived.databases()
    assert len([n for n in after - before if n.startswith("reqstly_restore_")]) == 1
    assert len([n for n in after - before if n.startswith("reqstly_before_restore_")]) == 1
    with archived.connect() as conn:
        assert titles_like(conn, "runbook-kept") == 4
        assert titles_like(conn, "runbook-undone") == 0
        assert broken_audit_chains(conn) == []
    archived.drop_restored()


def test_the_restore_when_the_vps_is_gone_section_as_written(
    archived: ArchivedCluster, offsite: Offsite, tmp_path: Path
) -> None:
    blocks = section_blocks("Restore when the VPS is gone")
    assert len(blocks) == 1
    env = {**archived.env, **offsite.env}
    ship = ["--offsite", offsite.target, "--age-recipient", offsite.recipient]
    ok(script("backup.sh", *ship, "--allow-same-disk", "--keep-days", "0", env=env))
    with archived.connect() as conn:
        conn.autocommit = False
        file_requests_with_comments(conn, load_people(conn)["hana"], "runbook-last-minute", 2)
        conn.commit()
    time.sleep(1)
    ok(script("backup-ship.sh", *ship, env=env))  # the cron minute before the VPS was lost

    # The new VPS: an empty backup disk, the identity brought by the operator.
    home = tmp_path / "operator"
    home.mkdir()
    (home / "reqstly-backup.key").write_bytes(offsite.identity.read_bytes())
    new_disk = server_owned(archived.backup_dir.parent / "runbook-new-vps")
    env.update(HOME=str(home), REQSTLY_BACKUP_DIR=str(new_disk), REQSTLY_OFFSITE=offsite.target)
    before = archived.databases()
    result = run_as_written(blocks[0], env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "switched: reqstly is the restored copy" in result.stdout
    assert (
        len([n for n in archived.databases() - before if n.startswith("reqstly_before_restore_")])
        == 1
    )
    with archived.connect() as conn:
        assert titles_like(conn, "runbook-last-minute") == 2
        assert broken_audit_chains(conn) == []
    archived.drop_restored()
