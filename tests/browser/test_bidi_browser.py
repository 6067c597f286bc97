"""Latin inside Arabic hand-written pages keeps its own order in Chromium:
"#BeTheirVoice" reads with the "#" on the left of the "B", not after "Voice"."""

from __future__ import annotations

import pytest
from tests.conftest import screenshot

pytestmark = pytest.mark.browser

# The x of each character of `word` as laid out, from one text node that holds it.
CHARACTER_X = r"""(word) => {
  const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.indexOf(word);
    if (at < 0) continue;
    const xs = [];
    for (let i = at; i < at + word.length; i++) {
      const range = document.createRange();
      range.setStart(node, i); range.setEnd(node, i + 1);
      xs.push(range.getBoundingClientRect().left);
    }
    return xs;
  }
  return null;
}"""


@pytest.mark.parametrize("width", [390, 1280])
def test_hashtag_reads_left_to_right_in_arabic_markdown(browser, base_url, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{base_url}/ar/appeals/be-their-voice/")
        xs = page.evaluate(CHARACTER_X, "#BeTheirVoice")
        page.locator("text=#BeTheirVoice").first.scroll_into_view_if_needed()
        screenshot(page, f"bidi-hashtag-ar-{width}")
    finally:
        context.close()
    assert xs is not None, "the page no longer holds #BeTheirVoice"
    assert xs == sorted(xs), f"characters of #BeTheirVoice out of left-to-right order: {xs}"


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_english_page_is_untouched_and_arabic_latin_runs_are_isolated(page, base_url, prefix):
    page.goto(f"{base_url}{prefix}/appeals/be-their-voice/")
    isolated = page.eval_on_selector_all("article bdi[dir=ltr]", "els => els.map(e => e.textContent)")
    if prefix:
        assert "#BeTheirVoice" in isolated
    else:
        assert "#BeTheirVoice" not in isolated  # an English page needs no isolation
