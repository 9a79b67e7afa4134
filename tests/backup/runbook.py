"""docs/RUNBOOK.md's commands, read from the Markdown and run as written."""

from __future__ import annotations

import re
import subprocess

from devstack.paths import ROOT

RUNBOOK = ROOT / "docs" / "RUNBOOK.md"


def section_blocks(heading: str) -> list[str]:
    """The fenced code blocks of the `###` section whose title starts with `heading`."""
    text = RUNBOOK.read_text()
    start = text.index(f"\n### {heading}")
    end = text.find("\n### ", start + 1)
    section = text[start : end if end != -1 else len(text)]
    return re.findall(r"^```[a-z]*\n(.*?)^```$", section, re.MULTILINE | re.DOTALL)


def run_as_written(block: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """The block as one bash script from the checkout's root, stopping at the first failure."""
    return subprocess.run(
        ["bash", "-euo", "pipefail", "-c", block],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
