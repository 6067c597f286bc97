"""Front matter is found the way MkDocs finds it, by the one parser every caller shares."""

from datetime import date

from sawt.render.front_matter import front_matter_lines, front_matter_yaml, without_front_matter
from sawt.stages.feeds import news_items


def test_closed_by_dots_as_mkdocs_allows(tmp_path):
    news = tmp_path / "en" / "news"
    news.mkdir(parents=True)
    (news / "vigil.md").write_text("---\ntitle: Vigil\ndate: 2025-11-03\n...\n\nBody.\n", encoding="utf-8")
    [item] = news_items(tmp_path, "en")
    assert (item.title, item.date) == ("Vigil", date(2025, 11, 3))


def test_a_longer_rule_in_the_yaml_does_not_close_it():
    text = "---\ntitle: A\n----x: no\n---\n# Heading\n"
    assert front_matter_yaml(text) == "title: A\n----x: no\n"
    assert front_matter_lines(text) == 4
    assert without_front_matter(text) == "# Heading\n"


def test_no_front_matter():
    assert front_matter_yaml("# Title\n---\n") is None
    assert front_matter_lines("# Title\n") == 0
