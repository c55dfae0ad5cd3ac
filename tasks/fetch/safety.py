"""Which addresses a fetch may connect to.

Only http and https, and by default only globally routable addresses: a feed
or a redirect must not make the crawler read the cloud metadata service
(169.254.169.254), the loopback interface or the office network. The check
runs on the addresses a host name resolves to, at the moment of connecting,
so it covers every redirect hop and cannot be dodged by a DNS answer that
changes between a check and the connection (see `GuardedTransport` in
`tasks.fetch.http`).
"""
from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass, field
from typing import Callable, Iterable
from urllib.parse import urlsplit

ALLOWED_SCHEMES = ("http", "https")

# Named for the error message; all of them are also "not global" and refused as such.
METADATA_ADDRESSES = {
    ipaddress.ip_address("169.254.169.254"),   # AWS, GCP, Azure, OpenStack
    ipaddress.ip_address("169.254.170.2"),     # AWS ECS task metadata
    ipaddress.ip_address("100.100.100.200"),   # Alibaba Cloud
    ipaddress.ip_address("fd00:ec2::254"),     # AWS over IPv6
}

Resolver = Callable[[str, int], list[str]]


class UnsafeURL(Exception):
    """The URL or an address it resolves to is not one we may fetch."""


class BadURL(UnsafeURL):
    """Not a URL we can even read: no host, a broken IPv6 literal."""


class NameResolutionError(Exception):
    """The host name has no address."""


def system_resolver(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise NameResolutionError(f"{host}: {exc}") from exc
    addresses: list[str] = []
    for _family, _type, _proto, _canon, sockaddr in infos:
        if sockaddr[0] not in addresses:
            addresses.append(sockaddr[0])
    if not addresses:
        raise NameResolutionError(f"{host}: no address")
    return addresses


@dataclass(frozen=True)
class AddressPolicy:
    """`allow_private` lifts the address check entirely (intranet sources, tests);
    `allowed_networks` lifts it for a few networks only, so metadata and the
    rest of the private space stay refused."""

    allow_private: bool = False
    allowed_networks: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = field(default=())

    @classmethod
    def with_networks(cls, networks: Iterable[str], allow_private: bool = False) -> "AddressPolicy":
        return cls(allow_private, tuple(ipaddress.ip_network(n, strict=False) for n in networks))

    def refusal(self, address: str) -> str | None:
        """Why connecting to `address` is refused, or None when it is allowed."""
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
            ip = ip.ipv4_mapped
        if self.allow_private or any(ip in net for net in self.allowed_networks):
            return None
        if ip in METADATA_ADDRESSES:
            return f"{ip} is a cloud metadata address"
        if ip.is_loopback:
            return f"{ip} is a loopback address"
        if ip.is_unspecified:  # 0.0.0.0 reaches the local host on Linux
            return f"{ip} is not a public address"
        if ip.is_link_local:
            return f"{ip} is a link-local address"
        if ip.is_private:
            return f"{ip} is a private address"
        if ip.is_multicast or ip.is_reserved or not ip.is_global:
            return f"{ip} is not a public address"
        return None


def check_scheme(url: str) -> None:
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError as exc:  # e.g. an unclosed IPv6 bracket
        raise BadURL(str(exc)) from exc
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise UnsafeURL(f"scheme {scheme or '(none)'!r} is not http or https")
    if not host:
        raise BadURL("no host")


def resolve_checked(host: str, port: int, policy: AddressPolicy, resolver: Resolver = system_resolver) -> list[str]:
    """The addresses of `host`, refusing the host if any of them is refused.

    All of them, not just the first: a name that answers with one public and
    one private address would otherwise reach the private one on a retry.
    """
    addresses = resolver(host, port)
    for address in addresses:
        reason = policy.refusal(address)
        if reason:
            raise UnsafeURL(reason if host == address else f"{host} -> {reason}")
    return addresses
