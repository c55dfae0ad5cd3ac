"""The HTTP client every web source goes through.

One `Fetcher` per run: it identifies itself, waits its turn per host, reads
robots.txt once per site, sends conditional GETs, follows a bounded number of
redirects (checking each hop's scheme, robots.txt and addresses), retries
transient failures with backoff, and stops reading at the size cap. It raises
`FetchFailed` with a short, stable reason; the source readers turn that into
an error row. No Prefect here: the flow wraps the readers, not the client.
"""
from __future__ import annotations

import codecs
import email.utils
import os
import random
import re
import threading
import time
import zlib
from contextlib import contextmanager
from dataclasses import dataclass, fields, replace
from typing import Iterator
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpcore
import httpx

from tasks.fetch.safety import (
    AddressPolicy,
    BadURL,
    NameResolutionError,
    Resolver,
    UnsafeURL,
    check_scheme,
    resolve_checked,
    system_resolver,
)
from tasks.fetch.state import Validators

USER_AGENT = "newsevents/0.1 (+https://github.com/newsevents)"
ROBOTS_AGENT = "newsevents"

ACCEPT_HTML = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5,*/*;q=0.1"
ACCEPT_FEED = "application/rss+xml,application/atom+xml,application/rdf+xml;q=0.9,application/xml;q=0.8,text/xml;q=0.8,*/*;q=0.1"
ACCEPT_XML = "application/xml,text/xml;q=0.9,*/*;q=0.1"
ACCEPT_ANY = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5"

REDIRECT_STATUSES = {301, 302, 303, 307, 308}
RETRY_STATUSES = {429, 500, 502, 503, 504}


@dataclass(frozen=True)
class HttpSettings:
    """The client's policy. Sources may override any field by name in their options."""

    user_agent: str = USER_AGENT
    connect_timeout: float = 10.0
    read_timeout: float = 20.0      # longest silence while waiting for bytes
    total_timeout: float = 60.0     # longest a single response may take, however it trickles
    retries: int = 2                # extra attempts after a transient failure
    backoff: float = 1.0            # first wait; doubled each retry, plus jitter
    max_backoff: float = 30.0       # cap, also on a server's Retry-After
    max_bytes: int = 5_000_000      # decoded body size cap
    max_redirects: int = 5
    host_delay: float = 1.0         # seconds between request starts on one host
    max_per_host: int = 2           # requests in flight on one host
    max_workers: int = 4            # pages of one feed fetched at once (across hosts)
    respect_robots: bool = True
    robots_max_bytes: int = 512_000  # RFC 9309 asks parsers to read at least 500 KiB
    max_crawl_delay: float = 30.0   # a robots.txt Crawl-delay above this is capped

    def __post_init__(self) -> None:
        for name in ("connect_timeout", "read_timeout", "total_timeout"):
            if not getattr(self, name) > 0:  # 0 would make sockets non-blocking, not patient
                raise ValueError(f"{name} must be positive, not {getattr(self, name)!r}")
        if self.retries < 0 or self.max_redirects < 0 or self.max_bytes <= 0:
            raise ValueError("retries and max_redirects must be >= 0 and max_bytes > 0")
        if self.max_per_host < 1 or self.max_workers < 1:
            raise ValueError("max_per_host and max_workers must be at least 1")

    @classmethod
    def from_env(cls, environ: dict | None = None) -> "HttpSettings":
        """Defaults overridden by NEWSEVENTS_HTTP_<FIELD> variables (e.g.
        NEWSEVENTS_HTTP_HOST_DELAY=0 for tests against a loopback server)."""
        environ = os.environ if environ is None else environ
        prefix = "NEWSEVENTS_HTTP_"
        options = {k[len(prefix):].lower(): v for k, v in environ.items() if k.startswith(prefix)}
        return cls.from_options(options)

    @classmethod
    def from_options(cls, options: dict | None, base: "HttpSettings | None" = None) -> "HttpSettings":
        """Overrides from a sources-file entry; `timeout` sets both read and connect."""
        base = base or cls()
        options = dict(options or {})
        if "timeout" in options:
            options.setdefault("read_timeout", options["timeout"])
            options.setdefault("connect_timeout", options["timeout"])
        if "delay" in options:
            options.setdefault("host_delay", options["delay"])
        defaults = cls()
        names = {f.name for f in fields(cls)}
        changes = {}
        for key, value in options.items():
            if key in names:
                kind = type(getattr(defaults, key))  # the declared type, not the base's (5 may be an int there)
                if kind is bool and isinstance(value, str):
                    changes[key] = value.strip().lower() in {"1", "true", "yes", "on"}
                else:
                    changes[key] = kind(value)
        return replace(base, **changes)


class FetchFailed(Exception):
    """A URL gave nothing usable. `reason` starts with a stable label."""

    def __init__(self, reason: str, http_status: int | None = None, final_url: str | None = None,
                 retryable: bool = False, retry_after: float | None = None):
        super().__init__(reason)
        self.reason = reason
        self.http_status = http_status
        self.final_url = final_url
        self.retryable = retryable
        self.retry_after = retry_after


class RobotsDisallowed(FetchFailed):
    """robots.txt asks us not to fetch this URL: a decision, not a failure of the site."""


@dataclass(frozen=True)
class HttpResponse:
    url: str            # as requested
    final_url: str      # after redirects
    status: int
    headers: httpx.Headers
    body: bytes

    @property
    def mime(self) -> str:
        return self.headers.get("content-type", "").split(";", 1)[0].strip().lower()

    @property
    def charset(self) -> str | None:
        match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", self.headers.get("content-type", ""), re.I)
        return match.group(1) if match else None

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")


# --- character sets ---------------------------------------------------------

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def _codec(label: str | None) -> str | None:
    """A Python codec for a declared charset, reading latin-1 and ASCII as
    windows-1252 as browsers do (the WHATWG Encoding standard): pages that
    say iso-8859-1 routinely contain its curly quotes and dashes."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None
    if name in {"latin-1", "iso8859-1", "ascii"}:
        return "cp1252"
    return name


def decode_html(body: bytes, header_charset: str | None = None) -> tuple[str, str]:
    """Text and the codec used: BOM, then the HTTP charset, then <meta charset>,
    then UTF-8, then windows-1252. A declared charset the bytes do not fit (a
    server saying utf-8 for a windows-1252 page) is passed over, not obeyed."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return body[len(bom):].decode(name, errors="replace"), name
    candidates = [_codec(header_charset)]
    meta = _META_CHARSET.search(body[:4096])
    if meta:
        candidates.append(_codec(meta.group(1).decode("ascii", "ignore")))
    candidates.append("utf-8")
    for name in candidates:
        if not name:
            continue
        try:
            return body.decode(name), name
        except (UnicodeDecodeError, LookupError):
            continue
    return body.decode("cp1252", errors="replace"), "cp1252"


def gunzip_capped(body: bytes, max_bytes: int) -> bytes:
    """A .gz body (sitemaps) unpacked under the same size cap as any body."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        data = inflater.decompress(body, max_bytes + 1)
    except zlib.error as exc:
        raise FetchFailed(f"bad gzip body: {exc}") from exc
    if len(data) > max_bytes:
        raise FetchFailed(f"too large: more than {max_bytes} bytes once unpacked")
    return data


# --- connections ------------------------------------------------------------

class GuardedBackend(httpcore.SyncBackend):
    """Resolves, checks and connects in one step, so the address checked is the
    address used: on the first request, on every redirect hop, and whatever
    a DNS server answers the second time."""

    def __init__(self, policy: AddressPolicy, resolver: Resolver = system_resolver):
        self.policy = policy
        self.resolver = resolver

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        addresses = resolve_checked(host, port, self.policy, self.resolver)
        last_error: Exception | None = None
        for address in addresses:
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last_error = exc
        assert last_error is not None
        raise last_error


class GuardedTransport(httpx.HTTPTransport):
    """httpx's transport with the connection pool rebuilt on `GuardedBackend`.

    httpx 0.28 takes no network backend argument, so the pool it builds is
    replaced; proxies are not supported (a proxy would connect on our behalf,
    unchecked), hence trust_env=False.
    """

    def __init__(self, policy: AddressPolicy, resolver: Resolver = system_resolver, limits: httpx.Limits | None = None):
        super().__init__(trust_env=False)
        limits = limits or httpx.Limits(max_connections=20, max_keepalive_connections=10)
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=GuardedBackend(policy, resolver),
        )


class HostGate:
    """Per-host politeness shared by all threads of a run: at most
    `max_per_host` requests in flight on a host, and request starts at least
    `delay` seconds apart."""

    def __init__(self, max_per_host: int = 2):
        self.max_per_host = max_per_host
        self._lock = threading.Lock()
        self._hosts: dict[str, tuple[threading.Semaphore, threading.Lock, list[float]]] = {}

    def _host(self, host: str):
        with self._lock:
            if host not in self._hosts:
                self._hosts[host] = (threading.BoundedSemaphore(self.max_per_host), threading.Lock(), [0.0])
            return self._hosts[host]

    @contextmanager
    def slot(self, host: str, delay: float) -> Iterator[None]:
        semaphore, lock, next_start = self._host(host)
        with semaphore:
            with lock:
                now = time.monotonic()
                start = max(now, next_start[0])
                next_start[0] = start + delay
            if start > now:
                time.sleep(start - now)
            yield


# --- the client -------------------------------------------------------------

class Fetcher:
    """Thread-safe; share one across the sources of a run so politeness is shared too."""

    def __init__(self, settings: HttpSettings | None = None, *, resolver: Resolver = system_resolver,
                 allowed_networks: tuple[str, ...] = (), gate: HostGate | None = None):
        self.settings = settings or HttpSettings()
        self.resolver = resolver
        self.allowed_networks = tuple(allowed_networks)
        self.gate = gate or HostGate(self.settings.max_per_host)
        self._clients: dict[bool, httpx.Client] = {}
        self._robots: dict[tuple[str, bool], tuple[RobotFileParser | None, str | None]] = {}
        self._robots_locks: dict[tuple[str, bool], threading.Lock] = {}
        self._lock = threading.Lock()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        with self._lock:
            for client in self._clients.values():
                client.close()
            self._clients.clear()

    def _client(self, allow_private: bool) -> httpx.Client:
        # One client per policy: a pooled connection opened for a private
        # source must never serve a request from a source that is not allowed one.
        with self._lock:
            client = self._clients.get(allow_private)
            if client is None:
                s = self.settings
                policy = AddressPolicy.with_networks(self.allowed_networks, allow_private)
                client = httpx.Client(
                    transport=GuardedTransport(policy, self.resolver),
                    timeout=httpx.Timeout(s.read_timeout, connect=s.connect_timeout),
                    follow_redirects=False,
                    trust_env=False,
                    headers={"User-Agent": s.user_agent, "Accept-Language": "en;q=1.0,*;q=0.5"},
                )
                self._clients[allow_private] = client
            return client

    def get(self, url: str, *, allow_private: bool = False, validators: Validators | None = None,
            accept: str = ACCEPT_ANY, max_bytes: int | None = None, check_robots: bool = True) -> HttpResponse:
        """GET with redirects, robots.txt, retries and the size cap; a 304 is a response, not a failure."""
        s = self.settings
        headers = {"Accept": accept}
        if validators:
            if validators.etag:
                headers["If-None-Match"] = validators.etag
            if validators.last_modified:
                headers["If-Modified-Since"] = validators.last_modified
        current = url
        for _hop in range(s.max_redirects + 1):
            try:
                check_scheme(current)
            except BadURL as exc:
                raise FetchFailed(f"bad url: {exc}", final_url=current) from exc
            except UnsafeURL as exc:
                raise FetchFailed(f"blocked: {exc}", final_url=current) from exc
            delay = s.host_delay
            if check_robots and s.respect_robots:
                delay = max(delay, self._check_robots(current, allow_private))
            response = self._get_with_retries(current, headers, allow_private, delay, max_bytes or s.max_bytes)
            if response.status in REDIRECT_STATUSES:
                location = response.headers.get("location")
                if not location:
                    raise FetchFailed(f"http {response.status} without a Location", response.status, current)
                current = urljoin(current, location.strip())
                continue
            return replace(response, url=url)
        raise FetchFailed(f"too many redirects: more than {s.max_redirects}", final_url=current)

    def _get_with_retries(self, url: str, headers: dict, allow_private: bool, delay: float, max_bytes: int) -> HttpResponse:
        s = self.settings
        attempt = 0
        while True:
            try:
                return self._get_once(url, headers, allow_private, delay, max_bytes)
            except FetchFailed as exc:
                if not exc.retryable or attempt >= s.retries:
                    if attempt:
                        exc.reason = f"{exc.reason} (after {attempt + 1} attempts)"
                    raise
                wait = s.backoff * (2 ** attempt) + random.uniform(0, s.backoff / 2)
                if exc.retry_after is not None:
                    wait = max(wait, exc.retry_after)
                time.sleep(min(wait, s.max_backoff))
                attempt += 1

    def _get_once(self, url: str, headers: dict, allow_private: bool, delay: float, max_bytes: int) -> HttpResponse:
        s = self.settings
        host = (urlsplit(url).hostname or "").lower()
        client = self._client(allow_private)
        with self.gate.slot(host, delay):
            deadline = time.monotonic() + s.total_timeout
            try:
                with client.stream("GET", url, headers=headers) as r:
                    status = r.status_code
                    if status in REDIRECT_STATUSES or status == 304:
                        return HttpResponse(url, url, status, r.headers, b"")
                    if status >= 400:
                        reason = f"http {status} {r.reason_phrase}".rstrip()
                        raise FetchFailed(reason, status, url, retryable=status in RETRY_STATUSES,
                                          retry_after=_retry_after(r.headers.get("retry-after")))
                    length = r.headers.get("content-length")
                    if length and length.isdigit() and int(length) > max_bytes:
                        raise FetchFailed(f"too large: Content-Length {length} is over {max_bytes} bytes", status, url)
                    body = bytearray()
                    for chunk in r.iter_bytes():
                        body += chunk
                        if len(body) > max_bytes:
                            raise FetchFailed(f"too large: more than {max_bytes} bytes", status, url)
                        if time.monotonic() > deadline:
                            raise FetchFailed(f"timeout: response took longer than {s.total_timeout:g}s",
                                              status, url, retryable=True)
                    return HttpResponse(url, str(r.url), status, r.headers, bytes(body))
            except FetchFailed:
                raise
            except UnsafeURL as exc:
                raise FetchFailed(f"blocked: {exc}", final_url=url) from exc
            except NameResolutionError as exc:
                raise FetchFailed(f"name resolution: {exc}", final_url=url) from exc
            except httpx.ConnectTimeout as exc:
                raise FetchFailed(f"timeout: no connection within {s.connect_timeout:g}s", final_url=url, retryable=True) from exc
            except httpx.TimeoutException as exc:
                raise FetchFailed(f"timeout: no data for {s.read_timeout:g}s", final_url=url, retryable=True) from exc
            except httpx.DecodingError as exc:
                raise FetchFailed(f"bad content encoding: {exc}", final_url=url) from exc
            except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
                raise FetchFailed(f"bad url: {exc}", final_url=url) from exc
            except httpx.TransportError as exc:
                raise FetchFailed(f"connection failed: {exc or type(exc).__name__}", final_url=url, retryable=True) from exc

    # robots.txt (RFC 9309): 2xx is parsed, 4xx means no rules, and a 5xx or an
    # unreachable server means "disallow everything" until it answers again.
    def _check_robots(self, url: str, allow_private: bool) -> float:
        """Raise RobotsDisallowed (or FetchFailed when robots.txt cannot be read),
        else return the host delay robots.txt asks for."""
        parts = urlsplit(url)
        origin = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
        key = (origin, allow_private)
        with self._lock:
            origin_lock = self._robots_locks.setdefault(key, threading.Lock())
        with origin_lock:  # one robots.txt request per site, however many threads ask
            cached = self._robots.get(key)
            if cached is None:
                cached = self._robots[key] = self._read_robots(origin, allow_private)
        parser, unavailable = cached
        if unavailable:
            raise FetchFailed(f"robots.txt unavailable: {unavailable}", final_url=url)
        if parser is None:
            return 0.0
        if not parser.can_fetch(self.settings.user_agent, url):
            raise RobotsDisallowed("robots.txt: disallowed for newsevents", final_url=url)
        crawl_delay = parser.crawl_delay(self.settings.user_agent)
        return min(float(crawl_delay), self.settings.max_crawl_delay) if crawl_delay else 0.0

    def _read_robots(self, origin: str, allow_private: bool) -> tuple[RobotFileParser | None, str | None]:
        """The parsed rules (None: no rules) and, when the site is unreachable, why."""
        try:
            response = self.get(f"{origin}/robots.txt", allow_private=allow_private, accept="text/plain",
                                max_bytes=self.settings.robots_max_bytes, check_robots=False)
        except FetchFailed as exc:
            if exc.http_status and 400 <= exc.http_status < 500 and exc.http_status != 429:
                return None, None
            if exc.reason.startswith(("too large", "blocked", "name resolution")):
                # Too large: RFC 9309 lets a crawler ignore what it cannot read.
                # Blocked or unresolvable: the page request will fail with that reason itself.
                return None, None
            return None, exc.reason
        parser = RobotFileParser()
        parser.parse(response.body.decode("utf-8", errors="replace").splitlines())
        return parser, None


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())
