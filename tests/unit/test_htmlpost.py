"""The last touches on every page: direction on <html> and the privacy policy."""

from __future__ import annotations

import pytest

from sawt.outputs.htmlpost import content_security_policy, with_language_and_direction, with_privacy_meta, without_hreflang_links

PAGE = (
    '<!doctype html><html lang="en" class="no-js"><head><meta charset="utf-8">'
    '<link rel="alternate" href="../ar/" hreflang="ar">\n<script>var a=1</script></head><body></body></html>'
)


@pytest.mark.parametrize(("lang", "direction"), [("ar", "rtl"), ("en", "ltr")])
def test_html_tag_gets_language_and_direction(lang, direction):
    out = with_language_and_direction(PAGE, lang)
    assert f'<html lang="{lang}" dir="{direction}" class="no-js">' in out
    assert out.count("<html") == 1


def test_built_pages_allow_inline_scripts_by_hash_only():
    policy = content_security_policy(PAGE)
    assert "'sha256-" in policy and "unsafe-inline" not in policy.split("style-src")[0]
    assert "default-src 'self'" in policy and "object-src 'none'" in policy


def test_dev_server_policy_lets_the_live_reload_script_run():
    policy = content_security_policy(PAGE, live_reload=True)
    assert "script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline'" in policy
    assert "'sha256-" not in policy  # a hash would make browsers ignore 'unsafe-inline'


def test_privacy_meta_comes_right_after_charset():
    out = with_privacy_meta(PAGE)
    head = out.split("<head>")[1]
    assert head.startswith('<meta charset="utf-8"><meta http-equiv="Content-Security-Policy"')
    assert '<meta name="referrer" content="no-referrer">' in head


def test_hreflang_links_are_dropped_but_feeds_stay():
    page = PAGE.replace("</head>", '<link rel="alternate" type="application/atom+xml" href="feed-en.xml"></head>')
    out = without_hreflang_links(page)
    assert 'hreflang="ar"' not in out and "feed-en.xml" in out
