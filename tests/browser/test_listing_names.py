"""No case name on a listing runs into a neighbouring word, in the text a reader
gets (Chromium's innerText, which keeps block and cell boundaries)."""

from __future__ import annotations

import pytest
from tests.conftest import screenshot

pytestmark = pytest.mark.browser

# Every page that lists cases by name, in both languages.
LISTINGS = ["/", "/cases/", "/figures/"]

# For each link to a case page: its text, and the innerText of the nearest block
# around it, so a missing space between inline elements shows as two letters touching.
GLUED_NAMES = r"""() => {
  const letter = /\p{L}/u;
  const glued = [];
  let checked = 0;
  for (const a of document.querySelectorAll('main a[href]')) {
    if (!/\/cases\/[^/]+\/?$/.test(new URL(a.href).pathname)) continue;
    const name = a.innerText.trim();
    if (!name) continue;
    const block = a.closest('li, tr, p, dd, dt, h2, h3, h4, article, figcaption') || a.parentElement;
    const text = block.innerText;
    checked++;
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
      const before = text[i - 1] || ' ', after = text[i + name.length] || ' ';
      if (letter.test(before) || letter.test(after)) glued.push(text.slice(Math.max(0, i - 12), i + name.length + 12));
    }
  }
  return {checked, glued};
}"""


@pytest.mark.parametrize("prefix", ["", "/ar"])
@pytest.mark.parametrize("listing", LISTINGS)
@pytest.mark.parametrize("width", [390, 1280])
def test_no_case_name_is_glued_to_a_word(browser, base_url, prefix, listing, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{base_url}{prefix}{listing}")
        result = page.evaluate(GLUED_NAMES)
        screenshot(page, f"listing-names{prefix.replace('/', '-')}{listing.rstrip('/').replace('/', '-') or '-home'}-{width}")
    finally:
        context.close()
    assert result["checked"] > 0, f"{prefix}{listing} links to no case: the test would prove nothing"
    assert result["glued"] == [], f"case names glued to a neighbouring letter on {prefix}{listing}: {result['glued']}"
