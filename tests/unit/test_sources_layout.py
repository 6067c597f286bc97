"""Sources split over data/sources/*.yml, beside or instead of data/sources.yml: the same
checks, the same limits for each file, and an id written twice named at both places."""

from __future__ import annotations

from pathlib import Path

import pytest

from sawt.data.errors import DataError
from sawt.data.load import check_archive, read_case_references, source_file_paths
from sawt.data.yamldoc import MAX_LIST_FILE_BYTES

from .test_corpus_data import billion_laughs
from .test_load_fixtures import MINIMAL_CASE, TODAY, write_archive

CITING = MINIMAL_CASE + "sources: [report-one, from-folder-a, from-folder-b]\n"


def _source(source_id: str) -> str:
    return f'- id: {source_id}\n  title: "A fictional report"\n  publisher: "Fictional Rights Group"\n'


def _split(root: Path, files: dict[str, str], *, sources_yml: str | None = None, cases: dict[str, str] | None = None) -> Path:
    data = write_archive(root, cases={"x": CITING} if cases is None else cases,
                         sources=sources_yml, figures=None, events=None)
    (data / "sources").mkdir()
    for name, text in files.items():
        (data / "sources" / name).write_text(text, encoding="utf-8")
    return data


def test_sources_from_both_layouts_are_one_registry(tmp_path: Path) -> None:
    data = _split(tmp_path, {"b-publisher.yml": _source("from-folder-b"), "a-publisher.yaml": _source("from-folder-a")},
                  sources_yml=_source("report-one"))
    assert [p.name for p in source_file_paths(data)] == ["sources.yml", "a-publisher.yaml", "b-publisher.yml"]
    [case] = check_archive(data, today=TODAY).archive.cases
    assert [s.id for s in case.sources] == ["report-one", "from-folder-a", "from-folder-b"]
    assert read_case_references(data, TODAY).source_ids.keys() == {"report-one", "from-folder-a", "from-folder-b"}


def test_the_folder_alone_is_enough(tmp_path: Path) -> None:
    data = _split(tmp_path, {"all.yml": _source("report-one") + _source("from-folder-a") + _source("from-folder-b")})
    assert not (data / "sources.yml").exists()
    assert len(check_archive(data, today=TODAY).archive.cases) == 1


def test_an_id_in_two_files_names_both_files_and_lines(tmp_path: Path) -> None:
    data = _split(tmp_path, {"a.yml": _source("from-folder-a") + _source("report-one"),
                             "b.yml": _source("from-folder-b")}, sources_yml=_source("report-one"))
    with pytest.raises(DataError) as raised:
        check_archive(data, today=TODAY)
    assert str(raised.value).splitlines() == [
        'data/sources/a.yml:4: id "report-one" is used twice (first on data/sources.yml:1); give each source its own id']


def test_an_unknown_id_says_where_sources_may_be(tmp_path: Path) -> None:
    data = _split(tmp_path, {"a.yml": _source("from-folder-a")}, sources_yml=_source("report-one"))
    with pytest.raises(DataError) as raised:
        check_archive(data, today=TODAY)
    assert 'sources[3] "from-folder-b" is not an id in data/sources.yml or data/sources/' in str(raised.value)


def test_each_file_keeps_the_list_file_limits(tmp_path: Path) -> None:
    huge = _source("from-folder-b") + "# " + "x" * MAX_LIST_FILE_BYTES + "\n"
    data = _split(tmp_path, {"a.yml": _source("from-folder-a"), "b.yml": huge, "c.yml": billion_laughs()},
                  sources_yml=_source("report-one"))
    with pytest.raises(DataError) as raised:
        check_archive(data, today=TODAY)
    message = str(raised.value)
    assert ("data/sources/b.yml: the file is larger than the 10 MB allowed for a list file; split it: move some "
            "of its sources into files data/sources/<name>.yml (one a publisher, for example), each under the limit"
            ) in message
    assert "data/sources/c.yml" in message
    # An unreadable source file: its ids cannot be judged, so no case is blamed for citing them.
    assert "from-folder-b" not in message
