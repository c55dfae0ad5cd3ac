"""The HTTP client against a real server on 127.0.0.1: headers, validators,
retries, timeouts, the size cap, redirects, robots.txt, politeness, charsets."""
from __future__ import annotations

import gzip
import threading
import time

import pytest

from tasks.fetch.http import (
    USER_AGENT,
    FetchFailed,
    HostGate,
    HttpSettings,
    RobotsDisallowed,
    decode_html,
)
from tasks.fetch.state import Validators
from tests.httpserver import Route, fast_fetcher, http_server  # noqa: F401


def test_identifies_itself_and_returns_the_body(http_server):
    url = http_server.route("/a.html", "<html><body>hello</body></html>", etag='"v1"', last_modified="Wed, 15 Oct 2025 08:00:00 GMT")
    with fast_fetcher() as fetcher:
        response = fetcher.get(url, allow_private=True)
    assert response.status == 200
    assert response.body == b"<html><body>hello</body></html>"
    assert response.etag == '"v1"'
    assert response.last_modified == "Wed, 15 Oct 2025 08:00:00 GMT"
    assert response.mime == "text/html" and response.charset == "utf-8"
    assert http_server.hits("/a.html")[0].headers["user-agent"] == USER_AGENT
    assert USER_AGENT == "newsevents/0.1 (+https://github.com/newsevents)"


def test_conditional_get_sends_validators_and_takes_a_304(http_server):
    url = http_server.route("/a.html", "<html>x</html>", etag='"v1"', last_modified="Wed, 15 Oct 2025 08:00:00 GMT")
    with fast_fetcher() as fetcher:
        response = fetcher.get(url, allow_private=True, validators=Validators('"v1"', "Wed, 15 Oct 2025 08:00:00 GMT"))
    assert response.status == 304 and response.body == b""
    sent = http_server.hits("/a.html")[0].headers
    assert sent["if-none-match"] == '"v1"'
    assert sent["if-modified-since"] == "Wed, 15 Oct 2025 08:00:00 GMT"


def test_a_stale_etag_gets_the_new_body(http_server):
    url = http_server.route("/a.html", "<html>new</html>", etag='"v2"')
    with fast_fetcher() as fetcher:
        response = fetcher.get(url, allow_private=True, validators=Validators('"v1"', None))
    assert response.status == 200 and response.body == b"<html>new</html>" and response.etag == '"v2"'


def test_a_500_is_retried_with_backoff_then_succeeds(http_server):
    calls = []

    def flaky(request):
        calls.append(request)
        return Route("busy", status=503) if len(calls) == 1 else Route("<html>ok</html>")

    url = http_server.route("/flaky.html", flaky)
    with fast_fetcher(retries=2) as fetcher:
        response = fetcher.get(url, allow_private=True)
    assert response.status == 200 and len(calls) == 2


def test_retries_are_bounded(http_server):
    url = http_server.route("/down.html", "error", status=500)
    with fast_fetcher(retries=2) as fetcher, pytest.raises(FetchFailed) as failure:
        fetcher.get(url, allow_private=True)
    assert failure.value.reason == "http 500 Internal Server Error (after 3 attempts)"
    assert failure.value.http_status == 500
    assert len(http_server.hits("/down.html")) == 3


def test_a_404_is_not_retried(http_server):
    with fast_fetcher(retries=3) as fetcher, pytest.raises(FetchFailed) as failure:
        fetcher.get(http_server.url("/nothing-here.html"), allow_private=True)
    assert failure.value.reason == "http 404 Not Found"
    assert len(http_server.hits("/nothing-here.html")) == 1


def test_retry_after_is_honoured_within_the_cap(http_server):
    calls = []

    def limited(request):
        calls.append(time.monotonic())
        return Route("slow down", status=429, headers={"Retry-After": "1"}) if len(calls) == 1 else Route("<html>ok</html>")

    url = http_server.route("/limited.html", limited)
    with fast_fetcher(retries=1, max_backoff=0.2) as fetcher:
        fetcher.get(url, allow_private=True)
    assert 0.15 <= calls[1] - calls[0] < 0.9  # waited, but no longer than max_backoff


def test_a_silent_server_times_out(http_server):
    url = http_server.route("/slow.html", "<html>late</html>", delay=3)
    started = time.monotonic()
    with fast_fetcher(read_timeout=0.2, retries=0) as fetcher, pytest.raises(FetchFailed) as failure:
        fetcher.get(url, allow_private=True)
    assert failure.value.reason == "timeout: no data for 0.2s"
    assert time.monotonic() - started < 1.5


def test_a_trickling_server_hits_the_total_timeout(http_server):
    url = http_server.route("/trickle.html", "<html>" + "x" * 4000 + "</html>", trickle=0.1, chunk_size=200)
    with fast_fetcher(read_timeout=1.0, total_timeout=0.3, retries=0) as fetcher, pytest.raises(FetchFailed) as failure:
        fetcher.get(url, allow_private=True)
    assert failure.value.reason == "timeout: response took longer than 0.3s"


def test_a_declared_oversized_body_is_refused_before_reading(http_server):
    url = http_server.route("/big.html", b"x" * 5000)
    with fast_fetcher(max_bytes=1000) as fetcher, pytest.raises(FetchFailed) as failure:
        fetcher.get(url, allow_private=True)
    assert failure.value.reason == "too large: Content-Length 5000 is over 1000 bytes"


def test_an_undeclared_oversized_body_is_cut_off_while_streaming(http_server):
    # No Content-Length: only counting the streamed bytes can catch it.
    url = http_server.route("/big.html", b"<html>" + b"x" * 6_000_000, send_length=False)
    with fast_fetcher() as fetcher, pytest.raises(FetchFailed) as failure:
        fetcher.get(url, allow_private=True)
    assert HttpSettings().max_bytes == 5_000_000
    assert failure.value.reason == "too large: more than 5000000 bytes"


def test_the_size_cap_counts_unpacked_bytes(http_server):
    packed = gzip.compress(b"<html>" + b"x" * 50_000 + b"</html>")
    url = http_server.route("/bomb.html", packed, headers={"Content-Encoding": "gzip"})
    with fast_fetcher(max_bytes=10_000) as fetcher, pytest.raises(FetchFailed) as failure:
        fetcher.get(url, allow_private=True)
    assert len(packed) < 10_000
    assert failure.value.reason.startswith("too large")


def test_gzip_bodies_are_unpacked(http_server):
    url = http_server.route("/gz.html", gzip.compress(b"<html>packed</html>"), headers={"Content-Encoding": "gzip"})
    with fast_fetcher() as fetcher:
        assert fetcher.get(url, allow_private=True).body == b"<html>packed</html>"


def test_redirects_are_followed_to_the_final_url(http_server):
    http_server.redirect("/old.html", "/middle.html", status=301)
    http_server.redirect("/middle.html", http_server.url("/new.html"), status=307)
    http_server.route("/new.html", "<html>moved</html>")
    with fast_fetcher() as fetcher:
        response = fetcher.get(http_server.url("/old.html"), allow_private=True)
    assert response.body == b"<html>moved</html>"
    assert response.url == http_server.url("/old.html")
    assert response.final_url == http_server.url("/new.html")


def test_the_redirect_limit_stops_a_loop(http_server):
    http_server.redirect("/loop-a", "/loop-b")
    http_server.redirect("/loop-b", "/loop-a")
    with fast_fetcher(max_redirects=3) as fetcher, pytest.raises(FetchFailed) as failure:
        fetcher.get(http_server.url("/loop-a"), allow_private=True)
    assert failure.value.reason == "too many redirects: more than 3"
    assert len(http_server.requests) == 4 + 1  # four hops and robots.txt


def test_a_redirect_to_another_scheme_is_refused(http_server):
    http_server.redirect("/to-file", "file:///etc/passwd")
    with fast_fetcher() as fetcher, pytest.raises(FetchFailed) as failure:
        fetcher.get(http_server.url("/to-file"), allow_private=True)
    assert failure.value.reason == "blocked: scheme 'file' is not http or https"


def test_robots_txt_disallow_is_respected(http_server):
    http_server.route("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    http_server.route("/private/a.html", "<html>secret</html>")
    http_server.route("/public/a.html", "<html>open</html>")
    with fast_fetcher() as fetcher:
        assert fetcher.get(http_server.url("/public/a.html"), allow_private=True).status == 200
        with pytest.raises(RobotsDisallowed) as refusal:
            fetcher.get(http_server.url("/private/a.html"), allow_private=True)
        fetcher.get(http_server.url("/public/a.html"), allow_private=True)
    assert refusal.value.reason == "robots.txt: disallowed for newsevents"
    assert not http_server.hits("/private/a.html")
    assert len(http_server.hits("/robots.txt")) == 1  # read once per site


def test_robots_txt_rules_for_our_agent_win(http_server):
    http_server.route("/robots.txt", "User-agent: newsevents\nDisallow: /\n\nUser-agent: *\nAllow: /\n", content_type="text/plain")
    http_server.route("/a.html", "<html>x</html>")
    with fast_fetcher() as fetcher, pytest.raises(RobotsDisallowed):
        fetcher.get(http_server.url("/a.html"), allow_private=True)


def test_robots_txt_is_checked_on_every_redirect_hop(http_server):
    http_server.route("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    http_server.redirect("/public/go", "/private/target.html")
    http_server.route("/private/target.html", "<html>secret</html>")
    with fast_fetcher() as fetcher, pytest.raises(RobotsDisallowed):
        fetcher.get(http_server.url("/public/go"), allow_private=True)
    assert not http_server.hits("/private/target.html")


def test_a_missing_robots_txt_allows_everything(http_server):
    url = http_server.route("/a.html", "<html>x</html>")  # /robots.txt is a 404
    with fast_fetcher() as fetcher:
        assert fetcher.get(url, allow_private=True).status == 200


def test_an_unreachable_robots_txt_stops_the_site(http_server):
    # RFC 9309: a 5xx on robots.txt means "assume everything is disallowed".
    http_server.route("/robots.txt", "down", status=503)
    http_server.route("/a.html", "<html>x</html>")
    with fast_fetcher(retries=0) as fetcher, pytest.raises(FetchFailed) as failure:
        fetcher.get(http_server.url("/a.html"), allow_private=True)
    assert failure.value.reason == "robots.txt unavailable: http 503 Service Unavailable"
    assert not http_server.hits("/a.html")


def test_robots_txt_can_be_ignored_by_setting(http_server):
    http_server.route("/robots.txt", "User-agent: *\nDisallow: /\n", content_type="text/plain")
    url = http_server.route("/a.html", "<html>x</html>")
    with fast_fetcher(respect_robots=False) as fetcher:
        assert fetcher.get(url, allow_private=True).status == 200


def test_requests_to_one_host_are_spaced_by_the_delay(http_server):
    for i in range(3):
        http_server.route(f"/p{i}.html", "<html>x</html>")
    with fast_fetcher(host_delay=0.15) as fetcher:
        for i in range(3):
            fetcher.get(http_server.url(f"/p{i}.html"), allow_private=True)
    starts = [r.at for r in http_server.requests]
    assert len(starts) == 4  # robots.txt and three pages
    # Arrival times at the server, so allow for connection jitter; without the
    # delay the gaps are a few milliseconds.
    gaps = [round(b - a, 3) for a, b in zip(starts, starts[1:])]
    assert all(gap >= 0.1 for gap in gaps) and sum(gaps) >= 0.4, gaps


def test_robots_crawl_delay_slows_us_down_within_a_cap(http_server):
    http_server.route("/robots.txt", "User-agent: *\nCrawl-delay: 5\n", content_type="text/plain")
    for i in range(2):
        http_server.route(f"/p{i}.html", "<html>x</html>")
    with fast_fetcher(host_delay=0.0, max_crawl_delay=0.2) as fetcher:
        for i in range(2):
            fetcher.get(http_server.url(f"/p{i}.html"), allow_private=True)
    pages = [r.at for r in http_server.requests if r.path.startswith("/p")]
    assert 0.15 <= pages[1] - pages[0] < 1.0


def test_host_gate_limits_requests_in_flight():
    gate = HostGate(max_per_host=2)
    busy = []
    peak = []
    lock = threading.Lock()

    def work():
        with gate.slot("example.org", 0.0):
            with lock:
                busy.append(1)
                peak.append(len(busy))
            time.sleep(0.05)
            with lock:
                busy.pop()

    threads = [threading.Thread(target=work) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert max(peak) == 2


def test_settings_from_source_options_and_environment():
    settings = HttpSettings.from_options({"timeout": 5, "delay": 0, "retries": 1, "unrelated": "x"})
    assert (settings.read_timeout, settings.connect_timeout, settings.host_delay, settings.retries) == (5.0, 5.0, 0.0, 1)
    env = HttpSettings.from_env({"NEWSEVENTS_HTTP_HOST_DELAY": "0", "NEWSEVENTS_HTTP_RESPECT_ROBOTS": "false", "PATH": "/bin"})
    assert env.host_delay == 0.0 and env.respect_robots is False


# --- character sets -------------------------------------------------------

WIN1252 = "“Quoted” café – naïve".encode("cp1252")


def test_meta_charset_is_used_when_the_header_has_none():
    body = b'<html><head><meta charset="windows-1252"></head><body>' + WIN1252 + b"</body></html>"
    text, codec = decode_html(body, None)
    assert "“Quoted” café – naïve" in text and codec == "cp1252"


def test_meta_charset_is_obeyed_not_guessed():
    # windows-1251 bytes also decode as windows-1252 (to nonsense): only reading the meta gets Москва.
    body = '<html><head><meta charset="windows-1251"></head><body>Talks in Москва</body></html>'.encode("cp1251")
    text, codec = decode_html(body, None)
    assert "Talks in Москва" in text and codec == "cp1251"


def test_http_equiv_content_type_charset():
    body = b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head>' + WIN1252
    assert "“Quoted” café" in decode_html(body, None)[0]


def test_latin1_labels_are_read_as_windows_1252():
    assert decode_html(WIN1252, "ISO-8859-1") == ("“Quoted” café – naïve", "cp1252")


def test_a_wrong_utf8_label_falls_back_to_what_the_bytes_are():
    body = b'<html><head><meta charset="windows-1252"></head><body>' + WIN1252
    text, codec = decode_html(body, "utf-8")
    assert "“Quoted” café" in text and codec == "cp1252"


def test_undeclared_bytes_are_utf8_then_windows_1252():
    assert decode_html("café".encode("utf-8"), None) == ("café", "utf-8")
    assert decode_html(WIN1252, None)[0] == "“Quoted” café – naïve"


def test_a_byte_order_mark_wins():
    assert decode_html(b"\xef\xbb\xbfcaf\xc3\xa9", "windows-1252") == ("café", "utf-8")
    assert decode_html("café".encode("utf-16-le").join([b"\xff\xfe", b""]), None)[0] == "café"


def test_settings_keep_their_types_and_refuse_nonsense():
    base = HttpSettings(read_timeout=5)  # an int where a float is declared
    assert HttpSettings.from_options({"timeout": 0.2}, base).read_timeout == 0.2
    with pytest.raises(ValueError, match="read_timeout must be positive"):
        HttpSettings.from_options({"read_timeout": 0})
