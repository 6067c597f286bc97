"""A local static server that gzips text like a typical static host, for the benchmarks
(bench/first_view.py, bench/lighthouse.py, bench/search_bench.py --gzip)."""

from __future__ import annotations

import functools
import gzip
import io
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

TEXT_TYPES = (".js", ".css", ".html", ".json", ".svg", ".xml", ".txt")


class GzipHandler(SimpleHTTPRequestHandler):
    gzip_text = True

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants_gzip = self.gzip_text and "gzip" in self.headers.get("Accept-Encoding", "") and path.suffix in TEXT_TYPES
        if not wants_gzip or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(directory: Path, gzip_text: bool = True) -> tuple[ThreadingHTTPServer, str]:
    """Serve `directory` on a free loopback port in a thread; returns the server and its address."""
    handler = type("Handler", (GzipHandler,), {"gzip_text": gzip_text})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"
