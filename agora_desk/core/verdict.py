"""The first sentence a person reads, and the report safe to paste in public.

:func:`of` writes the verdict from the ordered checks: "Valid RTC publisher
token for channel 'demo', uid 42; expires in 56 min" or "Rejected: built for
uid 42, you join as uid 0 → error 110". :func:`report` is the shareable text:
no token, no signature, no salt, the App ID masked to its last 4 characters.
"""

from __future__ import annotations

from agora_desk.core import checks, timefmt
from agora_desk.core.decoded import CheckName, DecodedToken, ServiceInfo, Verdict

# What the app sees when this check is the cause.
CONSEQUENCE = {
    CheckName.APP_ID: "error 110 (or 101 when the App ID itself is wrong)",
    CheckName.CHANNEL: "error 110",
    CheckName.UID: "error 110",
    CheckName.ROLE: "publishing is refused",
    CheckName.RTM_USER: "Signaling (RTM) login fails",
    CheckName.EXPIRY: "error 109 (token expired)",
    CheckName.PRIVILEGES: "the SDK refuses these actions",
    CheckName.LIFETIME: "it will not last as long as it says",
    CheckName.SIGNATURE: "error 110",
    CheckName.ERROR_CODE: "",
}


def _rtc_role(s: ServiceInfo) -> str:
    ids = {p.id for p in s.privileges}
    return "publisher" if ids & {2, 3, 4} else "subscriber"


def describe_kind(d: DecodedToken) -> str:
    """'RTC publisher token for channel 'demo', uid 42' and the like."""
    if d.services is None:
        if d.version == "006":
            return "006 token (its channel and uid are not stored in it)"
        return f"{d.kind} token"
    rtc = [s for s in d.services if s.name == "RTC"]
    names = [s.name for s in d.services if s.name not in ("RTC",)]
    parts: list[str] = []
    if rtc:
        parts.append(f"RTC {_rtc_role(rtc[0])}")
    parts += names
    what = " + ".join(parts) or "empty"
    details: list[str] = []
    if rtc:
        details.append(f"channel {str(rtc[0].fields.get('channel_name', ''))!r}")
        details.append(checks.user_shown(str(rtc[0].fields.get("uid", ""))))
    rtm = [s for s in d.services if s.name in ("RTM", "RTM2")]
    if rtm:
        details.append(f"RTM user {str(rtm[0].fields.get('user_id', ''))!r}")
    if len(d.services) > 1 and not rtc and not rtm:
        details.append(f"{len(d.services)} services")
    return f"{what} token" + (f" for {', '.join(details)}" if details else "")


def _expiry_phrase(d: DecodedToken, now: int) -> str:
    if d.expires_at:
        return timefmt.relative(d.expires_at, now)
    expiry = next((c for c in d.checks if c.name is CheckName.EXPIRY), None)
    if expiry is not None and expiry.ok:
        return expiry.detail.removeprefix("valid, ")
    return "no expiry of its own"


# Failed checks that do not make Agora refuse the token now: it is accepted,
# but will not work as its builder meant (Agora cuts any lifetime to 24 h).
NOT_A_REJECTION = frozenset({CheckName.LIFETIME})


def of(d: DecodedToken, now: int) -> Verdict:
    failed = [c for c in d.checks if c.failed]
    rejecting = [c for c in failed if c.name not in NOT_A_REJECTION]
    if rejecting:
        cause = rejecting[0]
        consequence = CONSEQUENCE.get(cause.name, "")
        tail = f" → {consequence}" if consequence else ""
        return Verdict(False, cause.name, f"Rejected: {cause.detail}{tail}")
    kind = describe_kind(d)
    when = _expiry_phrase(d, now)
    if failed:
        cause = failed[0]
        return Verdict(
            False,
            cause.name,
            f"Accepted {kind}, but {CONSEQUENCE[cause.name]}: {cause.detail}",
        )
    undecided = next((c for c in d.checks if c.ok is None and c.name is CheckName.SIGNATURE), None)
    if d.signature_valid is True:
        return Verdict(True, None, f"Valid {kind}; {when}")
    if undecided is not None:
        reason = undecided.detail.removeprefix("cannot tell: ")
        return Verdict(
            True, None, f"{kind[0].upper()}{kind[1:]}; {when}; signature not judged: {reason}"
        )
    if d.version in ("001", "002", "003", "004", "v1", "v2"):
        return Verdict(True, None, f"{d.kind}: a retired key that cannot be verified here; {when}")
    return Verdict(
        True,
        None,
        f"{kind[0].upper()}{kind[1:]}; {when}; signature not verified (no App Certificate for it)",
    )


def mask(app_id: str) -> str:
    return ("…" + app_id[-4:]) if len(app_id) > 4 else "…"


def report(d: DecodedToken, now: int) -> str:
    """A text safe to paste into a public issue (no token, signature or salt)."""
    lines = ["agora-desk token report"]
    if d.verdict is not None:
        lines.append(f"verdict: {d.verdict.summary}")
    lines.append(f"version: {d.version} ({d.kind})")
    if d.app_id:
        lines.append(f"App ID: {mask(d.app_id)}")
    for label, ts, words in (
        ("issued at", d.issued_at, ("issued", "issued")),
        ("expires at", d.expires_at, ("expires", "expired")),
        ("ts", d.ts, ("expires", "expired")),
    ):
        if ts:
            phrase = timefmt.relative(ts, now, future=words[0], past=words[1])
            lines.append(f"{label}: {timefmt.utc_iso(ts)} ({phrase})")
    if d.expire is not None:
        lines.append(f"expire: {d.expire} s")
    for s in d.services or []:
        fields = ", ".join(f"{k} {v!r}" for k, v in s.fields.items())
        lines.append(f"service {s.type} {s.name}" + (f": {fields}" if fields else ""))
        for p in s.privileges:
            at = timefmt.utc_iso(p.expires_at) if p.expires_at else "no limit"
            lines.append(f"  privilege {p.name}: {p.expire} s ({at})")
    for p in d.privileges or []:
        at = timefmt.utc_iso(p.expires_at) if p.expires_at else "no limit"
        lines.append(f"privilege {p.name}: {at}")
    if d.signed_by is not None:
        lines.append(f"signed by: profile {d.signed_by.profile or '(environment)'}, "
                     f"{d.signed_by.certificate} certificate")  # fmt: skip
    lines.append("checks:")
    for c in d.checks:
        mark = {True: "ok  ", False: "FAIL", None: "?   "}[c.ok]
        lines.append(f"  [{mark}] {c.name.value}: {c.detail}")
        if c.fix and c.ok is not True:
            lines.append(f"         fix: {c.fix}")
    for w in d.warnings:
        lines.append(f"warning: {w}")
    text = "\n".join(lines) + "\n"
    if d.app_id:
        text = text.replace(d.app_id, mask(d.app_id))
    return text
