"""docs/RUNBOOK.md's restore commands, run as written: each code block is read
from the Markdown and given to bash unchanged, except the example moment in
`export T='…'`, which becomes the drill's. The environment is what the
RUNBOOK says a local run needs (PG_BIN, PGHOST, … REQSTLY_BACKUP_DIR)."""

from __future__ import annotations

import re
import time

import pytest

from tests.backup.conftest import ArchivedCluster
from tests.backup.drill import (
    broken_audit_chains,
    file_requests_with_comments,
    server_now,
    titles_like,
)
from tests.backup.runbook import run_as_written, section_blocks
from tests.people import load_people

pytestmark = pytest.mark.slow

EXAMPLE_MOMENT = re.compile(r"^export T='[^']*'$", re.MULTILINE)


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
