"""Which addresses the room may listen on: loopback and the private local networks, never a
public address (the room is for the people in it, not the internet)."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

from pofacil.board.model.errors import PofacilError

LOCAL_NETWORKS = tuple(
    ipaddress.ip_network(n)
    for n in (
        "127.0.0.0/8",
        "::1/128",
        "10.0.0.0/8",
        "172.16.0.0/12",
        "192.168.0.0/16",
        "169.254.0.0/16",
        "fc00::/7",
    )
)


class NotLocalError(PofacilError):
    """An address the room refuses to listen on."""


@dataclass(frozen=True)
class Interface:
    """One address of one network interface of this machine."""

    name: str  # the interface's name (wlan0, en0, "Wi-Fi")
    address: str

    @property
    def loopback(self) -> bool:
        return ipaddress.ip_address(self.address).is_loopback


def is_local(address: str) -> bool:
    """True for loopback and the private local ranges of issue 15; False for anything else,
    a name or a malformed address included."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    return any(ip in net for net in LOCAL_NETWORKS if net.version == ip.version)


def check_local(address: str) -> str:
    if not is_local(address):
        raise NotLocalError(
            "{address} is not a local network address; the room listens only on this "
            "computer's own network (loopback, 10.x, 172.16-31.x, 192.168.x, 169.254.x, fc00::/7).",
            address=address,
        )
    return address


def local_interfaces() -> list[Interface]:
    """This machine's local addresses, loopback first, then the private networks (IPv4 first).

    Read with ifaddr; IPv6 link-local addresses (fe80::) are left out: a phone cannot reach
    them without the interface's zone, which no browser address bar takes.
    """
    import ifaddr

    found: list[Interface] = []
    for adapter in ifaddr.get_adapters():
        for ip in adapter.ips:
            address = ip.ip if isinstance(ip.ip, str) else ip.ip[0]
            if is_local(address) and (adapter.nice_name, address) not in {
                (i.name, i.address) for i in found
            }:
                found.append(Interface(adapter.nice_name, address))
    found.sort(key=lambda i: (not i.loopback, ":" in i.address, i.address))
    if not any(i.loopback for i in found):
        found.insert(0, Interface("lo", "127.0.0.1"))
    return found
