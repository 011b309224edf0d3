"""The decoded-token model: one neutral description of any token.

The Inspect tab's tree, ``agora-desk decode --json`` and the diagnostics
all read from :class:`DecodedToken`, so the three always agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from agora_desk.core import timefmt


@dataclass
class Privilege:
    id: int
    name: str
    expires_at: int  # absolute Unix time; 0 = no limit of its own
    expire: int | None = None  # 007: seconds from issued_at; 006: absent

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "name": self.name}
        if self.expire is not None:
            out["expire"] = self.expire
        out["expires_at"] = self.expires_at
        return out


@dataclass
class Permission:
    resource_type: int
    resource: str
    permission_type: int
    permission: str
    resources: list[str]

    def to_json(self) -> dict[str, Any]:
        return {
            "resource_type": self.resource_type,
            "resource": self.resource,
            "permission_type": self.permission_type,
            "permission": self.permission,
            "resources": list(self.resources),
        }


@dataclass
class ServiceInfo:
    type: int
    name: str
    fields: dict[str, Any] = field(default_factory=dict)  # wire order
    privileges: list[Privilege] = field(default_factory=list)
    permissions: list[Permission] | None = None  # RTM2 only
    undecoded: bool = False

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": self.type, "name": self.name}
        if self.undecoded:
            out["undecoded"] = True
            return out
        out.update(self.fields)
        out["privileges"] = [p.to_json() for p in self.privileges]
        if self.permissions is not None:
            out["permissions"] = [p.to_json() for p in self.permissions]
        return out


@dataclass
class Check:
    name: str  # expiry, signature, channel, uid, app id, privileges, ...
    ok: bool
    detail: str
    fix: str = ""  # one sentence on how to fix a failed check

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "ok": self.ok, "detail": self.detail}
        if self.fix:
            out["fix"] = self.fix
        return out


@dataclass
class DecodedToken:
    version: str  # "007", "006", "005", "004" ..., "signaling"
    kind: str  # human name: "AccessToken2", "AccessToken", "DynamicKey5" ...
    token: str = ""  # the cleaned token that was decoded
    app_id: str = ""
    issued_at: int | None = None
    expire: int | None = None
    expires_at: int | None = None
    ts: int | None = None
    crc_channel_name: int | None = None
    crc_uid: int | None = None
    salt: int | None = None
    signature: str = ""
    signature_valid: bool | None = None
    services: list[ServiceInfo] | None = None  # 007
    privileges: list[Privilege] | None = None  # 006
    extra: dict[str, Any] = field(default_factory=dict)  # 005 / older fields
    checks: list[Check] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    cleaned: list[str] = field(default_factory=list)  # what was stripped from the paste

    @property
    def failed_checks(self) -> list[Check]:
        return [c for c in self.checks if not c.ok]

    def to_json(self) -> dict[str, Any]:
        """The ``agora-desk decode --json`` schema (absent fields omitted)."""
        out: dict[str, Any] = {"version": self.version, "app_id": self.app_id}
        for key in (
            "issued_at",
            "expire",
            "expires_at",
            "ts",
            "crc_channel_name",
            "crc_uid",
            "salt",
        ):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        out["signature"] = self.signature
        out["signature_valid"] = self.signature_valid
        if self.services is not None:
            out["services"] = [s.to_json() for s in self.services]
        if self.privileges is not None:
            out["privileges"] = [p.to_json() for p in self.privileges]
        out.update(self.extra)
        out["checks"] = [c.to_json() for c in self.checks]
        out["warnings"] = list(self.warnings)
        return out


# -- tree ---------------------------------------------------------------


@dataclass
class Node:
    """A row of the Inspect tree: label, display text, and the raw value to copy."""

    label: str
    value: str = ""
    children: list[Node] = field(default_factory=list)
    copy: str | None = None  # what "Copy value" puts on the clipboard
    timestamp: int | None = None  # rows whose relative time refreshes live
    status: str = ""  # "", "ok", "warning", "error"

    def add(self, label: str, value: object = "", **kw: Any) -> Node:
        child = Node(label, str(value), **kw)
        self.children.append(child)
        return child


def _time_node(parent: Node, label: str, ts: int, now: int | None, *, issued: bool = False) -> None:
    if ts == 0:
        parent.add(label, "0 (no time limit)", copy="0")
    elif issued:
        text = timefmt.describe(ts, now, future="issued", past="issued")
        parent.add(label, text, copy=str(ts), timestamp=ts)
    else:
        parent.add(label, timefmt.describe(ts, now), copy=str(ts), timestamp=ts)


def _privileges_node(parent: Node, privileges: list[Privilege], now: int | None) -> None:
    node = parent.add("privileges", f"{len(privileges)}")
    for p in privileges:
        text = "no time limit" if p.expires_at == 0 else timefmt.describe(p.expires_at, now)
        if p.expire is not None:
            text = f"{p.expire} s → {text}" if p.expires_at else f"0 → {text}"
        node.add(
            f"{p.id} {p.name}",
            text,
            copy=str(p.expire if p.expire is not None else p.expires_at),
            timestamp=p.expires_at or None,
        )


def to_tree(decoded: DecodedToken, now: int | None = None) -> Node:
    """The tree the Inspect tab shows; times are described relative to ``now``."""
    root = Node("token", decoded.kind)
    root.add("version", f"{decoded.version} ({decoded.kind})", copy=decoded.version)
    if decoded.app_id:
        root.add("App ID", decoded.app_id, copy=decoded.app_id)
    if decoded.issued_at is not None:
        _time_node(root, "issued at", decoded.issued_at, now, issued=True)
    if decoded.expire is not None:
        root.add(
            "expire",
            f"{decoded.expire} s" + (" (no time limit)" if not decoded.expire else ""),
            copy=str(decoded.expire),
        )
    if decoded.expires_at is not None:
        _time_node(root, "expires at", decoded.expires_at, now)
    if decoded.ts is not None:
        _time_node(root, "ts", decoded.ts, now)
    if decoded.salt is not None:
        root.add("salt", decoded.salt, copy=str(decoded.salt))
    for key in ("crc_channel_name", "crc_uid"):
        value = getattr(decoded, key)
        if value is not None:
            root.add(key.replace("_", " "), f"{value} (0x{value:08x})", copy=str(value))
    for key, value in decoded.extra.items():
        root.add(key.replace("_", " "), value, copy=str(value))
    if decoded.signature:
        status = {True: "ok", False: "error", None: ""}[decoded.signature_valid]
        verdict = {True: "valid", False: "does NOT match the certificate", None: "not verified"}
        root.add(
            "signature",
            f"{decoded.signature} ({verdict[decoded.signature_valid]})",
            copy=decoded.signature,
            status=status,
        )
    if decoded.services is not None:
        services = root.add("services", str(len(decoded.services)))
        for s in decoded.services:
            if s.undecoded:
                services.add(
                    f"type {s.type}",
                    "unknown service: the rest of the token is not decoded",
                    status="warning",
                )
                continue
            node = services.add(f"{s.type} {s.name}", "")
            for key, value in s.fields.items():
                shown = f'"{value}"' if isinstance(value, str) else str(value)
                if key == "uid" and value == "":
                    shown = '"" (uid 0: any user)'
                node.add(key, shown, copy=str(value))
            _privileges_node(node, s.privileges, now)
            if s.permissions is not None:
                perms = node.add("permissions", str(len(s.permissions)))
                for p in s.permissions:
                    entry = perms.add(
                        f"{p.resource} {p.permission}", ", ".join(p.resources) or "(none)"
                    )
                    for r in p.resources:
                        entry.add("resource", r, copy=r)
    if decoded.privileges is not None:
        _privileges_node(root, decoded.privileges, now)
    return root
