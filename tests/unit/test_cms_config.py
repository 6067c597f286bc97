"""The CMS form and the validator cannot drift: every rule of the case schema is in the form."""

from __future__ import annotations

import re

import pytest

from sawt.data.schema import load_schemas, resolve_ref
from sawt.languages import LANGUAGES
from sawt.volunteer.cms import CmsConfigError, _field, decap_config, is_bundle_file, local_config


def _collection(name):
    return next(c for c in decap_config()["collections"] if c["name"] == name)


def _assert_field_matches(field, prop, home, *, required, where):
    """One schema property against its form field: name, required, values, pattern, length."""
    resolved, resolved_home = resolve_ref(prop, home)
    assert field["required"] is required, f"{where}: required"
    if field["widget"] == "sawt-bilingual":
        assert set(resolved["required"]) == set(LANGUAGES) == set(resolved["properties"]), where
        languages = {language["code"]: language for language in field["languages"]}
        assert list(languages) == list(LANGUAGES), where
        assert languages["ar"]["dir"] == "rtl" and languages["en"]["dir"] == "ltr", where
        for code, language in languages.items():
            limit = resolve_ref(resolved["properties"][code], resolved_home)[0]["maxLength"]
            assert language["max_length"] == limit, f"{where}.{code}: length limit"
        return
    if "enum" in resolved:
        assert field["widget"] == "select", where
        assert [option["value"] for option in field["options"]] == resolved["enum"], f"{where}: allowed values"
        return
    json_type = resolved.get("type")
    if isinstance(json_type, list):  # a source: an id or an inline mapping; the form offers the id
        assert "string" in json_type and field["widget"] == "string", where
    if json_type == "boolean":
        assert field["widget"] == "boolean", where
        return
    if json_type == "array":
        assert field["widget"] == "list", where
        item, item_home = resolve_ref(resolved["items"], resolved_home)
        if item.get("type") == "object":
            _assert_fields_match(field["fields"], item, item_home, where=f"{where}[]")
        else:
            _assert_field_matches(field["field"], resolved["items"], resolved_home, required=True, where=f"{where}[]")
        return
    if json_type == "object":
        assert field["widget"] == "object", where  # private: a free mapping
        return
    assert field["widget"] in ("string", "image"), where
    if "pattern" in resolved:
        assert field["pattern"][0] == resolved["pattern"], f"{where}: pattern"
        re.compile(field["pattern"][0])  # Decap runs it as a JavaScript RegExp; the syntax is shared
    assert field.get("max_length") == resolved.get("maxLength"), f"{where}: length limit"


def _assert_fields_match(fields, object_schema, home, *, where):
    assert [f["name"] for f in fields] == list(object_schema["properties"]), f"{where}: the form's fields"
    required = set(object_schema.get("required", []))
    for field, (name, prop) in zip(fields, object_schema["properties"].items()):
        _assert_field_matches(field, prop, home, required=name in required, where=f"{where}.{name}")


def test_the_case_form_has_every_field_and_rule_of_the_case_schema():
    cases = _collection("cases")
    assert (cases["folder"], cases["extension"], cases["format"]) == ("data/cases", "yml", "yaml")
    _assert_fields_match(cases["fields"], load_schemas()["case"], "case", where="case")


def test_a_case_made_in_the_form_is_unpublished_until_an_editor_says_so():
    publish = next(f for f in _collection("cases")["fields"] if f["name"] == "publish")
    assert publish["default"] is False
    assert load_schemas()["case"]["properties"]["publish"]["default"] is True  # the file's own default differs


def test_a_schema_rule_the_form_cannot_show_stops_the_generator():
    with pytest.raises(CmsConfigError, match=r"case\.weight: the form has no widget"):
        _field("weight", {"type": "number", "minimum": 0}, "case", required=False, where="case")


def test_pages_are_one_entry_for_both_language_folders_and_saving_opens_a_pull_request():
    config = decap_config(repo="campaign/sawt")
    assert config["i18n"] == {"structure": "multiple_folders", "locales": list(LANGUAGES), "default_locale": "en"}
    pages = _collection("pages")
    assert pages["folder"] == "docs" and pages["i18n"] is True
    assert all(field["i18n"] is True for field in pages["fields"])
    assert config["publish_mode"] == "editorial_workflow"
    assert config["backend"]["name"] == "github" and config["backend"]["repo"] == "campaign/sawt"
    assert "local_backend" not in config and local_config()["local_backend"] is True


def test_only_the_bundle_its_chunks_and_licence_are_copied():
    assert is_bundle_file("decap-cms.js") and is_bundle_file("977.decap-cms.js") and is_bundle_file("dd5d.wasm")
    assert is_bundle_file("decap-cms.js.LICENSE.txt")
    assert not is_bundle_file("decap-cms.js.map") and not is_bundle_file("cms.js") and not is_bundle_file("977.cms.js")


def test_the_exported_ui_saves_to_github_and_may_reach_only_github_and_the_sign_in_service(tmp_path):
    from html.parser import HTMLParser
    import json

    from sawt.volunteer.cms import export_admin

    dist = tmp_path / "project" / "node_modules" / "decap-cms" / "dist"
    dist.mkdir(parents=True)
    for name in ("decap-cms.js", "977.decap-cms.js", "decap-cms.js.map", "cms.js", "a.wasm"):
        (dist / name).write_text("//", encoding="utf-8")
    admin = export_admin(tmp_path / "out", tmp_path / "project", repo="campaign/sawt", auth_url="https://auth.example.org")
    assert sorted(p.name for p in admin.iterdir()) == [
        "977.decap-cms.js", "a.wasm", "config.json", "decap-cms.js", "index.html", "sawt-cms.js"]
    config = json.loads((admin / "config.json").read_text(encoding="utf-8"))
    assert config["backend"] == {**config["backend"], "name": "github", "repo": "campaign/sawt", "base_url": "https://auth.example.org"}
    assert config["publish_mode"] == "editorial_workflow" and "local_backend" not in config

    class Meta(HTMLParser):
        policy = ""

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy":
                Meta.policy = attrs["content"]

    Meta().feed((admin / "index.html").read_text(encoding="utf-8"))
    directives = dict(d.split(" ", 1) for d in Meta.policy.split("; "))
    allowed = set(directives["connect-src"].split()) - {"'self'"}
    assert allowed == {"https://api.github.com", "https://avatars.githubusercontent.com",
                       "https://raw.githubusercontent.com", "https://auth.example.org"}
    assert directives["default-src"] == "'self'" and directives["frame-src"] == "'none'"


@pytest.mark.parametrize("repo, auth_url, message", [
    ("campaign", "https://auth.example.org", "is not a GitHub repository"),
    ("campaign/sawt", "http://auth.example.org", "must be an https:// address"),
    ("campaign/sawt", "https://auth.example.org/path", "must be an https:// address"),
])
def test_the_export_refuses_a_bad_repository_or_sign_in_address(tmp_path, repo, auth_url, message):
    from sawt.volunteer.cms import export_admin

    with pytest.raises(CmsConfigError, match=message):
        export_admin(tmp_path / "out", tmp_path, repo=repo, auth_url=auth_url)


def test_every_page_folder_is_editable_in_its_own_language(tmp_path):
    """docs/en/news/x.md cannot be one entry of Decap's i18n folder mode (it wants docs/news/en/),
    so each section is offered once per language, its widgets pinned to that language."""
    from sawt.volunteer.cms import page_sections

    for code in LANGUAGES:
        (tmp_path / "docs" / code / "news").mkdir(parents=True)
    (tmp_path / "docs" / "ar" / "statements").mkdir()  # a section in one language only
    (tmp_path / "docs" / "en" / "about.md").write_text("---\ntitle: About\n---\n", encoding="utf-8")
    sections = page_sections(tmp_path)
    assert sections == ("news", "statements")
    collections = {c["name"]: c for c in decap_config(sections=sections)["collections"]}
    assert collections["pages"]["folder"] == "docs" and collections["pages"]["i18n"] is True
    for section in sections:
        for code in LANGUAGES:
            collection = collections[f"{section}-{code}"]
            assert collection["folder"] == f"docs/{code}/{section}" and "i18n" not in collection
            assert {field["language"] for field in collection["fields"]} == {code}
            assert [field["name"] for field in collection["fields"]] == ["title", "description", "body"]
            # A new page is named from its title: an Arabic title would never give the twin's name.
            assert collection["create"] is (code == "en")
