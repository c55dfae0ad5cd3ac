"""Only http(s), and no private, loopback, link-local or metadata addresses
unless a source allows them: checked after name resolution, on every hop.

The loopback server is itself on a refused address, so the tests that need a
first hop to succeed allow exactly 127.0.0.1/32 (`allowed_networks`) and
show that everything else private is still refused.
"""
from __future__ import annotations

import pytest

from tasks.fetch import fetch_source
from tasks.fetch.http import FetchFailed
from tasks.fetch.safety import AddressPolicy, NameResolutionError, UnsafeURL, check_scheme, resolve_checked
from tasks.fetch.sources import Source
from tests.httpserver import fast_fetcher, http_server  # noqa: F401

STRICT = AddressPolicy()


@pytest.mark.parametrize("address, why", [
    ("127.0.0.1", "loopback"),
    ("127.0.0.2", "loopback"),
    ("::1", "loopback"),
    ("10.1.2.3", "private"),
    ("172.16.0.1", "private"),
    ("192.168.1.1", "private"),
    ("fd12:3456::1", "private"),
    ("169.254.169.254", "cloud metadata"),
    ("169.254.1.1", "link-local"),
    ("fe80::1", "link-local"),
    ("100.100.100.200", "cloud metadata"),
    ("100.64.0.1", "not a public"),   # carrier-grade NAT
    ("0.0.0.0", "not a public"),
    ("224.0.0.1", "not a public"),
    ("::ffff:127.0.0.1", "loopback"),  # IPv4-mapped IPv6 is unwrapped first
])
def test_non_public_addresses_are_refused(address, why):
    assert why in STRICT.refusal(address)


@pytest.mark.parametrize("address", ["93.184.215.14", "8.8.8.8", "2606:4700:4700::1111"])
def test_public_addresses_are_allowed(address):
    assert STRICT.refusal(address) is None


def test_allow_private_lifts_the_check_and_networks_lift_it_narrowly():
    assert AddressPolicy(allow_private=True).refusal("169.254.169.254") is None
    narrow = AddressPolicy.with_networks(["10.0.0.0/8"])
    assert narrow.refusal("10.9.9.9") is None
    assert narrow.refusal("192.168.0.1") is not None
    assert narrow.refusal("169.254.169.254") is not None


def test_only_http_and_https():
    check_scheme("https://example.org/a")
    for url in ("file:///etc/passwd", "ftp://example.org/x", "gopher://example.org", "javascript:alert(1)"):
        with pytest.raises(UnsafeURL):
            check_scheme(url)


def test_unreadable_urls_are_bad_urls():
    with fast_fetcher() as fetcher:
        for url, reason in [("http://[::1/feed", "bad url: Invalid IPv6 URL"), ("http:///feed", "bad url: no host")]:
            with pytest.raises(FetchFailed) as failure:
                fetcher.get(url)
            assert failure.value.reason == reason


def test_every_resolved_address_must_pass():
    def resolver(host, port):
        return ["93.184.215.14", "10.0.0.7"]

    with pytest.raises(UnsafeURL, match=r"mixed\.test -> 10\.0\.0\.7 is a private address"):
        resolve_checked("mixed.test", 80, STRICT, resolver)


def test_loopback_is_refused_by_default_before_any_byte_is_sent(http_server):
    url = http_server.route("/a.html", "<html>x</html>")
    with fast_fetcher() as fetcher, pytest.raises(FetchFailed) as failure:
        fetcher.get(url)
    assert failure.value.reason == "blocked: 127.0.0.1 is a loopback address"
    assert http_server.requests == []


def test_a_public_looking_name_that_resolves_to_a_private_address_is_refused(http_server):
    # The check runs on the resolved address, not on the name in the URL.
    def resolver(host, port):
        return {"news.test": ["127.0.0.1"]}[host]

    with fast_fetcher(resolver=resolver) as fetcher, pytest.raises(FetchFailed) as failure:
        fetcher.get(f"http://news.test:{http_server.port}/a.html")
    assert failure.value.reason == "blocked: news.test -> 127.0.0.1 is a loopback address"
    assert http_server.requests == []


def test_a_redirect_to_the_metadata_service_is_refused(http_server):
    http_server.redirect("/go", "http://169.254.169.254/latest/meta-data/")
    with fast_fetcher(allowed_networks=("127.0.0.1/32",)) as fetcher, pytest.raises(FetchFailed) as failure:
        fetcher.get(http_server.url("/go"))
    assert failure.value.reason == "blocked: 169.254.169.254 is a cloud metadata address"
    assert [r.path for r in http_server.requests] == ["/robots.txt", "/go"]  # the first hop was allowed


def test_a_redirect_to_a_name_on_the_private_network_is_refused(http_server):
    def resolver(host, port):
        return {"127.0.0.1": ["127.0.0.1"], "intranet.test": ["10.0.0.5"]}[host]

    http_server.redirect("/go", "http://intranet.test/admin")
    with fast_fetcher(resolver=resolver, allowed_networks=("127.0.0.1/32",)) as fetcher, pytest.raises(FetchFailed) as failure:
        fetcher.get(http_server.url("/go"))
    assert failure.value.reason == "blocked: intranet.test -> 10.0.0.5 is a private address"


def test_a_redirect_to_another_loopback_address_is_refused(http_server):
    http_server.redirect("/go", f"http://127.0.0.2:{http_server.port}/a.html")
    with fast_fetcher(allowed_networks=("127.0.0.1/32",)) as fetcher, pytest.raises(FetchFailed) as failure:
        fetcher.get(http_server.url("/go"))
    assert failure.value.reason == "blocked: 127.0.0.2 is a loopback address"


def test_allow_private_follows_the_same_redirect(http_server):
    http_server.redirect("/go", f"http://127.0.0.1:{http_server.port}/a.html")
    http_server.route("/a.html", "<html>x</html>")
    with fast_fetcher() as fetcher:
        assert fetcher.get(http_server.url("/go"), allow_private=True).status == 200


def test_a_private_source_does_not_open_the_door_for_the_next_one(http_server):
    # Pooled connections are per policy: after an allowed fetch, a source
    # without allow_private is still refused on the same host.
    url = http_server.route("/a.html", "<html>x</html>")
    with fast_fetcher() as fetcher:
        assert fetcher.get(url, allow_private=True).status == 200
        with pytest.raises(FetchFailed, match="blocked"):
            fetcher.get(url)


def test_name_resolution_failure_is_a_clear_reason():
    def resolver(host, port):
        raise NameResolutionError(f"{host}: Name or service not known")

    with fast_fetcher(resolver=resolver) as fetcher, pytest.raises(FetchFailed) as failure:
        fetcher.get("http://no-such-host.invalid/feed.xml")
    assert failure.value.reason == "name resolution: no-such-host.invalid: Name or service not known"


def test_fetch_source_records_refusals_as_errors(http_server):
    url = http_server.route("/a.html", "<html>x</html>")
    result = fetch_source(Source(name="s", kind="page", location=url), fetcher=fast_fetcher())
    assert result.documents == []
    [error] = result.errors
    assert (error.stage, error.reason) == ("fetch", "blocked: 127.0.0.1 is a loopback address")
    [attempt] = result.fetches
    assert (attempt.status, attempt.reason) == ("error", "blocked: 127.0.0.1 is a loopback address")
