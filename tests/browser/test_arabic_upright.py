"""Arabic is never slanted: Arabic script has no italic, and a browser that is asked for one
synthesises an oblique that reads as broken lettering (issue 9, defect 5)."""

from __future__ import annotations

import pytest

from tests.conftest import screenshot

pytestmark = pytest.mark.browser

# Every element whose own text contains an Arabic letter and whose computed style is slanted.
_SLANTED_ARABIC = r"""() => {
  const arabic = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]/;
  const found = [];
  for (const el of document.querySelectorAll('body *')) {
    const own = [...el.childNodes].filter(n => n.nodeType === 3).map(n => n.data).join('');
    if (!arabic.test(own)) continue;
    const style = getComputedStyle(el).fontStyle;
    if (style !== 'normal') found.push(`<${el.tagName.toLowerCase()} class="${el.className}">: ${style}: ${own.trim().slice(0, 40)}`);
  }
  return found;
}"""


@pytest.mark.parametrize(
    "path", ["/ar/", "/ar/figures/", "/ar/cases/saleh-al-samar/", "/ar/cases/osama/", "/ar/reports/", "/ar/appeals/be-their-voice/"]
)
def test_no_arabic_text_is_slanted(page, base_url, path):
    page.goto(base_url + path)
    slanted = page.evaluate(_SLANTED_ARABIC)
    assert slanted == [], "\n".join(slanted)


def test_the_probe_sees_slanted_arabic_when_there_is_some(page, base_url):
    # Control: the check above can fail. An <i> with Arabic text, forced italic, is found.
    page.goto(base_url + "/ar/")
    page.evaluate("""() => { const i = document.createElement('i'); i.textContent = 'نص مائل';
                    i.style.fontStyle = 'italic'; document.querySelector('article').append(i); }""")
    assert len(page.evaluate(_SLANTED_ARABIC)) == 1
    screenshot(page, "arabic-upright-control")
