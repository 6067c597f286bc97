"""Shared fixtures: one strict build of the sample site per test run, a local
server for it, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
#: The address test builds pretend to be published at. SAWT_TEST_SITE_URL runs the suite as a
#: mirror under a sub-path would be built (make test does so for tests/build).
SITE_URL = os.environ.get("SAWT_TEST_SITE_URL", "https://sawt.example.org/")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-features=Translate,OptimizationHints,MediaRouter",
    # Shared memory under /tmp, not /dev/shm: a container's /dev/shm is often 64 MB, and a
    # renderer that cannot get its memory there can hang where Playwright has no timeout
    # (new_page, close). A suspect for the hang that ran stop 30's CI into its limit.
    "--disable-dev-shm-usage",
]


def build_site(
    project: Path, site_dir: Path, env_extra: dict[str, str] | None = None, *, strict: bool = True
) -> subprocess.CompletedProcess[str]:
    """Run a strict MkDocs build the way `make build` does (or, to see what a
    non-strict build would publish, a non-strict one)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SAWT_SITE_URL": SITE_URL, **(env_extra or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict" if strict else "--no-strict", "--site-dir", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


@pytest.fixture(scope="session")
def site_dir() -> Path:
    out = ARTIFACTS / "site"
    shutil.rmtree(out, ignore_errors=True)
    result = build_site(ROOT, out)
    log = result.stdout + result.stderr
    (ARTIFACTS / "build.log").write_text(log, encoding="utf-8")
    assert result.returncode == 0, f"strict build failed:\n{log[-4000:]}"
    warnings = [line for line in log.splitlines() if line.startswith(("WARNING", "ERROR"))]
    assert warnings == [], "the build printed warnings:\n" + "\n".join(warnings)
    return out


class _SiteHandler(SimpleHTTPRequestHandler):
    """Serves the built site like a static host: 404.html for a missing path."""

    def log_message(self, format: str, *args: object) -> None:  # keep test output clean
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code == 404 and page.exists():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().send_error(code, message, explain)


def serve(directory: Path) -> tuple[ThreadingHTTPServer, str]:
    handler = functools.partial(_SiteHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="session")
def base_url(site_dir: Path):
    server, url = serve(site_dir)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (make test does it as root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture()
def phone_page(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    yield page
    context.close()


def screenshot(page, name: str) -> Path:
    """Keep a screenshot as a test artefact (test-artifacts/screenshots/)."""
    path = ARTIFACTS / "screenshots" / f"{name}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=True)
    return path


@contextlib.contextmanager
def local_server(
    command: Callable[[int], list[str]], project: Path, *, ready_path: str, name: str,
    start_timeout: float, env: dict[str, str] | None = None,
) -> Iterator[str]:
    """Start `command(port)` on a free loopback port in `project`, wait until `ready_path`
    answers (a bound on the start, not a measurement), yield its address, and stop it
    with its whole process group. The server's output goes to `project/<name>.log`."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log_path = project / f"{name.split()[-1]}.log"
    with log_path.open("w") as log:
        server = subprocess.Popen(command(port), cwd=project, env=env, stdout=log,
                                  stderr=subprocess.STDOUT, start_new_session=True)
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + start_timeout
        while True:
            try:
                urllib.request.urlopen(url + ready_path, timeout=5).read()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    server.kill()
                    pytest.fail(f"{name} did not start:\n" + log_path.read_text()[-3000:])
                time.sleep(0.3)
        try:
            yield url
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)


#: A fictional, reserved-domain address (RFC 2606) given to one appeal target in a copy of
#: the sample project: no seed gives a real one, so the sample itself has no send button.
APPEAL_TEST_EMAIL = "appeal-test@example.org"


@pytest.fixture(scope="session")
def appeal_email_site(tmp_path_factory) -> Path:
    """The sample site built once more, with its Saleh al-Samar appeal given a fictional
    email target and a deadline, so that the send buttons and deadline can be seen."""
    from bench.build_bench import copy_project

    project = copy_project(tmp_path_factory.mktemp("appeal-email") / "project")
    appeals = project / "data" / "appeals.yml"
    text = appeals.read_text(encoding="utf-8")
    government = (
        '      no_email:\n'
        '        en: "SNHR\'s statement addresses the government but gives no email or postal address, and we do not guess one."\n'
        '        ar: "يتوجّه بيان الشبكة السورية لحقوق الإنسان إلى الحكومة لكنه لا يذكر بريداً إلكترونياً ولا عنواناً بريدياً، ونحن لا نخمّن عنواناً."\n'
    )
    assert government in text, "data/appeals.yml changed: update the appeal_email_site fixture"
    text = text.replace(government, f"      email: {APPEAL_TEST_EMAIL}\n")
    text = text.replace("- id: saleh-al-samar\n", "- id: saleh-al-samar\n  deadline: 2099-01-01\n")
    appeals.write_text(text, encoding="utf-8")
    out = ARTIFACTS / "site-appeal-email"
    shutil.rmtree(out, ignore_errors=True)
    result = build_site(project, out)
    assert result.returncode == 0, f"strict build failed:\n{(result.stdout + result.stderr)[-4000:]}"
    return out


@pytest.fixture(scope="session")
def appeal_email_url(appeal_email_site: Path):
    server, url = serve(appeal_email_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def sample_zim(site_dir: Path) -> Path:
    """The session's build written as a ZIM file, as `make zim` writes it (no second build)."""
    from datetime import date

    from sawt.outputs.zim import write_zim

    out = ARTIFACTS / "sawt.zim"
    write_zim(site_dir, out, built=date(2026, 12, 3))
    return out
