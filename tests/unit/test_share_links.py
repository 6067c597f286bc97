"""Share links: what the reader's app receives is exactly the text and address Sawt meant,
whatever the text holds, and an Arabic link is not three times the size it needs to be."""

from __future__ import annotations

from urllib.parse import parse_qs, quote, urlparse

import pytest

from sawt.outputs.share import query_value, share_links

URL = "https://sawt.example.org/ar/cases/test-person-0046/"
TEXTS = [
    "شخص تجريبي ٠٠٤٦: مطلب خيالي: الإفراج عن الشخص التجريبي.",
    "A & B = C; #1 +2 100% ?x /y 'q' \"d\"",
    "\u202eevil\u202c \u200f\u200eمرحبا\u00a0x\u200c",  # bidi overrides and marks, a no-break space, a ZWNJ
    "emoji \U0001F600 and tab\tand\nnew line",
]


@pytest.mark.parametrize("text", TEXTS)
def test_every_target_receives_the_text_and_the_address_unchanged(text):
    for key, _label, href in share_links(URL, text, "ar"):
        parsed = urlparse(href)
        values = {name: items[0] for name, items in parse_qs(parsed.query, keep_blank_values=True, strict_parsing=True).items()}
        shared = " ".join(values.values())
        assert URL in shared, key
        if key != "facebook":  # Facebook takes the address only
            assert text in shared, key


@pytest.mark.parametrize("text", TEXTS)
def test_nothing_that_splits_a_query_or_hides_in_it_is_left_bare(text):
    escaped = query_value(text)
    assert not set(escaped) & set(" &=+#;\t\n\u00a0\u200c\u200e\u200f\u202c\u202e\U0001F600")


def test_arabic_letters_stay_letters():
    text = TEXTS[0]
    escaped = query_value(text)
    assert "شخص" in escaped and "٠٠٤٦" in escaped
    assert len(escaped.encode()) < len(quote(text, safe="").encode()) / 2.5
