"""The decoded-token model: one neutral description of any token.

The Inspect tab's tree, ``agora-desk decode --json`` and the diagnostics
all read from :class:`DecodedToken`, so the three always agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from agora_desk.core import jsontext, timefmt
from agora_desk.core.i18n import N_, _


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


class CheckName(str, Enum):
    """The checks, in causal order: an earlier failure explains a later one."""

    APP_ID = N_("app id")
    CHANNEL = N_("channel")
    UID = N_("uid")  # also for a string user account
    ROLE = N_("role")
    RTM_USER = N_("rtm user")
    EXPIRY = N_("expiry")
    PRIVILEGES = N_("privileges")
    LIFETIME = N_("lifetime")
    SIGNATURE = N_("signature")
    ERROR_CODE = N_("error code")

    def __str__(self) -> str:
        return self.value

    @property
    def label(self) -> str:
        """The name people read (the value stays English: JSON and scripts use it)."""
        return _(self.value)


class Phrasing(Enum):
    """How a check's detail reads as a clause about the token, so a sentence can be built
    from it in any language (not by matching its English words)."""

    PREDICATE = "predicate"  # "expired 2 h ago": the token expired 2 h ago
    BUILT = "built"  # "built for channel 'x'": the token was built for channel 'x'
    SUBJECT = "subject"  # "the token has no RTC service": it names the token itself


# A frozen dataclass's own __init__ sets each field through object.__setattr__, about
# five times the cost of storing them: a diagnosis makes a dozen checks and findings per
# keystroke, so these records write theirs out (tests/core/test_records.py keeps each in
# step with its fields).


@dataclass(frozen=True, init=False)
class Check:
    name: CheckName
    ok: bool | None  # None: cannot be decided (the detail says why)
    detail: str
    fix: str = ""  # one sentence on how to fix a failed check
    phrasing: Phrasing = field(default=Phrasing.PREDICATE, compare=False)

    def __init__(
        self,
        name: CheckName,
        ok: bool | None,
        detail: str,
        fix: str = "",
        phrasing: Phrasing = Phrasing.PREDICATE,
    ) -> None:
        stored = self.__dict__
        stored["name"] = name
        stored["ok"] = ok
        stored["detail"] = detail
        stored["fix"] = fix
        stored["phrasing"] = phrasing

    @property
    def failed(self) -> bool:
        return self.ok is False

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name.value, "ok": self.ok, "detail": self.detail}
        if self.fix:
            out["fix"] = self.fix
        return out


@dataclass(frozen=True, init=False)
class Verdict:
    ok: bool  # False when any check failed
    cause: CheckName | None  # the check that explains the failure
    summary: str  # one plain sentence, the first thing a person reads

    def __init__(self, ok: bool, cause: CheckName | None, summary: str) -> None:
        stored = self.__dict__  # see Check
        stored["ok"] = ok
        stored["cause"] = cause
        stored["summary"] = summary

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "cause": self.cause.value if self.cause else None,
            "summary": self.summary,
        }


# How a certificate of a profile is named (SignedBy.certificate, Candidate.which), and
# the 006/005 checksum rows of the tree: marked here, shown through _().
CERTIFICATE_NAMES = (N_("primary"), N_("secondary"))
CRC_LABELS = (N_("crc channel name"), N_("crc uid"))


@dataclass(frozen=True)
class SignedBy:
    profile: str | None  # None: the certificate came from the environment
    certificate: str | None  # "primary" | "secondary"

    def to_json(self) -> dict[str, Any]:
        return {"profile": self.profile, "certificate": self.certificate}

    def describe(self) -> str:
        """'the secondary certificate of profile 'demo'' (the CLI and the window say it so)."""
        certificate = _(self.certificate) if self.certificate else ""
        if self.profile:
            return _("the {certificate} certificate of profile {profile!r}").format(
                certificate=certificate, profile=self.profile
            )
        return _("the {certificate} certificate from the environment").format(
            certificate=certificate
        )


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
    services_declared: int | None = None  # 007: the count the token declares (decoding is capped)
    privileges: list[Privilege] | None = None  # 006
    extra: dict[str, Any] = field(default_factory=dict)  # 005 / older fields
    checks: list[Check] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    cleaned: list[str] = field(default_factory=list)  # what was stripped from the paste
    repaired: str | None = None  # the clean token, when paste damage was repaired
    verdict: Verdict | None = None
    signed_by: SignedBy | None = None
    diagnosed: bool = False  # signed_by is meaningful (a signer lookup was made)

    def copy(self) -> DecodedToken:
        """A shallow copy, as ``dataclasses.replace`` makes, in a fifth of its time.

        (replace runs ``__init__`` over all the fields; diagnosing makes one per call.)
        """
        new = object.__new__(DecodedToken)
        new.__dict__ = self.__dict__.copy()  # half the cost of update() into an empty one
        return new

    @property
    def failed_checks(self) -> list[Check]:
        return [c for c in self.checks if c.failed]

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
        if self.verdict is not None:
            out["verdict"] = self.verdict.to_json()
        if self.diagnosed:
            out["signed_by"] = self.signed_by.to_json() if self.signed_by else None
        if self.repaired is not None:
            out["cleaned"] = self.repaired
        return out

    def json_text(self) -> str:
        """The ``decode --json`` text: the one serializer every front end uses."""
        return jsontext.dumps(self.to_json())


# -- tree ---------------------------------------------------------------


# Rows the tree shows at most per level, and characters per row: a hostile token
# cannot make the view build thousands of rows or megabyte-long labels.
MAX_ROWS = 50
MAX_ROW_TEXT = 300


def bounded(text: str) -> str:
    if len(text) <= MAX_ROW_TEXT:
        return text
    return _("{text}… ({count} more characters not shown)").format(
        text=text[:MAX_ROW_TEXT], count=len(text) - MAX_ROW_TEXT
    )


class TimeKind(Enum):
    """How a row's time reads: an end ("expires in …") or a start ("issued … ago")."""

    END = ("expires", "expired")
    START = ("issued", "issued")


@dataclass
class Node:
    """A row of the Inspect tree: label, display text, and the raw value to copy.

    A row with a ``timestamp`` is a time: ``value`` is the text before it and
    :meth:`text` writes the time relative to a given moment, so a view can
    refresh "expires in …" from the data instead of parsing the text.
    """

    label: str
    value: str = ""
    children: list[Node] = field(default_factory=list)
    copy: str | None = None  # what "Copy value" puts on the clipboard
    timestamp: int | None = None  # absolute Unix time of a time row
    time_kind: TimeKind = TimeKind.END
    status: str = ""  # "", "ok", "warning", "error"

    def add(self, label: str, value: object = "", **kw: Any) -> Node:
        child = Node(bounded(label), bounded(str(value)), **kw)
        self.children.append(child)
        return child

    def add_more(self, hidden: int) -> None:
        """The row that stands for ``hidden`` rows not shown."""
        if hidden > 0:
            self.children.append(
                Node("…", _("{hidden} more not shown").format(hidden=hidden), status="warning")
            )

    def text(self, now: int | None = None) -> str:
        """The display text; a time row describes its time relative to ``now``."""
        if self.timestamp is None:
            return self.value
        future, past = self.time_kind.value
        return self.value + timefmt.describe(self.timestamp, now, future=future, past=past)


def _time_node(parent: Node, label: str, ts: int, *, kind: TimeKind = TimeKind.END) -> None:
    if ts == 0:
        parent.add(label, _("0 (no time limit)"), copy="0")
    else:
        parent.add(label, copy=str(ts), timestamp=ts, time_kind=kind)


def _privileges_node(parent: Node, privileges: list[Privilege]) -> None:
    node = parent.add(_("privileges"), f"{len(privileges)}")
    for p in privileges:
        copy = str(p.expire if p.expire is not None else p.expires_at)
        label = f"{p.id} {p.name}"
        if p.expires_at == 0:
            node.add(
                label,
                _("0 → no time limit") if p.expire is not None else _("no time limit"),
                copy=copy,
            )
        else:
            prefix = _("{expire} s → ").format(expire=p.expire) if p.expire is not None else ""
            node.add(label, prefix, copy=copy, timestamp=p.expires_at)


def to_tree(decoded: DecodedToken) -> Node:
    """The tree the Inspect tab and the text report show (times as data, see :class:`Node`)."""
    root = Node(_("token"), decoded.kind)
    root.add(
        _("version"),
        _("{version} ({kind})").format(version=decoded.version, kind=decoded.kind),
        copy=decoded.version,
    )
    if decoded.app_id:
        root.add(_("App ID"), decoded.app_id, copy=decoded.app_id)
    if decoded.issued_at is not None:
        _time_node(root, _("issued at"), decoded.issued_at, kind=TimeKind.START)
    if decoded.expire is not None:
        root.add(
            _("expire"),
            _("{seconds} s").format(seconds=decoded.expire)
            + (_(" (no time limit)") if not decoded.expire else ""),
            copy=str(decoded.expire),
        )
    if decoded.expires_at is not None:
        _time_node(root, _("expires at"), decoded.expires_at)
    if decoded.ts is not None:
        _time_node(root, "ts", decoded.ts)
    if decoded.salt is not None:
        root.add(_("salt"), decoded.salt, copy=str(decoded.salt))
    for key in ("crc_channel_name", "crc_uid"):
        value = getattr(decoded, key)
        if value is not None:
            root.add(_(key.replace("_", " ")), f"{value} (0x{value:08x})", copy=str(value))
    for key, value in decoded.extra.items():
        root.add(key.replace("_", " "), value, copy=str(value))
    if decoded.signature:
        status = {True: "ok", False: "error", None: ""}[decoded.signature_valid]
        verdict = {
            True: _("valid"),
            False: _("does NOT match the certificate"),
            None: _("not verified"),
        }
        root.add(
            _("signature"),
            _("{signature} ({state})").format(
                signature=decoded.signature, state=verdict[decoded.signature_valid]
            ),
            copy=decoded.signature,
            status=status,
        )
    if decoded.services is not None:
        declared = decoded.services_declared or len(decoded.services)
        services = root.add(_("services"), str(max(declared, len(decoded.services))))
        for s in decoded.services[:MAX_ROWS]:
            if s.undecoded:
                services.add(
                    _("type {type}").format(type=s.type),
                    _("unknown service: the rest of the token is not decoded"),
                    status="warning",
                )
                continue
            node = services.add(f"{s.type} {s.name}", "")
            for key, value in s.fields.items():
                shown = f'"{value}"' if isinstance(value, str) else str(value)
                if key == "uid" and value == "":
                    shown = _('"" (uid 0: any user)')
                node.add(key, shown, copy=str(value))
            _privileges_node(node, s.privileges)
            if s.permissions is not None:
                perms = node.add(_("permissions"), str(len(s.permissions)))
                for p in s.permissions[:MAX_ROWS]:
                    entry = perms.add(
                        f"{p.resource} {p.permission}", ", ".join(p.resources) or _("(none)")
                    )
                    for r in p.resources[:MAX_ROWS]:
                        entry.add(_("resource"), r, copy=r)
                    entry.add_more(len(p.resources) - MAX_ROWS)
        services.add_more(
            max(declared, len(decoded.services)) - min(len(decoded.services), MAX_ROWS)
        )
    if decoded.privileges is not None:
        _privileges_node(root, decoded.privileges)
    return root
