"""Fetch one URL for the archive, safely: a source's address comes from a pull request, so the
capture must never be turned against the archive's own machine or network.

The client is `requests` (already pinned for the project) over urllib3, with two guards:

* **Before each hop** (the first request and every redirect, which is followed here one hop at a
  time, never by the library): only http and https; the host is resolved and refused if any of
  its addresses is not a global one (loopback, private, link-local (so cloud metadata
  169.254.169.254), carrier-grade NAT, multicast, reserved, IPv4 inside IPv6).
* **On connecting**: urllib3's connection is subclassed to check the address the socket actually
  reached (`getpeername`), so a name that resolves to a public address for the check and to a
  private one for the connection (DNS rebinding) is refused too.

Proxies from the environment are ignored (`trust_env = False`): through a proxy the peer would be
the proxy, and neither guard would mean anything.

The body is streamed to a file, never held in memory, and cut at `max_bytes` (50 MB by default,
the size of the largest NGO report PDFs we have seen; a page is rarely over 5 MB). The whole
fetch, every hop and every read, has one time limit.
"""

from __future__ import annotations

import hashlib
import ipaddress
import socket
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urljoin, urlsplit

import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
DEFAULT_TIME_LIMIT = 60.0  # seconds for one source, all hops included
MAX_REDIRECTS = 10
CHUNK = 64 * 1024
USER_AGENT = "Sawt-archive/1 (preserving a cited source; +https://github.com/)"


class FetchError(Exception):
    """A fetch that failed, said in one line (the caller adds the source id and where it is cited).
    `kind`: status, dns, timeout, refused, tls, size, connect or other (--check-live calls a
    source gone only on status and dns)."""

    def __init__(self, message: str, kind: str = "other") -> None:
        super().__init__(message)
        self.kind = kind


class RefusedAddress(FetchError, OSError):
    """The address is not one the archive may fetch from (OSError too, so urllib3 lets it through)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, "refused")


def address_refused(address: str) -> str | None:
    """Why `address` (an IP) may not be fetched from, or None if it is a public one."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_loopback:
        return "a loopback address"
    if ip.is_link_local:
        return "a link-local address (cloud metadata lives there)"
    if ip.is_private:
        return "a private address"
    if not ip.is_global or ip.is_multicast:
        return "not a public address"
    return None


def check_host(host: str, port: int) -> None:
    """Resolve `host` and refuse it if any of its addresses is not public."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise FetchError(f"the name {host} does not resolve ({error.strerror})", "dns") from None
    for info in infos:
        address = info[4][0]
        reason = address_refused(address)
        if reason is not None:
            raise RefusedAddress(f"{host} resolves to {address}, {reason}: refused (a source must be a public address)")


class _PeerChecked:
    """Refuses a connection whose socket reached an address that is not public (DNS rebinding)."""

    def _new_conn(self):  # type: ignore[no-untyped-def]
        sock = super()._new_conn()  # type: ignore[misc]
        address = sock.getpeername()[0]
        reason = address_refused(address)
        if reason is not None:
            sock.close()
            raise RefusedAddress(f"{self.host} connected to {address}, {reason}: refused")  # type: ignore[attr-defined]
        return sock


class _GuardedHTTPConnection(_PeerChecked, HTTPConnection):
    pass


class _GuardedHTTPSConnection(_PeerChecked, HTTPSConnection):
    pass


class _GuardedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _GuardedHTTPConnection


class _GuardedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _GuardedHTTPSConnection


class _GuardedAdapter(HTTPAdapter):
    def init_poolmanager(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _GuardedHTTPPool, "https": _GuardedHTTPSPool}


@dataclass
class Hop:
    url: str
    status: int
    reason: str
    headers: list[tuple[str, str]]
    request_headers: list[tuple[str, str]]


@dataclass
class Fetched:
    """A fetched body on disk, and how it was reached."""

    url: str
    final_url: str
    status: int
    content_type: str
    body_path: Path
    body_sha256: str
    size: int
    hops: list[Hop] = field(default_factory=list)  # every response, the final one last
    protocol: str = "HTTP/1.1"


def _session(allow_private: bool) -> requests.Session:
    session = requests.Session()
    session.trust_env = False
    adapter = HTTPAdapter(max_retries=0) if allow_private else _GuardedAdapter(max_retries=0)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers.update({"User-Agent": USER_AGENT, "Accept-Encoding": "identity", "Accept": "*/*"})
    return session


def _check_url(url: str, allow_private: bool) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"{url}: only http:// and https:// addresses are fetched, not {parts.scheme or 'this'}:")
    if not parts.hostname:
        raise FetchError(f"{url}: the address has no host")
    if not allow_private:
        check_host(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))


def _refusal_in(error: BaseException) -> RefusedAddress | None:
    """The RefusedAddress that urllib3 and requests wrapped, if that is what failed."""
    seen = set()
    pending = [error]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, RefusedAddress):
            return current
        pending += [item for item in (current.__cause__, current.__context__, *getattr(current, "args", ()),
                                      getattr(current, "reason", None)) if isinstance(item, BaseException)]
    return None


def fetch(url: str, body_path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, time_limit: float = DEFAULT_TIME_LIMIT,
          allow_private: bool = False) -> Fetched:
    """Fetch `url`, following redirects one checked hop at a time, the final body streamed to
    `body_path`. Raises FetchError (one line) for anything but a 2xx final response."""
    deadline = time.monotonic() + time_limit
    session = _session(allow_private)
    hops: list[Hop] = []
    current = url
    try:
        for _ in range(MAX_REDIRECTS + 1):
            _check_url(current, allow_private)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise FetchError(f"{url}: no answer within the time limit of {time_limit:g} s", "timeout")
            try:
                response = session.get(current, stream=True, allow_redirects=False, verify=True,
                                       timeout=(min(10.0, remaining), min(30.0, remaining)))
            except requests.exceptions.SSLError as error:
                raise FetchError(f"{current}: the TLS certificate could not be verified ({_short(error)})", "tls") from None
            except requests.exceptions.Timeout:
                raise FetchError(f"{current}: no answer within the time limit of {time_limit:g} s", "timeout") from None
            except requests.exceptions.RequestException as error:
                refusal = _refusal_in(error)
                if refusal is not None:
                    raise FetchError(str(refusal), "refused") from None
                raise FetchError(f"{current}: could not connect ({_short(error)})", "connect") from None
            with response:
                hop = Hop(url=current, status=response.status_code, reason=response.reason or "",
                          headers=list(response.raw.headers.items()),
                          request_headers=list(response.request.headers.items()))
                hops.append(hop)
                if response.is_redirect:
                    location = response.headers.get("Location", "")
                    current = urljoin(current, location)
                    continue
                if not 200 <= response.status_code < 300:
                    raise FetchError(f"{current}: the server answered {response.status_code} {response.reason or ''}".rstrip(), "status")
                declared = response.headers.get("Content-Length")
                if declared and declared.isdigit() and int(declared) > max_bytes:
                    raise FetchError(f"{current}: too big ({int(declared):,} bytes; the limit is {max_bytes:,}, --max-mb)", "size")
                with open(body_path, "wb") as out:
                    digest, size = _stream(response, out, max_bytes, deadline, current, time_limit)
                version = getattr(response.raw, "version", 11)
                return Fetched(url=url, final_url=current, status=response.status_code,
                               content_type=response.headers.get("Content-Type", ""), body_path=body_path,
                               body_sha256=digest, size=size, hops=hops,
                               protocol="HTTP/1.0" if version == 10 else "HTTP/1.1")
        raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects")
    finally:
        session.close()


def _stream(response: requests.Response, out: BinaryIO, max_bytes: int, deadline: float, url: str,
            time_limit: float) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    try:
        for chunk in response.iter_content(CHUNK):
            size += len(chunk)
            if size > max_bytes:
                raise FetchError(f"{url}: too big (over {max_bytes:,} bytes, the limit; --max-mb); cut, nothing kept", "size")
            if time.monotonic() > deadline:
                raise FetchError(f"{url}: not finished within the time limit of {time_limit:g} s", "timeout")
            digest.update(chunk)
            out.write(chunk)
    except requests.exceptions.RequestException as error:
        if isinstance(error.__context__, urllib3.exceptions.ReadTimeoutError) or "timed out" in str(error):
            raise FetchError(f"{url}: the server stopped sending (time limit)", "timeout") from None
        raise FetchError(f"{url}: the download broke off ({_short(error)})") from None
    return digest.hexdigest(), size


def _short(error: BaseException) -> str:
    text = str(error).splitlines()[0] if str(error) else type(error).__name__
    return text[:200]
