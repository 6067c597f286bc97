"""Under `make serve`, a failed rebuild shows its problems in the page the volunteer is looking at.

MkDocs 1.6's development server (mkdocs/livereload/__init__.py) keeps the last good
site when a rebuild fails, but it prints the errors only in the terminal, and it holds
every request while a rebuild runs and until a build passes, so a reload or a click
"hangs". `attach` changes three things on that server, and nothing in any built file:

- the builder is wrapped: the warnings and errors logged during a rebuild (Sawt's and
  MkDocs' own, already in the form `data/cases/x.yml:6: ...`) are kept; while a rebuild
  runs, and after a failure, the server serves the site it has (Sawt builds into a staging
  folder and swaps it in whole, so that site is always complete) instead of holding
  requests; with a `preview` (sawt/engine/preview.py), the pages of an edited case are
  rewritten and the browsers reloaded before the rebuild starts, and reloaded again when
  it has passed;
- two addresses answer from memory: STATUS_PATH (the last rebuild's outcome, as JSON,
  held open until it changes) and SCRIPT_PATH (serve_errors.js, which lays the list
  over the page in the page's language and direction);
- each HTML page is served with a <script> for SCRIPT_PATH before </body>, as the
  server already does with its own live-reload script.

When the file is fixed, the next build passes and the server's own live reload
reloads the page. Nothing here imports MkDocs: the server is used through the
attributes that version has (builder, get_app/set_app, _epoch_cond, _wanted_epoch,
_visible_epoch); tests/browser/test_serve_errors.py drives a real `mkdocs serve`.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
from dataclasses import asdict, dataclass
from importlib import resources
from typing import Any, Callable, Iterable
from urllib.parse import parse_qs

STATUS_PATH = "/__sawt__/build-status"
SCRIPT_PATH = "/__sawt__/build-errors.js"
#: How long a status request waits for a change before answering with what it has.
LONG_POLL_SECONDS = 25.0

# "data/cases/x.yml:6: message", "mkdocs.yml:88: message" or "docs/en/x.md: message".
_LOCATED = re.compile(r"^(?P<file>[^\s:]+\.[A-Za-z0-9]+):(?:(?P<line>\d+):)? (?P<message>.+)$")


@dataclass(frozen=True)
class ShownProblem:
    """One line of the list: where (when the message says) and what."""

    file: str | None
    line: int | None
    message: str


def problems_from_messages(messages: Iterable[str]) -> list[ShownProblem]:
    """Each message's lines, split into file, line and text where they name them
    (a data error lists every problem of every file, one per line)."""
    problems: list[ShownProblem] = []
    for message in messages:
        lines = [text.strip() for text in message.splitlines() if text.strip()]
        if len(lines) > 1 and lines[0].endswith(":") and not _LOCATED.match(lines[0]):
            lines = lines[1:]  # a heading such as "2 problems in 1 file in data/:" (the list counts them)
        for text in lines:
            if match := _LOCATED.match(text):
                line = match.group("line")
                problem = ShownProblem(match.group("file"), int(line) if line else None, match.group("message"))
            else:
                problem = ShownProblem(None, None, text)
            if problem not in problems:
                problems.append(problem)
    return problems


class BuildStatus:
    """The outcome of the latest rebuild, shared by the build thread and the request threads."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self.generation = 0  # counts every change, so a waiting page knows it has news
        self.state = "ok"  # "ok", "building" or "failed"
        self.problems: list[ShownProblem] = []
        self._messages: list[str] = []

    @property
    def building(self) -> bool:
        return self.state == "building"

    def begin(self) -> None:
        with self._changed:
            self._messages = []
            self._set("building", self.problems)

    def record(self, message: str) -> None:
        with self._changed:
            if self.building:
                self._messages.append(message)

    def previewed(self) -> None:
        """The edit being rebuilt passed the archive's checks and is shown already (a preview
        needs every change since the last good site to be a case edit): the last failure's
        list no longer applies while the rebuild runs."""
        with self._changed:
            self._set("building", [])

    def passed(self) -> None:
        with self._changed:
            self._set("ok", [])

    def failed(self, error: BaseException) -> None:
        with self._changed:
            messages = list(self._messages)
            if not messages:  # nothing was logged (e.g. a crash): the error is all there is to show
                messages.append(f"{type(error).__name__}: {error}" if str(error) else type(error).__name__)
            self._set("failed", problems_from_messages(messages))

    def _set(self, state: str, problems: list[ShownProblem]) -> None:
        self.state, self.problems = state, problems
        self.generation += 1
        self._changed.notify_all()

    def snapshot(self, *, after: int | None = None, timeout: float = LONG_POLL_SECONDS) -> dict[str, Any]:
        """The status as JSON data; with `after`, wait (up to `timeout`) until it is newer than that."""
        with self._changed:
            if after is not None:
                self._changed.wait_for(lambda: self.generation != after, timeout=timeout)
            return {"generation": self.generation, "state": self.state, "problems": [asdict(p) for p in self.problems]}


class _ProblemLog(logging.Handler):
    """Keeps what a rebuild logs at warning level or above (strict mode fails on any of them)."""

    def __init__(self, status: BuildStatus) -> None:
        super().__init__(level=logging.WARNING)
        self.status = status

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.status.record(record.getMessage())
        except Exception:  # a log call must never break the build
            self.handleError(record)


def overlay_script() -> bytes:
    return resources.files("sawt.volunteer").joinpath("serve_errors.js").read_bytes()


def with_build_errors(app: Callable, status: BuildStatus, *, script: bytes | None = None) -> Callable:
    """A WSGI app around the server's own: it answers STATUS_PATH and SCRIPT_PATH, and adds the
    overlay script to every HTML page it serves."""
    script = overlay_script() if script is None else script
    tag = f'<script src="{SCRIPT_PATH}"></script>'.encode()

    def app_with_build_errors(environ: dict, start_response: Callable) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path == STATUS_PATH:
            after = parse_qs(environ.get("QUERY_STRING", "")).get("after", [""])[0]
            data = status.snapshot(after=int(after) if after.lstrip("-").isdigit() else None)
            return _respond(start_response, json.dumps(data, ensure_ascii=False).encode(), "application/json; charset=utf-8")
        if path == SCRIPT_PATH:
            return _respond(start_response, script, "application/javascript; charset=utf-8")
        captured: dict[str, Any] = {}

        def capture(status_line: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Callable:
            captured.update(status=status_line, headers=headers, exc_info=exc_info)
            return lambda data: None  # the server's app never uses write()

        body = app(environ, capture)
        headers = captured.get("headers", [])
        content_type = next((v for k, v in headers if k.lower() == "content-type"), "")
        if not content_type.startswith("text/html"):
            start_response(captured["status"], headers, captured.get("exc_info"))
            return body
        try:
            html = b"".join(body)
        finally:
            if hasattr(body, "close"):
                body.close()
        end = html.rfind(b"</body>")
        html = html[:end] + tag + html[end:] if end != -1 else html + tag
        headers = [(k, v) for k, v in headers if k.lower() != "content-length"] + [("Content-Length", str(len(html)))]
        start_response(captured["status"], headers, captured.get("exc_info"))
        return [html]

    return app_with_build_errors


def _respond(start_response: Callable, body: bytes, content_type: str) -> list[bytes]:
    start_response("200 OK", [("Content-Type", content_type), ("Content-Length", str(len(body))),
                              ("Cache-Control", "no-store")])
    return [body]


def _serve_last_good_site(server: Any) -> None:
    """The server holds every request while `_wanted_epoch` (the build it waits for) is ahead
    of `_visible_epoch` (the last good one); the site it has is whole, so say none is awaited."""
    with server._epoch_cond:
        server._wanted_epoch = server._visible_epoch
        server._epoch_cond.notify_all()


def _reload_browsers(server: Any, *, now: bool) -> None:
    """A new version of the site for the pages that wait on the server's live-reload
    address: shown `now`, or once the build loop finishes (it then sets the visible epoch
    to the wanted one). Epochs are the server's clock in milliseconds."""
    with server._epoch_cond:
        epoch = max(round(time.monotonic() * 1000), server._visible_epoch + 1)
        server._wanted_epoch = epoch
        if now:
            server._visible_epoch = epoch
        server._epoch_cond.notify_all()


def attach(server: Any, *, logger_name: str = "mkdocs", preview: Callable[[], list[str]] | None = None) -> BuildStatus:
    """Report each rebuild of the development `server` to the pages it serves; with
    `preview`, show what it rewrote before the rebuild (see module doc)."""
    status = BuildStatus()
    log = logging.getLogger(logger_name)
    log.addHandler(_ProblemLog(status))
    build = server.builder

    def build_and_report() -> None:
        status.begin()
        _serve_last_good_site(server)  # during the rebuild too: the site being served stays whole
        if preview is not None:
            try:
                shown = preview()
            except Exception:  # a preview is a head start, never a reason to skip the rebuild
                log.debug("sawt: preview failed", exc_info=True)
                shown = []
            if shown:
                log.info("Showing %d edited page(s) while the site rebuilds", len(shown))
                status.previewed()
                _reload_browsers(server, now=True)
        try:
            build()
        except Exception as error:
            status.failed(error)
            _serve_last_good_site(server)
            raise  # the server prints it in the terminal too
        status.passed()
        _reload_browsers(server, now=False)

    server.builder = build_and_report
    server.set_app(with_build_errors(server.get_app(), status))
    return status
