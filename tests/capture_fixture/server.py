"""A loopback server of fixture pages for the capture tests (tests/unit/test_capture.py)."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ARABIC = "أنقذوا المعتقلين السياسيين السوريين في لبنان"
UTF8_PAGE = f"""<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>صفحة</title></head>
<body><h1>{ARABIC}</h1><p>Second paragraph.</p></body></html>""".encode("utf-8")
# windows-1256, declared only in the page (the server sends no charset), as many Arabic sites do.
CP1256_PAGE = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256">
<title>بيان</title></head><body><p>{ARABIC}</p></body></html>""".encode("cp1256")
SCRIPT_PAGE = b"""<!doctype html><html><head><title>Hostile</title><script>document.title='RAN'; window.sawtRan = 1;</script></head>
<body onload="window.sawtRan = 2"><p>Visible &lt;text&gt; of a hostile page</p><script>alert('captured script')</script>
<img src=x onerror="window.sawtRan=3"></body></html>"""
HUGE_BYTES = 200 * 1024 * 1024
#: A page that tries every way a captured page could act in a reader's browser: inline and
#: event-handler script, a frame, a refresh and a stylesheet, each of which would reach back to
#: this server (under /tracked/) or set window.sawtHostileRan. {base} is the server's address.
HOSTILE_TEXT = "Words of a hostile page that the reader must see as plain text"
HOSTILE_SCRIPT = "window.sawtHostileRan = 'inline script'; alert('captured alert'); console.log('sawt-hostile-log');"
HOSTILE_PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>Hostile capture</title>
<meta http-equiv="refresh" content="0; url={base}/tracked/refresh">
<link rel="stylesheet" href="{base}/tracked/style.css">
<script>""" + HOSTILE_SCRIPT + """</script></head>
<body onload="window.sawtHostileRan = 'onload'"><h1>Hostile capture</h1><p>""" + HOSTILE_TEXT + """</p>
<img src="{base}/tracked/pixel.png" onerror="window.sawtHostileRan = 'onerror'">
<iframe src="{base}/tracked/frame"></iframe>
<script src="{base}/tracked/script.js"></script></body></html>"""


def _pdf(text: str) -> bytes:
    """A one-page PDF with `text` in Helvetica (offsets computed, so pypdf reads it cleanly)."""
    stream = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


PDF = _pdf("Defectors under the guillotine, fixture PDF")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    sent_of_huge = 0
    #: Every path asked of any fixture server in this process, in order (a test compares it
    #: before and after a step to see whether that step reached the server).
    requests: list[str] = []

    def log_message(self, *args) -> None:  # quiet
        pass

    def _send(self, status: int, body: bytes, content_type: str, extra: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path
        Handler.requests.append(path)
        if path == "/utf8":
            self._send(200, UTF8_PAGE, "text/html; charset=utf-8")
        elif path == "/cp1256":
            self._send(200, CP1256_PAGE, "text/html")
        elif path == "/script":
            self._send(200, SCRIPT_PAGE, "text/html; charset=utf-8")
        elif path == "/hostile":
            base = f"http://{self.headers.get('Host') or '127.0.0.1'}"
            self._send(200, HOSTILE_PAGE.replace("{base}", base).encode("utf-8"), "text/html; charset=utf-8")
        elif path.startswith("/tracked/"):
            self._send(200, b"/* tracked */", "text/css" if path.endswith(".css") else "text/html")
        elif path == "/report.pdf":
            self._send(200, PDF, "application/pdf")
        elif path in ("/r1", "/r2"):
            self._send(301 if path == "/r1" else 302, b"", "text/html", {"Location": "/r2" if path == "/r1" else "/utf8"})
        elif path == "/to-private":
            self._send(302, b"", "text/html", {"Location": "http://169.254.169.254/latest/meta-data/"})
        elif path == "/to-file":
            self._send(302, b"", "text/html", {"Location": "file:///etc/passwd"})
        elif path == "/hang":
            time.sleep(30)
        elif path == "/huge":
            # No Content-Length: the only way to know it is too big is to count while reading.
            self.send_response(200)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Connection", "close")
            self.end_headers()
            chunk = b"\0" * (1024 * 1024)
            try:
                for _ in range(HUGE_BYTES // len(chunk)):
                    self.wfile.write(chunk)
                    Handler.sent_of_huge += len(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True
        else:
            self._send(404, b"<html><body>Not found</body></html>", "text/html")


class FixtureServer:
    def __init__(self) -> None:
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> "FixtureServer":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
