"""`make serve` at scale: how long after a volunteer saves a case file the page shows the edit.

    .venv/bin/python bench/serve_bench.py [N ...]          (default: 2000)

For each N, on N fictional cases of realistic length (bench/scale_bench.py's), it starts the
development server exactly as `make serve` does (`mkdocs serve --livereload`), waits for the
first build to be served, then saves an edit to one case's English summary and polls that
case's page until it shows the edit (the server shows an edited case's pages before it
rebuilds the site: sawt/engine/preview.py), then the site's export until it shows it too (the
whole rebuild is served). It prints the first build's time, then for each of 3 successive
edits the seconds from the save to the edit showing in the page and in the whole site,
and the rebuild's stage times as the server logged them; then the same for 3 edits of a
hand-written page (docs/en/about.md): until its page shows the edit, and until the rebuild ends.
Target (issue 8): a saved edit to one case shows within 5 s at 10,000 cases.
This is a benchmark, not a test: the machine is noisy.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.scale_bench import EDITED, sawt_project  # noqa: E402

EDITS = 3
TIMEOUT = 1800  # seconds for the first build of a large archive


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return None


def wait_for(predicate, timeout: float, step: float = 0.05) -> float:
    """Seconds until predicate() is true (polling), or raise TimeoutError."""
    start = time.perf_counter()
    while not predicate():
        if time.perf_counter() - start > timeout:
            raise TimeoutError
        time.sleep(step)
    return time.perf_counter() - start


class ServerLog:
    """The server's output, kept as it comes, so each rebuild's stage line can be shown."""

    def __init__(self, stream) -> None:
        self.lines: list[str] = []
        self._thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self._thread.start()

    def _read(self, stream) -> None:
        for line in stream:
            self.lines.append(line.rstrip())

    def stages_since(self, index: int) -> list[str]:
        return [line.split("INFO    -  ", 1)[-1] for line in self.lines[index:] if "sawt stages:" in line]


def main(sizes: list[int]) -> None:
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as scratch:
        for n in sizes:
            project = sawt_project(Path(scratch), n)
            case_file = project / "data" / "cases" / EDITED
            slug = EDITED.removesuffix(".yml")
            port = free_port()
            env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
            server = subprocess.Popen(
                [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload"],
                cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                start_new_session=True)
            log = ServerLog(server.stdout)
            base = f"http://127.0.0.1:{port}/"
            try:
                started = time.perf_counter()
                wait_for(lambda: fetch(f"{base}cases/{slug}/") is not None, TIMEOUT, step=0.5)
                print(f"{n} cases: first build served after {time.perf_counter() - started:.1f} s", flush=True)
                for edit in range(1, EDITS + 1):
                    marker = f"Edited for the serve benchmark {edit}."
                    text = case_file.read_text(encoding="utf-8")
                    text = text.replace('  en: "', f'  en: "{marker} ', 1)
                    lines_before = len(log.lines)
                    case_file.write_text(text, encoding="utf-8")
                    english = wait_for(lambda: marker in (fetch(f"{base}cases/{slug}/") or ""), 600)
                    everywhere = english + wait_for(lambda: marker in (fetch(f"{base}data/cases.json") or ""), 600)
                    print(f"{n} cases: edit {edit} shows in its page after {english:.1f} s, "
                          f"in the whole site after {everywhere:.1f} s", flush=True)
                    time.sleep(1.0)  # the rebuild's log line comes after the site is served
                    for line in log.stages_since(lines_before):
                        print("    " + line, flush=True)
                page_file = project / "docs" / "en" / "about.md"
                for edit in range(1, EDITS + 1):
                    marker = f"Page edited for the serve benchmark {edit}."
                    lines_before = len(log.lines)
                    page_file.write_text(page_file.read_text(encoding="utf-8") + f"\n\n{marker}\n", encoding="utf-8")
                    shown = wait_for(lambda: marker in (fetch(f"{base}about/") or ""), 600)
                    rebuilt = shown + wait_for(lambda: log.stages_since(lines_before), 600)
                    print(f"{n} cases: hand-written page edit {edit} shows in its page after {shown:.1f} s, "
                          f"the rebuild ends after {rebuilt:.1f} s", flush=True)
                    time.sleep(1.0)
                    for line in log.stages_since(lines_before):
                        print("    " + line, flush=True)
            except TimeoutError:
                print("\n".join(log.lines[-30:]))
                sys.exit(f"{n} cases: the server did not show the page in time")
            finally:
                os.killpg(server.pid, signal.SIGTERM)
                server.wait(timeout=30)


if __name__ == "__main__":
    args = sys.argv[1:]
    if any(a in ("-h", "--help") for a in args):
        sys.exit(__doc__)
    main([int(a) for a in args] or [2000])
