"""axe-core, from tests/e2e/node_modules (npm, pinned in tests/e2e/package.json),
run inside a page of the real SPA.

The SPA is served with `script-src 'self'`, so a `<script>` tag with axe's
source inlined (what `page.add_script_tag(path=…)` does) would be refused.
`page.evaluate` runs the source through the DevTools protocol instead,
which the page's CSP does not govern, and the SPA's own CSP stays on.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from playwright.async_api import Page

AXE_JS = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
# The impacts that fail a test; moderate and minor ones are reported only.
BLOCKING = frozenset({"serious", "critical"})
# WCAG 2.2 A/AA plus axe's best practices (landmarks, headings, …).
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


@dataclass(frozen=True)
class Violation:
    screen: str
    rule: str
    impact: str
    help: str
    targets: tuple[str, ...]

    def line(self) -> str:
        return f"{self.screen}: {self.rule} ({self.impact}) {self.help} — {', '.join(self.targets)}"


@cache
def axe_source() -> str:
    if not AXE_JS.exists():
        raise RuntimeError(
            f"{AXE_JS} is missing: install the e2e tools with "
            "`cd tests/e2e && npm ci --no-audit --no-fund`"
        )
    return AXE_JS.read_text()


async def run_axe(page: Page, screen: str) -> tuple[list[Violation], dict[str, Any]]:
    """Every axe violation on the page as it is now, and axe's raw result
    (with the checks axe could not decide, `incomplete`, for a person to review)."""
    if not await page.evaluate("typeof window.axe === 'object'"):
        await page.evaluate(axe_source() + "\n;undefined")
    result: dict[str, Any] = await page.evaluate(
        """tags => axe.run(document, {
               runOnly: {type: 'tag', values: tags},
               resultTypes: ['violations', 'incomplete'],
           }).then(r => ({url: r.url, testEngine: r.testEngine,
                          violations: r.violations, incomplete: r.incomplete}))""",
        TAGS,
    )
    violations = [
        Violation(
            screen=screen,
            rule=str(item["id"]),
            impact=str(item.get("impact") or "unknown"),
            help=str(item["help"]),
            targets=tuple(
                " ".join(
                    json.dumps(part) if not isinstance(part, str) else part
                    for part in node["target"]
                )
                for node in item["nodes"]
            ),
        )
        for item in result["violations"]
    ]
    return violations, result
