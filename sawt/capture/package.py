"""Package a fetch as a WACZ file: WARC records (warcio), then Webrecorder's `wacz` tool adds the
CDXJ index, the page list and datapackage.json with a SHA-256 of every resource.

Every hop is a request record and a response record, so a replay (ReplayWeb.page) follows the
redirects as the capture did. The body was fetched with `Accept-Encoding: identity` and is stored
as received; a Content-Encoding or Transfer-Encoding the client undid is taken out of the stored
headers (the original value kept as X-Sawt-Original-…), so the stored headers describe the stored bytes.
"""

from __future__ import annotations

import contextlib
import io
import json
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sawt.capture.fetch import Fetched

_UNDONE = {"content-encoding", "transfer-encoding", "content-length"}


def tool_versions() -> str:
    from importlib.metadata import version

    return f"warcio {version('warcio')}, wacz {version('wacz')}"


def _response_headers(headers: list[tuple[str, str]], size: int) -> list[tuple[str, str]]:
    kept = [(name, value) for name, value in headers if name.lower() not in _UNDONE]
    undone = [(f"X-Sawt-Original-{name}", value) for name, value in headers
              if name.lower() in ("content-encoding", "transfer-encoding")]
    return kept + undone + [("Content-Length", str(size))]


def write_warc(fetched: Fetched, warc_path: Path, captured_at: str) -> None:
    """The WARC file of a fetch (gzip per record, as WACZ expects)."""
    with open(warc_path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        info = writer.create_warcinfo_record(warc_path.name, {"software": f"Sawt ({tool_versions()})",
                                                              "format": "WARC File Format 1.1"})
        writer.write_record(info)
        for number, hop in enumerate(fetched.hops):
            final = number == len(fetched.hops) - 1
            target = urlsplit(hop.url)
            path = (target.path or "/") + (f"?{target.query}" if target.query else "")
            request_headers = [("Host", target.netloc), *[(k, v) for k, v in hop.request_headers if k.lower() != "host"]]
            request = writer.create_warc_record(
                hop.url, "request", payload=io.BytesIO(b""),
                http_headers=StatusAndHeaders(f"GET {path} {fetched.protocol}", request_headers, is_http_request=True),
                warc_headers_dict={"WARC-Date": captured_at})
            writer.write_record(request)
            body = open(fetched.body_path, "rb") if final else io.BytesIO(b"")
            size = fetched.size if final else 0
            with body:
                response = writer.create_warc_record(
                    hop.url, "response", payload=body, length=None,
                    http_headers=StatusAndHeaders(f"{hop.status} {hop.reason}".strip(),
                                                  _response_headers(hop.headers, size), protocol=fetched.protocol),
                    warc_headers_dict={"WARC-Date": captured_at})
                writer.write_record(response)


def write_wacz(warc_path: Path, wacz_path: Path, *, url: str, captured_at: str, title: str) -> None:
    """Package `warc_path` as `wacz_path` with Webrecorder's tool (its chatter kept off the terminal)."""
    from wacz.main import main as wacz_main

    # The page list is ours: one page, the source as fetched (the tool's own detection drops a
    # page no other record refers to, which a single capture always is).
    pages = warc_path.parent / "pages.jsonl"
    pages.write_text(json.dumps({"format": "json-pages-1.0", "id": "pages", "title": "All Pages"}) + "\n"
                     + json.dumps({"id": "source", "url": url, "ts": captured_at, "title": title[:200] or url},
                                  ensure_ascii=False) + "\n", encoding="utf-8")
    chatter = io.StringIO()
    with contextlib.redirect_stdout(chatter), contextlib.redirect_stderr(chatter):
        code = wacz_main(["create", "-o", str(wacz_path), str(warc_path), "--pages", str(pages),
                          "--title", title[:200] or url, "--hash-type", "sha256"])
    if code not in (0, None) or not wacz_path.is_file():
        raise RuntimeError(f"the wacz tool could not package {warc_path.name}: {chatter.getvalue().strip()[-500:]}")


def wacz_resource_mismatches(wacz_path: Path) -> list[str]:
    """Each resource of a WACZ whose SHA-256 differs from its datapackage.json (one line each);
    a WACZ that cannot be opened is one line too."""
    import hashlib

    problems = []
    try:
        with zipfile.ZipFile(wacz_path) as package:
            described = json.loads(package.read("datapackage.json"))
            for resource in described.get("resources", []):
                expected = str(resource.get("hash", "")).removeprefix("sha256:")
                digest = hashlib.sha256()
                with package.open(resource["path"]) as member:
                    for chunk in iter(lambda: member.read(1 << 20), b""):
                        digest.update(chunk)
                if digest.hexdigest() != expected:
                    problems.append(f"{resource['path']} inside: expected sha256 {expected}, actual {digest.hexdigest()}")
    except (OSError, KeyError, ValueError, zipfile.BadZipFile) as error:
        problems.append(f"cannot be read as a WACZ ({error})")
    return problems
