"""The commands README.md and docs/RUNBOOK.md show for local use run as written.

They are read from the Markdown, not copied here: every ```sh block of the
README, and every RUNBOOK block right under a marker —
`<!-- local -->` (shell commands) or `<!-- local psql: COMMAND -->` (SQL fed
to COMMAND's standard input). `make run` starts the stack they talk to, with
two documented settings so it cannot collide with a developer's own
`make run`: REQSTLY_HTTP_PORT (the commands' `localhost:8080` follows it) and
REQSTLY_DEV_DIR.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from devstack.paths import DATA, ROOT
from devstack.processes import free_port, poll_until

README = ROOT / "README.md"
RUNBOOK = ROOT / "docs" / "RUNBOOK.md"
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.S | re.M)
MARKER = re.compile(r"<!-- local(?: psql: (.+?))? -->\n```")
# What the README's first block shows and how this file exercises it.
STARTS_THE_STACK = "make run"
IS_THIS_RUN = "make test"


@dataclass(frozen=True)
class Block:
    source: str
    line: int
    code: str
    psql: str | None = None  # the command SQL is fed to; None: shell commands


def blocks() -> list[Block]:
    found = []
    readme = README.read_text()
    for m in FENCE.finditer(readme):
        if m.group(1) == "sh":
            found.append(Block("README.md", readme.count("\n", 0, m.start()) + 1, m.group(2)))
    runbook = RUNBOOK.read_text()
    for m in MARKER.finditer(runbook):
        fence = FENCE.match(runbook, m.end() - 3)
        assert fence is not None, f"RUNBOOK.md: a code block must follow {m.group(0)!r}"
        line = runbook.count("\n", 0, fence.start()) + 1
        found.append(Block("docs/RUNBOOK.md", line, fence.group(2), m.group(1)))
    return found


def commands(code: str) -> list[str]:
    """Shell commands of a block: continuation lines joined, comments and blanks dropped."""
    joined = code.replace("\\\n", " ")
    out = []
    for line in joined.splitlines():
        command = re.sub(r"\s+#.*$", "", line).strip()
        if command and not command.startswith("#"):
            out.append(command)
    return out


@dataclass
class DevStack:
    port: int
    env: dict[str, str]

    def run(self, script: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["bash", "-c", script.replace("localhost:8080", f"localhost:{self.port}")],
            input=stdin,
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
        )


@pytest.fixture(scope="module")
def dev_stack() -> Iterator[DevStack]:
    """`make run`, as the README shows it, on a free port and a data folder of its own."""
    port = free_port()
    dev_dir = DATA / f"docs-{os.getpid()}-{uuid.uuid4().hex[:6]}"
    # A new user's shell: the project's virtualenv is not on PATH.
    path = os.pathsep.join(
        p for p in os.environ["PATH"].split(os.pathsep) if not p.startswith(str(ROOT / ".venv"))
    )
    env = {k: v for k, v in os.environ.items() if k != "VIRTUAL_ENV"}
    env |= {"PATH": path, "REQSTLY_HTTP_PORT": str(port), "REQSTLY_DEV_DIR": str(dev_dir)}
    log_path = DATA / f"{dev_dir.name}.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            ["bash", "-c", STARTS_THE_STACK],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    try:

        def started() -> bool:
            assert process.poll() is None, f"make run stopped:\n{log_path.read_text()[-3000:]}"
            return "Reqstly is running at" in log_path.read_text()

        assert poll_until(started, timeout=300, interval=0.5), log_path.read_text()[-3000:]
        yield DevStack(port, env)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGINT)  # Ctrl-C, as the README says
            process.wait(timeout=60)
        output = log_path.read_text()
        shutil.rmtree(dev_dir, ignore_errors=True)
        log_path.unlink(missing_ok=True)
    assert "stopped." in output, output[-3000:]


BLOCKS = blocks()


def test_the_docs_show_local_commands() -> None:
    """The extraction finds what the README and RUNBOOK show (so the tests below run them)."""
    sources = {(b.source, b.psql is not None) for b in BLOCKS}
    assert {("README.md", False), ("docs/RUNBOOK.md", False), ("docs/RUNBOOK.md", True)} <= sources
    first = commands(BLOCKS[0].code)
    assert first == [STARTS_THE_STACK, IS_THIS_RUN], (
        "the README's first block is `make run` and `make test`; "
        "update this test's STARTS_THE_STACK / IS_THIS_RUN if it changes"
    )


@pytest.mark.parametrize("block", BLOCKS[1:], ids=lambda b: f"{b.source}:{b.line}")
def test_local_commands_run_as_written(dev_stack: DevStack, block: Block) -> None:
    # BLOCKS[0] is `make run` (the fixture runs it) and `make test` (the suite
    # running this very test, so not run again from here).
    if block.psql is not None:
        result = dev_stack.run(block.psql, stdin=block.code)
        assert result.returncode == 0, result.stderr
        assert "ERROR" not in result.stderr, result.stderr
        return
    script = "".join(f'{command}\necho "::rc=$?::"\n' for command in commands(block.code))
    result = dev_stack.run(script)
    outputs = result.stdout.split("::rc=")
    assert len(outputs) == len(commands(block.code)) + 1, result.stderr
    for command, output in zip(commands(block.code), outputs[1:], strict=True):
        rc = output.split("::", 1)[0]
        assert rc == "0", f"{command!r} exited {rc}:\n{result.stderr}"
    for output in outputs:
        assert '"code":' not in output, f"an API call was refused:\n{output}"
    assert "Traceback" not in result.stderr and "Error" not in result.stderr, result.stderr
