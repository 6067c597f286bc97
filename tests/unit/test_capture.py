"""make archive against a loopback server of fixture pages (tests/capture_fixture/server.py):
what a maintainer gets in archive/, and what the capture refuses to do."""

from __future__ import annotations

import json
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from sawt.capture import fetch as fetch_module
from sawt.capture.command import Options, run
from sawt.capture.fetch import FetchError, fetch
from sawt.data.captures import read_manifest
from tests.capture_fixture.server import ARABIC, FixtureServer, Handler


@pytest.fixture(scope="module")
def server():
    with FixtureServer() as running:
        yield running


def _project(tmp_path: Path, base: str, paths: dict[str, str]) -> Path:
    data = tmp_path / "data"
    (data / "cases").mkdir(parents=True)
    (data / "sources.yml").write_text("".join(
        f"- id: {source_id}\n  title: \"{source_id}\"\n  publisher: Fixture\n  url: {base}{path}\n"
        for source_id, path in paths.items()), encoding="utf-8")
    return data


def _run(data: Path, *ids: str, **kwargs) -> int:
    time_limit = kwargs.pop("time_limit", 5)
    defaults = dict(again=[], import_=None, do_verify=False, live=False, copied_by=None, captured_on=None, note=None)
    defaults.update(kwargs)
    options = Options(data_dir=data, folder=data.parent / "archive", time_limit=time_limit, allow_private=True)
    return run(options, list(ids), **defaults)


def test_a_capture_is_a_wacz_with_its_hashes_in_the_manifest(tmp_path, server, capsys):
    data = _project(tmp_path, server.base, {"chain": "/r1", "arabic-1256": "/cp1256", "report": "/report.pdf"})
    assert _run(data) == 0
    manifest = json.loads((tmp_path / "archive" / "manifest.json").read_text(encoding="utf-8"))
    by_source = {entry["source"]: entry for entry in manifest["captures"]}
    chain = by_source["chain"]
    assert chain["url"].endswith("/r1") and chain["final_url"].endswith("/utf8") and chain["status"] == 200
    assert [status for _, status in chain["redirects"]] == [301, 302]
    assert chain["captured_at"].endswith("Z") and len(chain["body_sha256"]) == 64 and len(chain["file_sha256"]) == 64
    assert "warcio" in chain["tool_version"] and "wacz" in chain["tool_version"]
    with zipfile.ZipFile(tmp_path / "archive" / chain["file"]) as package:
        assert {"datapackage.json", "pages/pages.jsonl"} <= set(package.namelist())
        resources = json.loads(package.read("datapackage.json"))["resources"]
        assert all(resource["hash"].startswith("sha256:") for resource in resources)
    # The windows-1256 page reads as Arabic, not as mojibake.
    arabic = by_source["arabic-1256"]
    assert arabic["text_encoding"] == "cp1256"
    assert ARABIC in (tmp_path / "archive" / arabic["text_file"]).read_text(encoding="utf-8")
    assert "fixture PDF" in (tmp_path / "archive" / by_source["report"]["text_file"]).read_text(encoding="utf-8")
    # A second run captures nothing new; --again adds a second, dated capture and keeps the first.
    assert _run(data) == 0
    assert "0 captured" in capsys.readouterr().out
    assert _run(data, again=["chain"]) == 0
    assert len(read_manifest(tmp_path / "archive").for_source("chain")) == 2
    assert not [p for p in (tmp_path / "archive").iterdir() if p.name.startswith(".")]  # nothing half-written


def test_verify_names_the_changed_file_and_both_hashes(tmp_path, server, capsys):
    data = _project(tmp_path, server.base, {"page": "/utf8"})
    assert _run(data) == 0
    entry = read_manifest(tmp_path / "archive").captures[0]
    assert _run(data, do_verify=True) == 0
    wacz = tmp_path / "archive" / entry.file
    damaged = bytearray(wacz.read_bytes())
    damaged[len(damaged) // 2] ^= 0x01
    wacz.write_bytes(bytes(damaged))
    capsys.readouterr()
    assert _run(data, do_verify=True) == 1
    out = capsys.readouterr().out
    assert f"{entry.file}: expected sha256 {entry.file_sha256}, actual " in out


@pytest.mark.parametrize("path, says", [
    ("/missing", "answered 404"),
    ("/hang", "time limit"),
])
def test_a_failure_is_one_line_with_the_source_and_where_it_is_written(tmp_path, server, capsys, path, says):
    data = _project(tmp_path, server.base, {"broken": path})
    assert _run(data, time_limit=1.5) == 1
    lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith("broken")]
    assert len(lines) == 1 and "data/sources.yml:1" in lines[0] and says in lines[0]
    assert not (tmp_path / "archive" / "broken").exists() or not any((tmp_path / "archive" / "broken").iterdir())


def test_a_200_mb_body_is_cut_at_the_limit_while_streaming_never_held(tmp_path, server):
    Handler.sent_of_huge = 0
    tracemalloc.start()
    with pytest.raises(FetchError, match="too big"):
        fetch(server.base + "/huge", tmp_path / "body", max_bytes=8 * 1024 * 1024, allow_private=True)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 4 * 1024 * 1024  # streamed in 64 KiB chunks, not read whole
    assert Handler.sent_of_huge < 100 * 1024 * 1024  # the reader hung up long before 200 MB


def test_loopback_and_other_schemes_are_refused_without_allow_private(tmp_path, server):
    with pytest.raises(FetchError, match="loopback address: refused"):
        fetch(server.base + "/utf8", tmp_path / "body")
    with pytest.raises(FetchError, match="loopback"):
        fetch(server.base.replace("127.0.0.1", "localhost") + "/utf8", tmp_path / "body")
    with pytest.raises(FetchError, match="only http:// and https://"):
        fetch("file:///etc/passwd", tmp_path / "body")
    for address in ("10.0.0.1", "192.168.1.1", "169.254.169.254", "::1", "fd00:ec2::254", "::ffff:127.0.0.1", "100.64.0.1"):
        assert fetch_module.address_refused(address), address
    assert fetch_module.address_refused("93.184.215.14") is None


def test_a_redirect_to_a_private_address_is_refused_at_that_hop(tmp_path, server, monkeypatch):
    # The fixture server is on loopback: let that one address through, and nothing else.
    original = fetch_module.address_refused
    monkeypatch.setattr(fetch_module, "address_refused", lambda a: None if a == "127.0.0.1" else original(a))
    with pytest.raises(FetchError, match="169.254.169.254.*link-local.*refused"):
        fetch(server.base + "/to-private", tmp_path / "body")
    with pytest.raises(FetchError, match="only http:// and https://"):
        fetch(server.base + "/to-file", tmp_path / "body")


def test_import_records_who_made_the_copy_and_an_unknown_capture_date(tmp_path, server, capsys):
    data = _project(tmp_path, server.base, {"page": "/utf8"})
    seed = tmp_path / "copy.txt"
    seed.write_text(ARABIC + "\n", encoding="utf-8")
    assert _run(data, import_=("page", seed), copied_by="a researcher") == 0
    entry = read_manifest(tmp_path / "archive").for_source("page")[0]
    assert entry.method == "imported" and entry.captured_at is None and entry.copied_by == "a researcher"
    assert "capture date unknown" in entry.note and entry.imported_at
    assert _run(data, import_=("page", seed)) == 2  # who made it must be said
    assert "--copied-by" in capsys.readouterr().out


def test_check_live_reports_a_source_that_is_gone(tmp_path, server, capsys):
    data = _project(tmp_path, server.base, {"page": "/utf8"})
    assert _run(data) == 0
    (data / "sources.yml").write_text((data / "sources.yml").read_text().replace("/utf8", "/missing"))
    # the manifest's capture is of the old address; check-live fetches the source's address now
    assert _run(data, live=True) == 0
    assert read_manifest(tmp_path / "archive").live["page"].state == "gone"
    assert "page: gone" in capsys.readouterr().out
