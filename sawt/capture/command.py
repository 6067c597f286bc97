"""`python -m sawt archive`: capture, import, verify and re-check the sources (README: "Sources that last").

Every failure is one line naming the source id and where it is written; nothing half-written is
left in the archive folder (each capture is assembled in a hidden folder beside it, moved into
place whole, then recorded in the manifest, itself written atomically).
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from sawt.capture import package
from sawt.capture.fetch import DEFAULT_MAX_BYTES, DEFAULT_TIME_LIMIT, FetchError, fetch
from sawt.capture.text import html_encoding, html_text, is_html, is_pdf, pdf_text
from sawt.data.captures import Manifest, read_manifest, write_manifest
from sawt.data.load import SourceToCapture, sources_to_capture
from sawt.data.model import Capture, LiveCheck

IMPORTABLE = {".wacz": "WACZ", ".pdf": "PDF", ".html": "HTML", ".htm": "HTML", ".txt": "text copy",
              ".png": "screenshot", ".jpg": "screenshot", ".jpeg": "screenshot", ".webp": "screenshot"}


@dataclass
class Options:
    data_dir: Path
    folder: Path
    max_bytes: int = DEFAULT_MAX_BYTES
    time_limit: float = DEFAULT_TIME_LIMIT
    allow_private: bool = False


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%SZ")


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _label(source: SourceToCapture) -> str:
    cited = f", cited in {', '.join(source.cited_by)}" if source.cited_by else ""
    return f"{source.id} ({source.where}{cited})"


def _unique_stamp(target_dir: Path, moment: datetime, suffix: str) -> str:
    stamp = _stamp(moment)
    name, number = stamp, 1
    while any(target_dir.glob(f"{name}{suffix}*")):
        number += 1
        name = f"{stamp}-{number}"
    return name


class _Incoming:
    """A hidden folder in the archive folder where one capture is assembled; removed whatever happens."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.path = Path(tempfile.mkdtemp(dir=folder, prefix=".incoming-"))

    def __enter__(self) -> Path:
        return self.path

    def __exit__(self, *exc: object) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


def capture_source(source: SourceToCapture, options: Options, manifest: Manifest) -> Capture:
    """Fetch one source and add its capture to the archive folder and `manifest` (not yet written)."""
    moment = _now()
    with _Incoming(options.folder) as incoming:
        body = incoming / "body"
        fetched = fetch(source.url, body, max_bytes=options.max_bytes, time_limit=options.time_limit,
                        allow_private=options.allow_private)
        target_dir = options.folder / source.id
        target_dir.mkdir(parents=True, exist_ok=True)
        name = _unique_stamp(target_dir, moment, ".")
        warc = incoming / f"{name}.warc.gz"
        package.write_warc(fetched, warc, _iso(moment))
        wacz = incoming / f"{name}.wacz"
        package.write_wacz(warc, wacz, url=fetched.final_url, captured_at=_iso(moment), title=source.title)
        text_name, encoding = None, None
        head = body.read_bytes()[:8] if fetched.size else b""
        if is_html(fetched.content_type):
            raw = body.read_bytes()
            text, encoding = html_text(raw, fetched.content_type)
        elif is_pdf(fetched.content_type, fetched.final_url, head):
            text = pdf_text(body)
        else:
            text = None
        if text is not None:
            (incoming / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
            text_name = f"{source.id}/{name}.txt"
        capture = Capture(
            source=source.id, method="fetched", file=f"{source.id}/{name}.wacz", file_sha256=sha256_file(wacz),
            size=wacz.stat().st_size, captured_at=_iso(moment), url=source.url, final_url=fetched.final_url,
            status=fetched.status, content_type=fetched.content_type, body_sha256=fetched.body_sha256,
            text_file=text_name, text_encoding=encoding, tool="sawt archive", tool_version=package.tool_versions(),
            redirects=tuple((hop.url, hop.status) for hop in fetched.hops[:-1]))
        # Moved into place only once everything is written (text first: the WACZ is what counts).
        if text_name:
            (incoming / f"{name}.txt").replace(options.folder / text_name)
        wacz.replace(options.folder / capture.file)
    manifest.add(capture)
    return capture


def import_copy(source_id: str, file: Path, options: Options, manifest: Manifest, *, copied_by: str,
                captured_on: str | None, note: str | None) -> Capture:
    """Take a copy made elsewhere (a WACZ from ArchiveWeb.page, a PDF, an HTML file, a text copy or
    a screenshot) into the archive: hashed, dated by its import, "capture date unknown" unless given."""
    kind = IMPORTABLE.get(file.suffix.lower())
    if kind is None:
        raise FetchError(f"{file}: Sawt imports {', '.join(sorted(set(IMPORTABLE)))} files, not {file.suffix or 'this'}")
    if not file.is_file():
        raise FetchError(f"{file}: no such file")
    moment = _now()
    target_dir = options.folder / source_id
    with _Incoming(options.folder) as incoming:
        target_dir.mkdir(parents=True, exist_ok=True)
        name = _unique_stamp(target_dir, moment, "-import") + "-import"
        copy = incoming / f"{name}{file.suffix.lower()}"
        shutil.copyfile(file, copy)
        text, encoding = None, None
        raw = copy.read_bytes() if kind in ("HTML", "text copy") else b""
        if kind == "HTML":
            text, encoding = html_text(raw)
        elif kind == "PDF":
            text = pdf_text(copy)
        elif kind == "WACZ":
            problems = package.wacz_resource_mismatches(copy)
            if problems:
                raise FetchError(f"{file}: not a sound WACZ: {problems[0]}")
        text_name = None
        if kind == "text copy":
            encoding = "utf-8"
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError:
                encoding = html_encoding(raw)
            text_name = f"{source_id}/{copy.name}"
        elif text is not None:
            (incoming / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
            text_name = f"{source_id}/{name}.txt"
        capture = Capture(
            source=source_id, method="imported", file=f"{source_id}/{copy.name}", file_sha256=sha256_file(copy),
            size=copy.stat().st_size, captured_at=captured_on, imported_at=_iso(moment), copied_by=copied_by,
            note=note or f"{kind} made elsewhere and imported; "
                         + ("capture date as given" if captured_on else "capture date unknown"),
            text_file=text_name, text_encoding=encoding, tool="sawt archive --import", tool_version="")
        if text_name and kind != "text copy":
            (incoming / f"{name}.txt").replace(options.folder / text_name)
        copy.replace(options.folder / capture.file)
    manifest.add(capture)
    return capture


def verify(folder: Path, manifest: Manifest) -> list[str]:
    """Every capture re-hashed: one line per mismatch (file, expected, actual), or missing file."""
    problems = []
    for capture in manifest.captures:
        path = folder / capture.file
        shown = f"{folder.as_posix().rstrip('/')}/{capture.file}"
        if not path.is_file():
            problems.append(f"{shown}: missing (the manifest expects sha256 {capture.file_sha256})")
            continue
        actual = sha256_file(path)
        if actual != capture.file_sha256:
            problems.append(f"{shown}: expected sha256 {capture.file_sha256}, actual {actual}")
        if capture.is_wacz:
            problems += [f"{shown}: {line}" for line in package.wacz_resource_mismatches(path)]
    return problems


def check_live(source: SourceToCapture, options: Options, manifest: Manifest) -> LiveCheck:
    """Fetch the original again: gone (4xx, 5xx, no such name), changed (another body), or online."""
    moment = _iso(_now())
    with _Incoming(options.folder) as incoming:
        try:
            fetched = fetch(source.url, incoming / "body", max_bytes=options.max_bytes,
                            time_limit=options.time_limit, allow_private=options.allow_private)
        except FetchError as error:
            if error.kind in ("status", "dns"):
                return LiveCheck(moment, "gone", str(error))
            raise
    known = [c.body_sha256 for c in manifest.for_source(source.id) if c.body_sha256]
    if known and fetched.body_sha256 != known[-1]:
        return LiveCheck(moment, "changed", f"the body's sha256 is now {fetched.body_sha256}, was {known[-1]}")
    return LiveCheck(moment, "online")


def run(options: Options, ids: list[str], *, again: list[str], import_: tuple[str, Path] | None, do_verify: bool,
        live: bool, copied_by: str | None, captured_on: str | None, note: str | None) -> int:
    """The command; returns its exit status (1 if anything failed, 2 for a bad request)."""
    folder = options.folder
    shown = f"{folder.as_posix().rstrip('/')}/"
    try:
        manifest = read_manifest(folder)
    except Exception as error:  # ManifestError: one line
        print(f"error: {error}")
        return 2
    if do_verify:
        problems = verify(folder, manifest)
        for line in problems:
            print(line)
        if problems:
            print(f"{len(problems)} mismatch{'es' if len(problems) != 1 else ''} in {shown}: a capture was changed "
                  "or damaged after it was made; restore it from git or a backup")
            return 1
        print(f"{shown}: all {len(manifest.captures)} captures match their SHA-256")
        return 0

    sources = {source.id: source for source in sources_to_capture(options.data_dir)}
    if import_ is not None:
        source_id, file = import_
        if not copied_by:
            print("error: say who made the copy: --copied-by \"name or organisation\" (write \"unknown\" if nobody knows)")
            return 2
        try:
            capture = import_copy(source_id, file, options, manifest, copied_by=copied_by, captured_on=captured_on, note=note)
        except FetchError as error:
            print(f"{source_id}: {error}")
            return 1
        write_manifest(folder, manifest)
        print(f"imported {file} as {shown}{capture.file} (sha256 {capture.file_sha256[:12]}…; "
              f"captured {capture.captured_at or 'on an unknown date'})")
        return 0

    unknown = [i for i in [*ids, *again] if i not in sources]
    if unknown:
        print(f"error: no source with a url has the id {', '.join(unknown)}")
        return 2
    chosen = [sources[i] for i in (ids or again)] if (ids or again) else list(sources.values())
    failures = 0
    if live:
        for source in chosen:
            if not manifest.for_source(source.id):
                continue
            try:
                result = check_live(source, options, manifest)
            except FetchError as error:
                print(f"{_label(source)}: not checked: {error}")
                failures += 1
                continue
            manifest.live[source.id] = result
            print(f"{source.id}: {result.state}" + (f" ({result.detail})" if result.detail else ""))
        write_manifest(folder, manifest)
        return 1 if failures else 0

    captured = 0
    for source in chosen:
        if manifest.for_source(source.id) and source.id not in again:
            continue  # captured already: --again ID adds another capture
        try:
            capture = capture_source(source, options, manifest)
        except FetchError as error:
            print(f"{_label(source)}: {error}")
            failures += 1
            continue
        write_manifest(folder, manifest)  # after each one, so an interrupted run keeps what it made
        captured += 1
        print(f"captured {source.id}: {shown}{capture.file} (sha256 {capture.file_sha256[:12]}…)")
    print(f"{captured} captured, {failures} failed, {len(chosen) - captured - failures} had a capture already")
    return 1 if failures else 0
