"""Where a webhook may point: not into the service's own network.

A tenant chooses the URL and the service makes the request, so without a check a tenant could have the
service call its loopback, private or cloud-metadata addresses (server-side request forgery). The check runs
twice: at registration on the URL as written (an IP literal or `localhost`; no DNS lookup in the request
path), and before each delivery on every address the host resolves to then (a name may resolve differently
later). The delivery then connects to the address that was checked (`destination`), never looking the name up
again: a name that answers with a public address to the check and a private one a moment later (DNS
rebinding) cannot steer the request. `CALLAUDIT_WEBHOOK_ALLOW_PRIVATE=true` lifts the check for deployments
whose receivers are internal.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

_LOCAL_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"})


def _forbidden(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_multicast


def written_address(url: str) -> str | None:
    """The non-public address a URL names literally (`http://10.0.0.5/`, `http://localhost/`), else None."""
    host = (urlsplit(url).hostname or "").rstrip(".").lower()
    if host in _LOCAL_NAMES or host.endswith(".localhost"):
        return host
    try:
        return host if _forbidden(host) else None
    except ValueError:  # a name, not an address: checked when it is resolved, before delivery
        return None


class ForbiddenAddress(Exception):
    """The URL's host is, or resolves to, a non-public address."""

    def __init__(self, url: str, address: str) -> None:
        super().__init__(f"{url} resolves to a non-public address ({address}); not delivered")
        self.address = address


@dataclass(frozen=True)
class Destination:
    """Where one delivery connects: the checked address, with the name as written kept for the server."""

    url: str  # the URL with its host replaced by the checked address
    host_header: str  # the host (and port) as written, for virtual hosting
    tls_name: str | None  # the name TLS sends and checks the certificate against (https), else None


def destination(url: str) -> Destination:
    """Resolve the URL's host once, refuse it if any address it resolves to is non-public, and pin the first.

    Raises `ForbiddenAddress`, or `OSError` when the name does not resolve.
    """
    parts = urlsplit(url)
    host = parts.hostname or ""
    literal = written_address(url)
    if literal is not None:
        raise ForbiddenAddress(url, literal)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    addresses = [str(info[4][0]) for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)]
    for address in addresses:
        if _forbidden(address):
            raise ForbiddenAddress(url, address)
    pinned = addresses[0].split("%", 1)[0]
    netloc = f"[{pinned}]" if ":" in pinned else pinned
    if parts.port is not None:
        netloc += f":{parts.port}"
    host_header = parts.netloc.rpartition("@")[2]
    return Destination(
        url=urlunsplit((parts.scheme, netloc, parts.path, parts.query, "")),
        host_header=host_header,
        tls_name=host if parts.scheme == "https" else None,
    )
