"""The first sentence a person reads, and the report safe to paste in public.

:func:`of` writes the verdict from the ordered checks: "Valid RTC publisher
token for channel 'demo', uid 42; expires in 56 min" or "Rejected: built for
uid 42, you join as uid 0 → error 110". :func:`report` is the shareable text:
no token, no signature, no salt, the App ID masked to its last 4 characters.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from agora_desk.core import checks, i18n, timefmt
from agora_desk.core.decoded import Check, CheckName, DecodedToken, ServiceInfo, Verdict
from agora_desk.core.formats import v006
from agora_desk.core.formats.v007_checks import PUBLISH
from agora_desk.core.i18n import N_, Fill, _

# What the app sees when this check is the cause.
CONSEQUENCE = {
    CheckName.APP_ID: N_("error 110 (or 101 when the App ID itself is wrong)"),
    CheckName.CHANNEL: N_("error 110"),
    CheckName.UID: N_("error 110"),
    CheckName.ROLE: N_("publishing is refused"),
    CheckName.RTM_USER: N_("Signaling (RTM) login fails"),
    CheckName.EXPIRY: N_("error 109 (token expired)"),
    CheckName.PRIVILEGES: N_("the SDK refuses these actions"),
    CheckName.LIFETIME: N_("it will not last as long as it says"),
    CheckName.SIGNATURE: N_("error 110"),
    CheckName.ERROR_CODE: "",
}


def _publishes(s: ServiceInfo) -> bool:
    for p in s.privileges:
        if p.id in PUBLISH:
            return True
    return False


_Shape = tuple[ServiceInfo | None, ServiceInfo | None, bool | None, tuple[str, ...]]


def _shape(services: Sequence[ServiceInfo]) -> _Shape:
    """The first RTC service, the first RTM one, whether the RTC one publishes (None: no
    RTC) and the other services' names, in one pass."""
    rtc: ServiceInfo | None = None
    rtm: ServiceInfo | None = None
    names: list[str] = []
    for s in services:
        if s.name == "RTC":
            if rtc is None:
                rtc = s
            continue
        names.append(s.name)
        if rtm is None and (s.name == "RTM" or s.name == "RTM2"):
            rtm = s
    return rtc, rtm, None if rtc is None else _publishes(rtc), tuple(names)


# The token's own values in a kind sentence (see _kind_template), in this order.
_KIND_FIELDS = ("channel_name", "wire_uid", "user_id")


def _kind_values(
    rtc: ServiceInfo | None, rtm: ServiceInfo | None
) -> tuple[str, tuple[str, str, str]]:
    """The uid's wording (checks.user_form; "" without RTC) and the values of _KIND_FIELDS."""
    user_id = "" if rtm is None else str(rtm.fields.get("user_id", ""))
    if rtc is None:
        return "", ("", "", user_id)
    fields = rtc.fields
    wire_uid = str(fields.get("uid", ""))
    return checks.user_form(wire_uid), (str(fields.get("channel_name", "")), wire_uid, user_id)


def describe_kind(d: DecodedToken, expect: checks.Expectations | None = None) -> str:
    """'RTC publisher token for channel 'demo', uid 42' and the like."""
    if d.services is None:
        if d.version == "006":
            return _describe_006(d, expect)
        return _("{kind} token").format(kind=d.kind)
    rtc, rtm, role, names = _shape(d.services)
    user, values = _kind_values(rtc, rtm)
    return _kind_fill(i18n.active_language(), role, names, user)(values)


@functools.lru_cache(maxsize=64)
def _kind_fill(
    language: i18n.Language, publishes: bool | None, names: tuple[str, ...], user: str
) -> Fill:
    return i18n.filler(_kind_template(language, publishes, names, user), _KIND_FIELDS)


@functools.lru_cache(maxsize=64)
def _kind_template(
    language: i18n.Language, publishes: bool | None, names: tuple[str, ...], user: str
) -> str:
    """describe_kind's sentence for one shape of token (``user``: the uid's wording, see
    checks.user_form), the token's own values (_KIND_FIELDS) left open: the same few shapes
    come back in every paste."""
    # ``language`` is the cache key: the pieces below are read in it.
    if publishes is None:
        parts = list(names)
    else:
        role = _("publisher") if publishes else _("subscriber")
        parts = [f"RTC {role}", *names]
    what = " + ".join(parts) or _("empty")
    details: list[str] = []
    if publishes is not None:
        details.append(_("channel {channel_name!r}"))
        details.append(_(user))
    if any(n == "RTM" or n == "RTM2" for n in names):
        details.append(_("RTM user {user_id!r}"))
    if len(names) > 1 and not details:
        details.append(i18n.literal(_("{count} services").format(count=len(names))))
    if details:
        return i18n.composed(
            _("{what} token for {details}"),
            what=i18n.literal(what),
            details=_(i18n.LIST_SEPARATOR).join(details),
        )
    return i18n.literal(_("{what} token").format(what=what))


def _expiry_phrase(d: DecodedToken, now: int) -> str:
    if d.expires_at:
        return timefmt.relative(d.expires_at, now)
    expiry = next((c for c in d.checks if c.name is CheckName.EXPIRY), None)
    if expiry is not None and expiry.ok:
        return expiry.detail.removeprefix(_("valid, "))
    return _("no expiry of its own")


def _describe_006(d: DecodedToken, expect: checks.Expectations | None) -> str:
    # 006 keeps only checksums of its channel and uid: they can be named only
    # once the join's values matched them.
    passed = {c.name for c in d.checks if c.ok is True}
    if (
        expect is not None
        and expect.channel is not None
        and expect.wire_user is not None
        and {CheckName.CHANNEL, CheckName.UID} <= passed
    ):
        # The builders write uid 0 as the empty string: v006's checksum of it.
        user = checks.user_shown("") if d.crc_uid == v006.crc("") else expect.user_shown
        return _(
            "006 token for channel {channel!r}, {user} (matched by the checksums it keeps)"
        ).format(channel=expect.channel, user=user)
    return _("006 token (its channel and uid are not stored in it)")


# Failed checks that do not make Agora refuse the token now: it is accepted,
# but will not work as its builder meant (Agora cuts any lifetime to 24 h).
NOT_A_REJECTION = frozenset({CheckName.LIFETIME})

_MARKS = {True: "ok  ", False: "FAIL", None: "?   "}


def check_lines(found: Sequence[Check]) -> list[str]:
    """The checks as text lines ("  [FAIL] uid: ...", then its fix): decode and the report."""
    lines: list[str] = []
    for c in found:
        line = _("[{mark}] {name}: {detail}").format(
            mark=_MARKS[c.ok], name=c.name.label, detail=c.detail
        )
        lines.append("  " + line)
        if c.fix and c.ok is not True:
            lines.append("         " + _("fix: {fix}").format(fix=c.fix))
    return lines


# Read once: an Enum member is a slow attribute of its class.
_SIGNATURE, _ERROR_CODE = CheckName.SIGNATURE, CheckName.ERROR_CODE


def of(d: DecodedToken, now: int, expect: checks.Expectations | None = None) -> Verdict:
    # One pass over the checks: the first failure, the first rejecting one, an undecided
    # signature and whether the reported error code was explained.
    failed: Check | None = None
    undecided: Check | None = None
    error_explained = False
    for c in d.checks:
        ok = c.ok
        if ok is False:
            if c.name not in NOT_A_REJECTION:
                return _rejected(c)
            if failed is None:
                failed = c
        elif ok is None:
            if undecided is None and c.name is _SIGNATURE:
                undecided = c
        elif c.name is _ERROR_CODE:
            error_explained = True
    if failed is not None:
        return Verdict(
            False,
            failed.name,
            _("Accepted {kind}, but {consequence}: {detail}").format(
                kind=describe_kind(d, expect),
                consequence=_(CONSEQUENCE[failed.name]),
                detail=failed.detail,
            ),
        )
    if d.signature_valid is True:
        # The reported error is the question asked: the first sentence answers it.
        sentence = _VALID_UNEXPLAINED if error_explained else _VALID
        return Verdict(True, None, _accepted(sentence, False, d, now, expect))
    if undecided is not None:
        reason = undecided.detail.removeprefix(_("cannot tell: "))
        return Verdict(True, None, _accepted(_NOT_JUDGED, True, d, now, expect, reason))
    if d.version in ("001", "002", "003", "004", "v1", "v2"):
        return Verdict(
            True,
            None,
            _("{kind}: a retired key that cannot be verified here; {when}").format(
                kind=d.kind, when=_expiry_phrase(d, now)
            ),
        )
    return Verdict(True, None, _accepted(_NOT_VERIFIED, True, d, now, expect))


# The first sentence of a token Agora accepts (``capital``: {kind} opens it).
_VALID = N_("Valid {kind}; {when}")
_VALID_UNEXPLAINED = N_("Valid {kind}; {when}; it does not explain the error the app got")
_NOT_JUDGED = N_("{kind}; {when}; signature not judged: {reason}")
_NOT_VERIFIED = N_("{kind}; {when}; signature not verified (no App Certificate for it)")
# A whole accepted sentence's values (see _sentence), in this order.
_FIELDS = (*_KIND_FIELDS, "reason", *timefmt.FIELDS)


def _accepted(
    sentence: str,
    capital: bool,
    d: DecodedToken,
    now: int,
    expect: checks.Expectations | None,
    reason: str = "",
) -> str:
    if d.services is not None and d.expires_at:
        # A token with services that expires: one sentence per shape and wording, filled.
        rtc, rtm, role, names = _shape(d.services)
        user, values = _kind_values(rtc, rtm)
        direction, form, times = timefmt.relative_form(d.expires_at - now)
        language = i18n.active_language()
        fill = _sentence(language, sentence, capital, role, names, user, direction, form)
        if fill is not None:
            return fill((*values, reason, *times))
    kind = describe_kind(d, expect)
    when_text = _expiry_phrase(d, now)
    return _(sentence).format(
        kind=_capitalized(kind) if capital else kind, when=when_text, reason=reason
    )


@functools.lru_cache(maxsize=256)
def _sentence(
    language: i18n.Language,
    sentence: str,
    capital: bool,
    publishes: bool | None,
    names: tuple[str, ...],
    user: str,
    direction: str,
    form: int,
) -> Fill | None:
    """``sentence`` composed with the kind of token and the expiry phrase (timefmt's, for
    ``direction`` and ``form``), as a filler of _FIELDS; None when it cannot be composed ahead."""
    when, _fill = timefmt.relative_phrase(direction, form)
    kind = _kind_template(language, publishes, names, user)
    if capital:
        if kind.startswith("{"):
            return None  # the capital belongs to a value: only the filled text has it
        kind = _capitalized(kind)
    whole = i18n.composed(_(sentence), kind=kind, when=when, reason="{reason}")
    return i18n.filler(whole, _FIELDS)


def _rejected(cause: Check) -> Verdict:
    consequence = _(CONSEQUENCE.get(cause.name, "")) if CONSEQUENCE.get(cause.name) else ""
    tail = f" → {consequence}" if consequence else ""
    return Verdict(
        False, cause.name, _("Rejected: {detail}{tail}").format(detail=cause.detail, tail=tail)
    )


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def mask(app_id: str) -> str:
    return ("…" + app_id[-4:]) if len(app_id) > 4 else "…"


def report(d: DecodedToken, now: int) -> str:
    """A text safe to paste into a public issue (no token, signature or salt)."""
    lines = [_("agora-desk token report")]
    if d.verdict is not None:
        lines.append(_("verdict: {summary}").format(summary=d.verdict.summary))
    lines.append(_("version: {version} ({kind})").format(version=d.version, kind=d.kind))
    if d.app_id:
        lines.append(_("App ID: {mask}").format(mask=mask(d.app_id)))
    for label, ts, words in (
        (N_("issued at"), d.issued_at, (N_("issued"), N_("issued"))),
        (N_("expires at"), d.expires_at, (N_("expires"), N_("expired"))),
        ("ts", d.ts, ("expires", "expired")),
    ):
        if ts:
            phrase = timefmt.relative(ts, now, future=words[0], past=words[1])
            lines.append(
                _("{label}: {utc_iso} ({phrase})").format(
                    label=_(label), utc_iso=timefmt.utc_iso(ts), phrase=phrase
                )
            )
    if d.expire is not None:
        lines.append(_("expire: {expire} s").format(expire=d.expire))
    for s in d.services or []:
        fields = ", ".join(f"{k} {v!r}" for k, v in s.fields.items())
        if fields:
            line = _("service {type} {name}: {fields}").format(
                type=s.type, name=s.name, fields=fields
            )
        else:
            line = _("service {type} {name}").format(type=s.type, name=s.name)
        lines.append(line)
        for p in s.privileges:
            at = timefmt.utc_iso(p.expires_at) if p.expires_at else _("no limit")
            lines.append(
                "  "
                + _("privilege {name}: {expire} s ({at})").format(
                    name=p.name, expire=p.expire, at=at
                )
            )
    for p in d.privileges or []:
        at = timefmt.utc_iso(p.expires_at) if p.expires_at else _("no limit")
        lines.append(_("privilege {name}: {at}").format(name=p.name, at=at))
    if d.signed_by is not None:
        lines.append(_("signed by: {describe}").format(describe=d.signed_by.describe()))
    lines.append(_("checks:"))
    lines += check_lines(d.checks)
    for w in d.warnings:
        lines.append(_("warning: {w}").format(w=w))
    text = "\n".join(lines) + "\n"
    if d.app_id:
        text = text.replace(d.app_id, mask(d.app_id))
    return text
