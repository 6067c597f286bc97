from sawt.outputs.theme_css import without_unused_components


def test_unused_components_go_and_everything_else_stays():
    css = (
        ".md-search__input,.md-typeset input{color:red}"
        ".md-source{display:block}"
        "@media screen and (min-width:60em){.md-search{width:1px}.md-header{height:2rem}}"
        "@media print{.md-tag{display:none}}"
        ":is(.md-tabs,.footnote-ref) a{margin:0}"
        ".md-nav:not(.md-search) a{margin:0}"
        ".md-tabs{display:flex}"
    )
    assert without_unused_components(css) == (
        ".md-typeset input{color:red}"
        "@media screen and (min-width:60em){.md-header{height:2rem}}"
        # Inside :is() or :not() a name may be one alternative, or negated: kept.
        ":is(.md-tabs,.footnote-ref) a{margin:0}"
        ".md-nav:not(.md-search) a{margin:0}"
        ".md-tabs{display:flex}"
    )
