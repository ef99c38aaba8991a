"""Where a webhook may point: not into the service's own network.

A tenant chooses the URL and the service makes the request, so without a check a tenant could have the
service call its loopback, private or cloud-metadata addresses (server-side request forgery). The check runs
twice: at registration on the URL as written (an IP literal or `localhost`; no DNS lookup in the request
path), and before each delivery on every address the host resolves to then (a name may resolve differently
later). `CALLAUDIT_WEBHOOK_ALLOW_PRIVATE=true` lifts it for deployments whose receivers are internal.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

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


def resolved_address(url: str) -> str | None:
    """The first non-public address the URL's host resolves to, else None (unresolvable hosts fail later)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    literal = written_address(url)
    if literal is not None:
        return literal
    try:
        infos = socket.getaddrinfo(host, parts.port or (443 if parts.scheme == "https" else 80),
                                   type=socket.SOCK_STREAM)
    except OSError:
        return None
    for info in infos:
        address = str(info[4][0])
        if _forbidden(address):
            return address
    return None
