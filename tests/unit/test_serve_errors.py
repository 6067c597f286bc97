"""The serve-only error list: what it shows for the messages a build logs, and the addresses it adds."""

from __future__ import annotations

import json
import threading

from sawt.volunteer.serve_errors import (
    SCRIPT_PATH,
    STATUS_PATH,
    BuildStatus,
    ShownProblem,
    attach,
    problems_from_messages,
    with_build_errors,
)


def test_messages_are_split_into_file_line_and_text_without_the_heading():
    shown = problems_from_messages([
        "2 problems in 1 file in data/:\n"
        'data/cases/x.yml:6: status "deportd" is not one of at-risk, ...\n'
        "data/cases/x.yml: photo_alt is required when photo is set",
        "docs/ar/about.md:12: contains a link 'no-such.md', but the target is not found",
        "mkdocs.yml:88: the nav entry 'x.md' names a page that does not exist",
        "Config value 'theme': Unrecognised theme name: 'materiel'.",
    ])
    assert shown == [
        ShownProblem("data/cases/x.yml", 6, 'status "deportd" is not one of at-risk, ...'),
        ShownProblem("data/cases/x.yml", None, "photo_alt is required when photo is set"),
        ShownProblem("docs/ar/about.md", 12, "contains a link 'no-such.md', but the target is not found"),
        ShownProblem("mkdocs.yml", 88, "the nav entry 'x.md' names a page that does not exist"),
        ShownProblem(None, None, "Config value 'theme': Unrecognised theme name: 'materiel'."),
    ]


def test_a_crash_that_logged_nothing_is_still_shown():
    status = BuildStatus()
    status.begin()
    status.failed(KeyError("frames"))
    assert status.snapshot()["problems"] == [{"file": None, "line": None, "message": "KeyError: 'frames'"}]


def _call(app, path, query=""):
    got = {}

    def start_response(status, headers, exc_info=None):
        got.update(status=status, headers=dict(headers))

    body = b"".join(app({"PATH_INFO": path, "QUERY_STRING": query}, start_response))
    return got, body


def _site(content_type, body):
    def app(environ, start_response):
        start_response("200 OK", [("Content-Type", content_type), ("Content-Length", str(len(body)))])
        return [body]
    return app


def test_html_pages_get_the_overlay_script_and_other_files_are_untouched():
    status = BuildStatus()
    page = b"<html><body><p>x</p><script>livereload()</script></body></html>"
    got, body = _call(with_build_errors(_site("text/html", page), status, script=b"//"), "/about/")
    assert body == page.replace(b"</body>", f'<script src="{SCRIPT_PATH}"></script></body>'.encode())
    assert got["headers"]["Content-Length"] == str(len(body))
    css = b"body{}"
    assert _call(with_build_errors(_site("text/css", css), status, script=b"//"), "/a.css")[1] == css


def test_the_status_address_answers_from_memory_and_waits_for_news():
    status = BuildStatus()
    app = with_build_errors(_site("text/html", b""), status, script=b"//overlay")
    assert _call(app, SCRIPT_PATH)[1] == b"//overlay"
    first = json.loads(_call(app, STATUS_PATH)[1])
    assert first == {"generation": 0, "state": "ok", "problems": []}

    answer = {}
    waiting = threading.Thread(target=lambda: answer.update(json.loads(_call(app, STATUS_PATH, "after=0")[1])))
    waiting.start()
    status.begin()
    status.record('data/cases/x.yml:9: status "disapeared" is not one of ...')
    status.failed(RuntimeError("Aborted with a BuildError!"))
    waiting.join(timeout=30)
    assert answer["generation"] >= 1
    latest = json.loads(_call(app, STATUS_PATH)[1])
    assert latest["state"] == "failed"
    assert latest["problems"] == [{"file": "data/cases/x.yml", "line": 9, "message": 'status "disapeared" is not one of ...'}]


class _FakeServer:
    """The attributes of MkDocs 1.6's LiveReloadServer that attach() uses."""

    def __init__(self, builder):
        self.builder = builder
        self._epoch_cond = threading.Condition()
        self._visible_epoch, self._wanted_epoch = 1, 2  # a rebuild was started
        self.app = _site("text/html", b"<body></body>")

    def get_app(self):
        return self.app

    def set_app(self, app):
        self.app = app


def test_after_a_failed_build_the_server_serves_the_last_good_site_again():
    import logging

    def failing_build():
        logging.getLogger("sawt-test-serve").error("data/cases/x.yml:3: name is required")
        raise RuntimeError("Aborted with a BuildError!")

    server = _FakeServer(failing_build)
    status = attach(server, logger_name="sawt-test-serve")
    try:
        server.builder()
    except RuntimeError:
        pass
    assert server._wanted_epoch == server._visible_epoch == 1
    assert status.snapshot()["problems"] == [{"file": "data/cases/x.yml", "line": 3, "message": "name is required"}]
    assert b"/__sawt__/build-errors.js" in _call(server.app, "/")[1]


def test_a_preview_reloads_the_browsers_before_the_rebuild_and_the_rebuild_again_after():
    seen = {}

    def build():  # while the rebuild runs, pages are served (not held) and show the preview
        seen["during"] = (server._visible_epoch, server._wanted_epoch)

    server = _FakeServer(build)
    attach(server, logger_name="sawt-test-serve", preview=lambda: ["cases/x/", "ar/cases/x/"])
    server.builder()
    visible, wanted = seen["during"]
    assert visible == wanted > 1  # reloaded into the preview, and nothing held
    assert server._wanted_epoch > visible  # the build loop then shows the rebuilt site: a second reload


def test_without_anything_to_preview_the_old_site_is_served_during_the_rebuild_with_no_reload():
    seen = {}
    server = _FakeServer(lambda: seen.setdefault("during", (server._visible_epoch, server._wanted_epoch)))
    attach(server, logger_name="sawt-test-serve", preview=lambda: [])
    server.builder()
    assert seen["during"] == (1, 1)  # nothing new to show yet, nothing held
    assert server._wanted_epoch > 1  # reloaded once the rebuild has passed


def test_a_failing_preview_never_stops_the_rebuild():
    built = []

    def broken_preview():
        raise OSError("disk full")

    server = _FakeServer(lambda: built.append(True))
    attach(server, logger_name="sawt-test-serve", preview=broken_preview)
    server.builder()
    assert built == [True]
