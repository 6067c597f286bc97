"""axe-core on every page of the sample site, both languages, phone and desktop width.

axe-core comes from npm (package.json, installed by `make test`). Playwright injects
it as an inline script, which the page's Content-Security-Policy rightly refuses,
so the test contexts bypass the policy; the policy itself is tested elsewhere.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.build.site_html import html_pages, url_path
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING_IMPACTS = {"serious", "critical"}
VIEWPORTS = {
    "phone": dict(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True, has_touch=True),
    "desktop": dict(viewport={"width": 1280, "height": 900}),
}


def serious_violations(page, url: str) -> list[str]:
    page.goto(url, wait_until="load")
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " targets: v.nodes.map(n => n.target.join(' '))}))"
    )
    return [
        f"{v['impact']:8} {v['id']} on {url_path_of(url)}: {v['help']} -> {', '.join(v['targets'][:5])}"
        + (f" (+{len(v['targets']) - 5} more)" if len(v["targets"]) > 5 else "")
        for v in violations
        if v["impact"] in BLOCKING_IMPACTS
    ]


def url_path_of(url: str) -> str:
    return "/" + url.split("/", 3)[3]


@pytest.mark.parametrize("width", list(VIEWPORTS))
def test_no_serious_or_critical_axe_violation_on_any_page(browser, site_dir: Path, base_url, width):
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci` at the repository root (make test does it)")
    pages = html_pages(site_dir)
    assert any(p.relative_to(site_dir).parts[0] == "ar" for p in pages), "no Arabic pages were built"
    context = browser.new_context(bypass_csp=True, **VIEWPORTS[width])
    try:
        page = context.new_page()
        found = [line for path in pages for line in serious_violations(page, base_url + url_path(site_dir, path))]
    finally:
        context.close()
    assert found == [], f"axe-core found {len(found)} serious or critical violations at {width} width:\n" + "\n".join(found)
