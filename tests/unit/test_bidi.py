from sawt.outputs.bidi import with_isolated_latin_runs


def isolate(body: str) -> str:
    return with_isolated_latin_runs(f"<html><article>{body}</article></html>")[len("<html><article>"):-len("</article></html>")]


def test_latin_runs_are_isolated_whole_with_their_hash_and_brackets():
    assert isolate("<p>وسم <strong>#BeTheirVoice</strong>،</p>") == '<p>وسم <strong><bdi dir="ltr">#BeTheirVoice</bdi></strong>،</p>'
    assert isolate("<p>المصدر: Syrian Network for Human Rights (SNHR).</p>") == (
        '<p>المصدر: <bdi dir="ltr">Syrian Network for Human Rights (SNHR)</bdi>.</p>'
    )
    assert isolate("<p>طلب دمج (pull request)،</p>") == '<p>طلب دمج (<bdi dir="ltr">pull request</bdi>)،</p>'


def test_code_entities_attributes_and_own_direction_are_left_alone():
    body = '<p>و&nbsp;<code>publish: false</code> <a href="x" title="Abc">نص</a></p><p dir="ltr">Keep <em>me</em></p><bdi>Done</bdi>'
    assert isolate(body) == body


def test_a_quoted_latin_title_is_isolated_with_its_quotes():
    assert isolate("<p>تقرير «Defectors under the guillotine» (بترجمتنا)</p>") == (
        '<p>تقرير <bdi dir="ltr">«Defectors under the guillotine»</bdi> (بترجمتنا)</p>'
    )
    assert isolate("<p>مقال “Reconciliation without forgiveness” و</p>") == (
        '<p>مقال <bdi dir="ltr">“Reconciliation without forgiveness”</bdi> و</p>'
    )
    # An unpaired quote stays outside, in the Arabic text it belongs to.
    assert isolate("<p>«كلمة SNHR»</p>") == '<p>«كلمة <bdi dir="ltr">SNHR</bdi>»</p>'


def test_a_latin_title_wrapped_over_source_lines_stays_one_run():
    """Markdown keeps the author's line breaks: a title wrapped after "Syria," must not
    become two runs with the comma left to the Arabic around them."""
    body = "<p>البيان «We Urge Lebanese Authorities Not to\n  Forcibly Repatriate Him to Syria,\n  Which Would Put His Life at Risk»، 13 حزيران</p>"
    assert isolate(body) == (
        '<p>البيان <bdi dir="ltr">«We Urge Lebanese Authorities Not to\n  Forcibly Repatriate Him to Syria,\n'
        '  Which Would Put His Life at Risk»</bdi>، 13 حزيران</p>'
    )
