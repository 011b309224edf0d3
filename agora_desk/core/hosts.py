"""Which host names and addresses mean "this machine only".

One rule for the REST client (plain HTTP only to loopback), the token server
(its bind and its Host check) and the window's exposure warning.
"""

from __future__ import annotations

import ipaddress

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def ip_literal(host: str) -> IPAddress | None:
    """``host`` as an IP address (brackets, a zone ``%eth0`` and spaces allowed), or None."""
    name = host.strip()
    if name.startswith("[") and name.endswith("]"):
        name = name[1:-1]
    try:
        return ipaddress.ip_address(name.split("%", 1)[0])
    except ValueError:
        return None


def _normal_name(host: str) -> str:
    return host.strip().strip("[]").rstrip(".").lower()


def is_localhost_name(host: str) -> bool:
    """``localhost`` and its subdomains (RFC 6761: always this machine)."""
    name = _normal_name(host)
    return name == "localhost" or name.endswith(".localhost")


def is_loopback_host(host: str) -> bool:
    """127.0.0.0/8, ::1 (also IPv4-mapped) and localhost: this machine only."""
    if is_localhost_name(host):
        return True
    address = ip_literal(host)
    if address is None:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped.is_loopback
    return address.is_loopback


def is_unspecified_address(host: str) -> bool:
    """0.0.0.0 or ``::``: every interface of this machine."""
    address = ip_literal(host)
    return address is not None and address.is_unspecified
