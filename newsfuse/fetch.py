"""Polite, safe fetching for `newsfuse follow`: feeds and article pages.

- The server's URL safety rules (`check_address`: no loopback, private, link-local or
  metadata addresses unless allowed) on every hop of a redirect, and its caps: size, time
  (over the whole download, so a page that trickles in is cut off too) and redirects.
- Conditional GET: the caller passes the ETag / Last-Modified it kept and gets a 304 back.
- At most one request at a time per host (requests are sequential) and at least `delay_s`
  between two requests to one host (more when robots.txt asks for a Crawl-delay).
- robots.txt read once per host and pass, through the same safe fetch.
- `file:` URLs only where the caller says so (the user's own SOURCES file and the pages its
  local feeds list), never for a link found in a feed fetched from the web.
"""
from __future__ import annotations

import ipaddress
import socket
import time
import urllib.robotparser
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from newsfuse.types import NewsfuseError


@dataclass(frozen=True)
class FetchPolicy:
    """Limits for fetching articles from the web on a user's behalf."""

    allow_private: bool = False  # loopback, private, link-local and metadata addresses
    allowed_networks: tuple[str, ...] = ()  # non-public networks allowed anyway, e.g. ("127.0.0.0/8",)
    timeout_s: float = 10.0
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5


def check_address(host: str, port: int, policy: FetchPolicy, url: str) -> None:
    """Refuse hosts that resolve to internal addresses (SSRF), checked after DNS resolution."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise NewsfuseError(f"{url}: cannot resolve host {host!r} ({exc})") from None
    if policy.allow_private:
        return
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
            address = address.ipv4_mapped
        allowed = any(address in ipaddress.ip_network(n) for n in policy.allowed_networks)
        if (not address.is_global or address.is_multicast) and not allowed:
            raise NewsfuseError(
                f"{url}: refused, {host} resolves to the non-public address {address} "
                "(use --allow-private-urls for local use)"
            )


USER_AGENT = "newsfuse/0.1 (feed follower; one request at a time per host; honours robots.txt)"
ROBOTS_AGENT = "newsfuse"
MAX_CRAWL_DELAY_S = 30.0


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    status: int  # 200, or 304 (not modified: empty body)
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None


@dataclass
class Fetcher:
    policy: FetchPolicy = FetchPolicy()
    delay_s: float = 1.0
    user_agent: str = USER_AGENT
    robots: bool = True  # False for a page a person asked for (robots.txt governs crawlers)
    network_s: float = 0.0  # time spent waiting on the network or on politeness delays
    _last: dict[str, float] = field(default_factory=dict)  # host → when its last request ended
    _robots: dict[str, urllib.robotparser.RobotFileParser | str] = field(default_factory=dict)
    _client: object = None

    def close(self) -> None:
        if self._client is not None:
            self._client.close()

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None,
            local: bool = False) -> Response:
        """GET `url` (a `file:` URL only with `local`); raises NewsfuseError naming the URL."""
        scheme = urlsplit(url).scheme.lower()
        if scheme == "file":
            if not local:
                raise NewsfuseError(f"{url}: file: links are only followed from local feeds")
            return self._read_file(url)
        if scheme not in ("http", "https"):
            raise NewsfuseError(f"{url}: only http, https and file URLs can be followed")
        return self._http(url, etag, last_modified, check_robots=self.robots)

    def _read_file(self, url: str) -> Response:
        parts = urlsplit(url)
        if parts.netloc not in ("", "localhost"):
            raise NewsfuseError(f"{url}: a file: URL must name a local file (file:///path)")
        path = Path(url2pathname(parts.path))
        try:
            size = path.stat().st_size
            if size > self.policy.max_bytes:
                raise NewsfuseError(f"{url}: file larger than {self.policy.max_bytes // 1024} KiB")
            return Response(url=url, status=200, body=path.read_bytes())
        except OSError as exc:
            raise NewsfuseError(f"{url}: cannot read ({exc.strerror})") from None

    def _http(self, url: str, etag: str | None, last_modified: str | None, check_robots: bool) -> Response:
        import httpx

        if self._client is None:
            self._client = httpx.Client(timeout=self.policy.timeout_s, follow_redirects=False,
                                        headers={"User-Agent": self.user_agent})
        client: httpx.Client = self._client
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        for _ in range(self.policy.max_redirects + 1):
            try:
                parsed = httpx.URL(current)
            except (httpx.InvalidURL, ValueError, TypeError) as exc:
                raise NewsfuseError(f"{url!r}: not a valid URL ({exc})") from None
            if parsed.scheme not in ("http", "https") or not parsed.host:
                raise NewsfuseError(f"{url}: redirected to {current}, which is not an http or https URL")
            port = parsed.port or (443 if parsed.scheme == "https" else 80)
            check_address(parsed.host, port, self.policy, url if current == url else f"{url} (redirected to {current})")
            origin = f"{parsed.scheme}://{parsed.host}:{port}"
            if check_robots:
                self._check_robots(origin, current)
            self._wait(origin)
            started = time.monotonic()
            try:
                with client.stream("GET", current, headers=headers) as response:
                    if response.status_code == 304:  # a 3xx, but not a redirect
                        return Response(url=current, status=304, etag=etag, last_modified=last_modified)
                    if response.has_redirect_location:
                        current = str(parsed.join(response.headers["location"]))
                        continue
                    if response.status_code >= 300:
                        raise NewsfuseError(f"{current}: the server answered HTTP {response.status_code}")
                    body = bytearray()
                    for chunk in response.iter_bytes():
                        body.extend(chunk)
                        if len(body) > self.policy.max_bytes:
                            raise NewsfuseError(f"{current}: page larger than {self.policy.max_bytes // 1024} KiB")
                        if time.monotonic() - started > self.policy.timeout_s:
                            raise NewsfuseError(f"{current}: download took longer than {self.policy.timeout_s:g} s")
                    return Response(url=current, status=response.status_code, body=bytes(body),
                                    etag=response.headers.get("etag"),
                                    last_modified=response.headers.get("last-modified"))
            except httpx.HTTPError as exc:
                raise NewsfuseError(f"{current}: download failed ({type(exc).__name__})") from None
            finally:
                self._last[origin] = time.monotonic()
                self.network_s += self._last[origin] - started
        raise NewsfuseError(f"{url}: more than {self.policy.max_redirects} redirects")

    def _wait(self, origin: str) -> None:
        robots = self._robots.get(origin)
        crawl_delay = robots.crawl_delay(ROBOTS_AGENT) if isinstance(robots, urllib.robotparser.RobotFileParser) else None
        delay = max(self.delay_s, min(float(crawl_delay or 0), MAX_CRAWL_DELAY_S))
        wait = self._last.get(origin, -1e9) + delay - time.monotonic()
        if wait > 0:
            time.sleep(wait)
            self.network_s += wait

    def _check_robots(self, origin: str, url: str) -> None:
        """robots.txt, read once per host: missing (404 and other 4xx) allows all, 401/403 allow
        nothing (as urllib.robotparser does); an unreachable one (5xx, network) skips the host."""
        if origin not in self._robots:
            parser = urllib.robotparser.RobotFileParser()
            try:
                response = self._http(f"{origin}/robots.txt", None, None, check_robots=False)
                parser.parse(response.body.decode("utf-8", errors="replace").splitlines())
            except NewsfuseError as exc:
                status = str(exc).rsplit("HTTP ", 1)[-1]
                if status in ("401", "403"):
                    parser.disallow_all = True
                elif status.isdigit() and int(status) < 500:
                    parser.allow_all = True
                else:
                    parser = f"robots.txt unavailable ({exc})"
            self._robots[origin] = parser
        robots = self._robots[origin]
        if isinstance(robots, str):
            raise NewsfuseError(f"{url}: {robots}")
        if not robots.can_fetch(ROBOTS_AGENT, url):
            raise NewsfuseError(f"{url}: robots.txt of {urlsplit(origin).hostname} disallows fetching it")
