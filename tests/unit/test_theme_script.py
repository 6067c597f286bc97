import pytest

from sawt.outputs.theme_script import PATCHED, ThemeScriptError, patched_bundle


def test_the_one_lookup_is_patched_and_a_changed_theme_stops_the_build():
    script = 'ui(){e.pipe(b(()=>M("link[rel=alternate]")),m(r=>new URL(r.href)))}'
    assert patched_bundle(script) == 'ui(){e.pipe(b(()=>M(' + PATCHED + '),m(r=>new URL(r.href)))}'
    assert patched_bundle(patched_bundle(script)) == patched_bundle(script)
    with pytest.raises(ThemeScriptError, match="needs updating"):
        patched_bundle('ui(){e.pipe(b(()=>M("link[rel=alternate][hreflang]")))}')
