"""Decode anything a person pastes into a :class:`DecodedToken`.

Cleaning (whitespace, quotes, ``agora token=`` prefixes, URL-encoding) is
done first and each step is reported, because a stray quote in a config
file is the most common reason a genuine token is rejected.
"""

from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass, field

from agora_desk.core import older, token005, token006, token007
from agora_desk.core.decoded import DecodedToken, Permission, Privilege, ServiceInfo
from agora_desk.core.errors import TokenFormatError
from agora_desk.core.token007 import PERMISSION_TYPES, RESOURCE_TYPES, Rtm2Service, UnknownService
from agora_desk.core.validation import QUOTES
from agora_desk.core.wire import is_clean_text

_PREFIX = re.compile(
    r"^(?:authorization\s*:\s*)?(?:agora\s+token\s*=|x-agora-token\s*:|token\s*[=:])\s*",
    re.IGNORECASE,
)


def clean_paste(text: str) -> tuple[str, list[str]]:
    """Strip paste artefacts; return the token and one note per change."""
    notes: list[str] = []
    token = text
    for _ in range(4):  # artefacts nest: '"token=007..."\n'
        before = token
        stripped = token.strip()
        if stripped != token:
            notes.append("removed whitespace around the token")
            token = stripped
        if len(token) >= 2 and token[0] in QUOTES and token[-1] in QUOTES:
            notes.append(f"removed the quotes ({token[0]}…{token[-1]}) around the token")
            token = token[1:-1]
        match = _PREFIX.match(token)
        if match:
            notes.append(f"removed the prefix {match.group(0).strip()!r}")
            token = token[match.end() :]
        if "%" in token and re.search(r"%[0-9A-Fa-f]{2}", token):
            unquoted = urllib.parse.unquote(token)
            if unquoted != token:
                notes.append("decoded URL-encoding (%2B, %2F, %3D ...) in the token")
                token = unquoted
        if token == before:
            break
    inner_ws = re.sub(r"\s+", "", token)
    if inner_ws != token:
        notes.append("removed line breaks or spaces inside the token")
        token = inner_ws
    if token[:3] in ("007", "006", "005") and ("-" in token or "_" in token):
        # URL-safe base64 from a mangled copy; map back to the standard alphabet.
        notes.append("converted URL-safe base64 (- and _) back to + and /")
        token = token.translate(str.maketrans("-_", "+/"))
    return token, notes


def _pad(body: str, notes: list[str]) -> str:
    missing = -len(body) % 4
    if missing and missing < 3:
        notes.append(f"added {missing} missing '=' padding character(s)")
        return body + "=" * missing
    return body


@dataclass
class Parsed:
    """A parsed token object of any version, with its decoded model."""

    obj: object
    decoded: DecodedToken
    # What decoding alone found; checks add to a copy, so they can be re-run.
    base_warnings: list[str] = field(default_factory=list)


def _from_007(tok: token007.AccessToken2) -> DecodedToken:
    services: list[ServiceInfo] = []
    warnings: list[str] = []
    for s in tok.services:
        if isinstance(s, UnknownService):
            services.append(ServiceInfo(type=s.type_id, name="unknown", undecoded=True))
            warnings.append(
                f"service type {s.type_id} is not known to this version of agora-desk; "
                f"the {len(s.raw)} byte(s) from there on are not decoded (the signature still covers them)"
            )
            continue
        fields = dict(s.field_items())
        for key, value in fields.items():
            if isinstance(value, str) and not is_clean_text(value):
                warnings.append(
                    f"{s.name} {key} is not valid UTF-8; invalid bytes are shown escaped"
                )
        perms = None
        if isinstance(s, Rtm2Service):
            fields.pop("permissions", None)
            perms = [
                Permission(
                    rt,
                    RESOURCE_TYPES.get(rt, f"resource type {rt}"),
                    pt,
                    PERMISSION_TYPES.get(pt, f"permission type {pt}"),
                    list(resources),
                )
                for rt, by_perm in s.permissions.items()
                for pt, resources in by_perm.items()
            ]
        privileges = [
            Privilege(pid, s.privilege_name(pid), tok.issued_at + v if v else 0, expire=v)
            for pid, v in sorted(s.privileges.items())
        ]
        services.append(ServiceInfo(s.service_type, s.name, fields, privileges, perms))
    if tok.trailing and tok.complete:
        warnings.append(f"{len(tok.trailing)} unexpected byte(s) after the last service")
    if tok.complete and len(tok.services) != tok.declared_service_count:
        warnings.append("fewer services than the token declares")
    return DecodedToken(
        version="007",
        kind="AccessToken2",
        app_id=tok.app_id,
        issued_at=tok.issued_at,
        expire=tok.expire,
        expires_at=tok.expires_at,
        salt=tok.salt,
        signature=tok.signature.hex(),
        services=services,
        warnings=warnings,
    )


def _from_006(tok: token006.AccessToken006) -> DecodedToken:
    return DecodedToken(
        version="006",
        kind="AccessToken (006)",
        app_id=tok.app_id,
        ts=tok.ts,
        crc_channel_name=tok.crc_channel_name,
        crc_uid=tok.crc_uid,
        salt=tok.salt,
        signature=tok.signature.hex(),
        privileges=[
            Privilege(pid, token006.privilege_name(pid), value)
            for pid, value in sorted(tok.privileges.items())
        ],
    )


def _from_005(key: token005.DynamicKey5) -> DecodedToken:
    return DecodedToken(
        version="005",
        kind="DynamicKey5 (deprecated)",
        app_id=key.app_id,
        salt=key.random,
        signature=key.signature,
        extra={
            "service_type": key.service_type,
            "service": key.service_name,
            "unix_ts": key.unix_ts,
            "expired_ts": key.expired_ts,
            "extra": {str(k): v.decode("utf-8", "replace") for k, v in key.extra.items()},
        },
        warnings=["DynamicKey5 is deprecated; current SDKs expect a 007 token"],
    )


def _from_old(key: older.OldDynamicKey) -> DecodedToken:
    extra: dict[str, object] = {"name": key.name}
    if key.decoded:
        extra.update(unix_ts=key.unix_ts, random=key.random, expired_ts=key.expired_ts)
    return DecodedToken(
        version=key.version,
        kind=key.name,
        app_id=key.app_id,
        signature=key.signature,
        extra=extra,
        warnings=[
            f"{key.name} is a retired format (before 2018); current SDKs expect a 007 token"
            + ("" if key.decoded else "; its fields are not decoded")
        ],
    )


def _from_signaling(tok: older.SignalingToken) -> DecodedToken:
    return DecodedToken(
        version="signaling",
        kind=tok.name,
        app_id=tok.app_id,
        signature=tok.md5,
        extra={"expired_ts": tok.expired_ts},
        warnings=["the legacy Signaling SDK token; Signaling (RTM) 2.x expects a 007 token"],
    )


def parse_any(text: str) -> Parsed:
    """Clean, detect the version and parse. Raises :class:`TokenFormatError`."""
    token, notes = clean_paste(text)
    if not token:
        raise TokenFormatError("empty input: paste a token")
    parsed: Parsed
    if token.startswith("007"):
        body = _pad(token[3:], notes)
        tok7 = token007.parse("007" + body)
        parsed = Parsed(tok7, _from_007(tok7))
    elif token.startswith("006"):
        head, body = token[:35], _pad(token[35:], notes)
        tok6 = token006.parse(head + body)
        parsed = Parsed(tok6, _from_006(tok6))
    elif token.startswith("005"):
        key5 = token005.parse("005" + _pad(token[3:], notes))
        parsed = Parsed(key5, _from_005(key5))
    elif older.looks_old(token):
        old = older.parse_old(token)
        parsed = Parsed(old, _from_old(old))
    elif older.looks_signaling(token):
        sig = older.parse_signaling(token)
        parsed = Parsed(sig, _from_signaling(sig))
    else:
        raise TokenFormatError(_guess(token, text))
    parsed.decoded.token = token
    parsed.decoded.cleaned = notes
    parsed.decoded.warnings[:0] = notes
    parsed.base_warnings = list(parsed.decoded.warnings)
    return parsed


def _guess(token: str, original: str) -> str:
    if original.strip().lower().startswith("basic ") or token.lower().startswith(
        "authorization:basic"
    ):
        return "this is a Basic credential header, not a token: use the Basic credential tab or 'agora-desk basic --decode'"
    if token.count(".") == 2 and token.startswith("eyJ"):
        return "this looks like a JWT, not an Agora token (Agora tokens start with 007 or 006)"
    if re.fullmatch(r"[0-9a-fA-F]{32}", token):
        return "this is a 32-character hex string: an App ID or App Certificate, not a token"
    if re.match(r"^0\d\d", token):
        return f"unknown token version {token[:3]!r} (known: 007, 006, 005 and older)"
    preview = token[:12] + ("…" if len(token) > 12 else "")
    return f"not an Agora token: it starts with {preview!r}; Agora tokens start with 007 or 006"
