"""The 007 format's description and checks, and its registry entry.

Everything a person is told about a 007 token: the neutral model
(:func:`describe`), and the checks - expiry, lifetime, fit (channel, user,
RTM user, services), role, signature, App ID - each a typed
:class:`~agora_desk.core.decoded.Check`.
"""

from __future__ import annotations

from agora_desk.core import checks, timefmt
from agora_desk.core.checks import CLOCK_SKEW, RENEW, Expectations, Findings
from agora_desk.core.decoded import (
    Check,
    CheckName,
    DecodedToken,
    Permission,
    Phrasing,
    Privilege,
    ServiceInfo,
)
from agora_desk.core.fast_hmac import hmac_sha256
from agora_desk.core.formats.base import prefixed
from agora_desk.core.formats.v007 import VERSION, AccessToken2, content_length, parse, verify
from agora_desk.core.formats.v007_services import (
    PERMISSION_TYPES,
    RESOURCE_TYPES,
    RtcService,
    Rtm2Service,
    RtmService,
    Service,
    UnknownService,
)
from agora_desk.core.i18n import N_, _, listed
from agora_desk.core.wire import is_clean_text

# -- describe --------------------------------------------------------------------


def service_info(s: Service, issued_at: int) -> ServiceInfo:
    """The neutral model of one service; privilege times are absolute."""
    if isinstance(s, UnknownService):
        return ServiceInfo(s.type_id, "unknown", undecoded=True)
    # The class's name table first, privilege_name() (its home) only for an id not in it:
    # a method call per privilege costs more than the Privilege itself.
    names = s.PRIVILEGE_NAMES
    privileges = [
        Privilege(pid, names.get(pid) or s.privilege_name(pid), issued_at + v if v else 0, v)
        for pid, v in sorted(s.privileges.items())
    ]
    # TYPE and NAME, not the properties: only UnknownService (above) overrides them.
    info = ServiceInfo(s.TYPE, s.NAME, s.shown_fields(), privileges)
    if isinstance(s, Rtm2Service):
        info.permissions = [
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
    return info


def describe(tok: AccessToken2) -> DecodedToken:
    warnings: list[str] = []
    services: list[ServiceInfo] = []
    issued_at = tok.issued_at
    for s in tok.services:
        info = service_info(s, issued_at)
        services.append(info)
        if isinstance(s, UnknownService):
            warnings.append(
                _(
                    "service type {type_id} is not known to this version of agora-desk; the {count} byte(s) from there on are not decoded (the signature still covers them)"
                ).format(type_id=s.type_id, count=len(s.raw))
            )
        for key, value in info.fields.items():
            # isascii() first, in C: the usual field needs no call to is_clean_text.
            if isinstance(value, str) and not value.isascii() and not is_clean_text(value):
                warnings.append(
                    _("{name} {key} is not valid UTF-8; invalid bytes are shown escaped").format(
                        name=s.name, key=key
                    )
                )
    capped = tok.capped
    if capped:
        more = tok.declared_service_count - len(tok.services)
        warnings.append(
            _(
                "the token declares {declared_service_count} services: the first {count} are decoded, {more} more not shown (real tokens carry a few)"
            ).format(
                declared_service_count=tok.declared_service_count,
                count=len(tok.services),
                more=more,
            )
        )
    elif tok.bounded:
        warnings.append(
            _(
                "decoding stopped inside service {count}: {bounded} more entries not shown (real tokens carry a few); the signature still covers everything"
            ).format(count=len(tok.services), bounded=tok.bounded)
        )
    elif tok.trailing and tok.complete:
        warnings.append(
            _("{count} unexpected byte(s) after the last service").format(count=len(tok.trailing))
        )
    # complete last: a property, and the counts usually agree.
    if not capped and len(tok.services) != tok.declared_service_count and tok.complete:
        warnings.append(_("fewer services than the token declares"))
    # Keywords to a class call go through a dict (slot_tp_init): setting the fields after
    # a positional call costs about half of it, on every decode.
    decoded = DecodedToken(VERSION, "AccessToken2")
    decoded.app_id = tok.app_id
    decoded.issued_at = issued_at
    decoded.expire = tok.expire
    decoded.expires_at = tok.expires_at
    decoded.salt = tok.salt
    decoded.signature = tok.signature.hex()
    decoded.services = services
    decoded.services_declared = tok.declared_service_count
    decoded.warnings = warnings
    return decoded


# -- checks ----------------------------------------------------------------------


def _uid_fix(users: list[str], expect: Expectations) -> str:
    """Which side to change, for the usual confusions."""
    want = expect.wire_user or ""
    if want == "" and expect.uid == 0:
        return _(
            "The app joins with uid 0, but the token names {user_shown}: join as that user, or build the token with uid 0 (any user)."
        ).format(user_shown=checks.user_shown(users[0]))
    if expect.account is not None and any(
        u.isdigit() and u.lstrip("0") == want.lstrip("0") and u != want for u in users
    ):
        return _(
            "Same digits, different user: a string account must match character for character (leading zeros count); join with the token's value or build one for this account."
        )
    return _(
        "Join with the uid or user account the token was built for, or build one for this user (a numeric uid and a string account are the same user only when the digits are identical: account '42' = uid 42, account '0042' is not)."
    )


def _uniform(tok: AccessToken2) -> bool:
    """True for the usual token: an expire, and every privilege lasting exactly as long.

    Such a token has no privilege of its own to report while it is valid, so
    :func:`expiry` and :func:`lifetime` need not walk its privileges.
    """
    expire = tok.expire
    if not expire:
        return False
    for s in tok.services:
        for seconds in s.privileges.values():
            if seconds != expire:
                return False
    return True


def expiry(tok: AccessToken2, now: int, *, now_is_clock: bool = True) -> Findings:
    """Not yet valid, expired, or valid; then the privileges' own expiry."""
    out: list[Check] = []
    warnings: list[str] = []
    _expiry(tok, now, now_is_clock, _uniform(tok), out, warnings)
    return Findings(tuple(out), tuple(warnings))


def _expiry(
    tok: AccessToken2,
    now: int,
    now_is_clock: bool,
    uniform: bool,
    out: list[Check],
    warnings: list[str],
) -> None:
    """:func:`expiry`'s checks appended to ``out`` (``uniform``: see :func:`_uniform`)."""
    expires_at = tok.expires_at
    if tok.issued_at > now + CLOCK_SKEW:
        ahead = timefmt.duration(tok.issued_at - now)
        if now_is_clock:
            out.append(
                Check(
                    CheckName.EXPIRY,
                    False,
                    _("not yet valid: issued at {time}, {ahead} in the future").format(
                        time=timefmt.utc_iso(tok.issued_at), ahead=ahead
                    ),
                    _(
                        "The clock of the machine that built it is ahead: sync it (NTP) and generate a new token."
                    ),
                )
            )
        else:
            out.append(
                Check(
                    CheckName.EXPIRY,
                    False,
                    _("not yet valid at the time given: issued at {time}, {ahead} after it").format(
                        time=timefmt.utc_iso(tok.issued_at), ahead=ahead
                    ),
                    _("Check the time given with --now: the token did not exist yet then."),
                )
            )
    elif tok.expire and now >= expires_at:
        out.append(
            Check(
                CheckName.EXPIRY,
                False,
                _("expired {duration} ago (at {time})").format(
                    duration=timefmt.duration(now - expires_at),
                    time=timefmt.utc_iso(expires_at),
                ),
                _(RENEW),
            )
        )
    elif tok.expire:
        out.append(
            Check(
                CheckName.EXPIRY,
                True,
                _("valid, {relative}").format(relative=timefmt.relative(expires_at, now)),
            )
        )
    else:
        out.append(
            Check(CheckName.EXPIRY, True, _("the token has no expiry of its own (expire = 0)"))
        )
    if uniform and now < expires_at:
        return  # every privilege ends with the token, which has not ended

    expired: list[str] = []
    early: list[str] = []
    for s in tok.services:
        for pid, seconds in s.privileges.items():
            if not seconds:
                continue  # 0: no limit of its own, never "expired"
            at = tok.issued_at + seconds
            if now >= at:
                expired.append(
                    _("{label} expired {duration} ago").format(
                        label=_label(s, pid), duration=timefmt.duration(now - at)
                    )
                )
            elif tok.expire and seconds < tok.expire:
                early.append(
                    _("{label} ({relative})").format(
                        label=_label(s, pid), relative=timefmt.relative(at, now)
                    )
                )
    if expired:
        out.append(
            Check(
                CheckName.PRIVILEGES,
                False,
                "; ".join(expired),
                _(
                    "The SDK will refuse these actions: generate a token whose privilege expiry covers the session, and renew on the SDK's privilege-will-expire callback."
                ),
            )
        )
    elif early:
        warnings.append(
            _("privileges that expire before the token: {privileges}").format(
                privileges="; ".join(early)
            )
        )


UNIT_HINT = N_("007 counts from issue")


def _label(s: Service, pid: int) -> str:
    """'RTC joinChannel': built only for a privilege a message names."""
    return f"{s.name} {s.privilege_name(pid)}"


def lifetime(tok: AccessToken2) -> Findings:
    """Durations that cannot be meant: a Unix time as a lifetime, over 24 h, odd privileges."""
    out: list[Check] = []
    _lifetime(tok, _uniform(tok), out)
    return Findings(tuple(out))


def _lifetime(tok: AccessToken2, uniform: bool, out: list[Check]) -> None:
    """:func:`lifetime`'s check appended to ``out`` (``uniform``: see :func:`_uniform`)."""
    if uniform and not checks.implausible_lifetime(tok.expire):
        return  # one plausible duration for the token and all its privileges: nothing to say
    # Values that share a duration share one sentence: a builder usually writes
    # the same mistaken number into the expire and every privilege.
    flagged: dict[int, list[str]] = {}
    notes: list[str] = []
    if checks.implausible_lifetime(tok.expire):
        flagged.setdefault(tok.expire, []).append(_("the token's expire"))
    for s in tok.services:
        for pid, seconds in sorted(s.privileges.items()):
            if checks.implausible_lifetime(seconds):
                flagged.setdefault(seconds, []).append(_label(s, pid))
            elif seconds == 0:
                notes.append(
                    _("{label} is 0: no limit of its own, valid as long as the token").format(
                        label=_label(s, pid)
                    )
                )
            elif tok.expire and seconds > tok.expire:
                notes.append(
                    _(
                        "{label} ({duration}) outlasts the token ({token_duration}): the token's expire ends it first"
                    ).format(
                        label=_label(s, pid),
                        duration=timefmt.duration(seconds),
                        token_duration=timefmt.duration(tok.expire),
                    )
                )
            elif tok.expire and seconds < tok.expire:
                notes.append(
                    _(
                        "{label} ({duration}) ends before the token ({token_duration}): renew before it runs out"
                    ).format(
                        label=_label(s, pid),
                        duration=timefmt.duration(seconds),
                        token_duration=timefmt.duration(tok.expire),
                    )
                )
    problems = [
        problem
        for seconds, labels in flagged.items()
        if (problem := checks.lifetime_issue(listed(labels), seconds, _(UNIT_HINT),
                                             plural=len(labels) > 1))
    ]  # fmt: skip
    if problems:
        detail = "; ".join(d for d, _fix in problems)
        out.append(Check(CheckName.LIFETIME, False, detail, problems[0][1]))
    elif notes:
        kept = notes[:3] + (
            [_("{count} more").format(count=len(notes) - 3)] if len(notes) > 3 else []
        )
        out.append(Check(CheckName.LIFETIME, True, "; ".join(kept)))


PUBLISH = (RtcService.PUBLISH_AUDIO, RtcService.PUBLISH_VIDEO, RtcService.PUBLISH_DATA)


def role(tok: AccessToken2, expect: Expectations) -> Findings:
    """A subscriber token (join only) used to publish."""
    out: list[Check] = []
    _role(expect, _rtc(tok), out)
    return Findings(tuple(out))


def _rtc(tok: AccessToken2) -> list[RtcService]:
    return [s for s in tok.services if isinstance(s, RtcService)]


def _role(expect: Expectations, rtc: list[RtcService], out: list[Check]) -> None:
    """:func:`role`'s check appended to ``out``; ``rtc``: the token's RTC services."""
    if expect.role is None or not rtc:
        return
    publishes = any(any(p in s.privileges for p in PUBLISH) for s in rtc)
    if expect.role == "publisher" and not publishes:
        out.append(
            Check(
                CheckName.ROLE,
                False,
                _("a subscriber token (join only, no publish privileges)"),
                _("Build a publisher token (role publisher), or join as audience/subscriber."),
            )
        )
    elif expect.role == "publisher":
        out.append(Check(CheckName.ROLE, True, _("has the publish privileges a publisher needs")))
    else:
        out.append(Check(CheckName.ROLE, True, _("can join as a subscriber")))


def fit(tok: AccessToken2, expect: Expectations) -> Findings:
    """Does the token fit the use: its channel, RTC user, RTM user and services.

    The one home of this rule; the REST request checks call it too.
    """
    out: list[Check] = []
    _fit(tok, expect, _rtc(tok), out)
    return Findings(tuple(out))


def _fit(tok: AccessToken2, expect: Expectations, rtc: list[RtcService], out: list[Check]) -> None:
    """:func:`fit`'s checks appended to ``out``; ``rtc``: the token's RTC services."""
    channel = expect.channel
    if channel is not None:
        if not rtc:
            out.append(
                Check(
                    CheckName.CHANNEL,
                    False,
                    _("the token has no RTC service, so no channel"),
                    _("Build an RTC token (or RTC + RTM) for this channel."),
                    phrasing=Phrasing.SUBJECT,
                )
            )
        else:
            for s in rtc:
                if s.channel_name == channel:
                    out.append(
                        Check(
                            CheckName.CHANNEL,
                            True,
                            _("built for channel {channel!r}").format(channel=channel),
                        )
                    )
                    break
            else:
                _other_channel(rtc, channel, out)
    uid = expect.wire_user
    if uid is not None:
        users = [s.uid for s in rtc] or [
            str(v) for s in tok.services for k, v in s.field_items() if k == "user_id"
        ]
        if not users:
            out.append(
                Check(
                    CheckName.UID,
                    False,
                    _("the token has no RTC uid or user ID to compare"),
                    phrasing=Phrasing.SUBJECT,
                )
            )
        elif uid in users:
            out.append(
                Check(
                    CheckName.UID,
                    True,
                    _("built for {user_shown}").format(user_shown=checks.user_shown(uid)),
                )
            )
        elif any(s.uid == "" for s in rtc):
            out.append(Check(CheckName.UID, True, _(checks.ANY_USER_FITS)))
        else:
            have = ", ".join(checks.user_shown(f) for f in users)
            out.append(
                Check(
                    CheckName.UID,
                    False,
                    _("built for {have}, you join as {user_shown}").format(
                        have=have, user_shown=expect.user_shown
                    ),
                    _uid_fix(users, expect),
                    phrasing=Phrasing.BUILT,
                )
            )
    if expect.rtm_user is not None or checks.RTM in expect.services:
        rtm = [s for s in tok.services if isinstance(s, RtmService)]
        if not rtm:
            out.append(
                Check(
                    CheckName.RTM_USER,
                    False,
                    _("the token has no RTM (Signaling) service: it cannot log in to Signaling"),
                    _("Build an RTM token, or RTC + RTM in one token, for this user ID."),
                    phrasing=Phrasing.SUBJECT,
                )
            )
        elif expect.rtm_user is not None and all(s.user_id != expect.rtm_user for s in rtm):
            have = ", ".join(repr(s.user_id) for s in rtm)
            out.append(
                Check(
                    CheckName.RTM_USER,
                    False,
                    _("built for RTM user {have}, not {rtm_user!r}").format(
                        have=have, rtm_user=expect.rtm_user
                    ),
                    _(
                        "Log in with the user ID the token was built for, or build one for this user."
                    ),
                    phrasing=Phrasing.BUILT,
                )
            )
        elif expect.rtm_user is not None:
            out.append(
                Check(
                    CheckName.RTM_USER,
                    True,
                    _("built for RTM user {rtm_user!r}").format(rtm_user=expect.rtm_user),
                )
            )
    if checks.RTC in expect.services and not rtc and expect.channel is None:
        out.append(
            Check(
                CheckName.CHANNEL,
                False,
                _("the token has no RTC service: it cannot join a channel"),
                _("Build an RTC token (or RTC + RTM) for the channel."),
                phrasing=Phrasing.SUBJECT,
            )
        )


def _other_channel(rtc: list[RtcService], channel: str, out: list[Check]) -> None:
    """The failed channel check of a token built for other channels."""
    names = ", ".join(repr(s.channel_name) for s in rtc)
    out.append(
        Check(
            CheckName.CHANNEL,
            False,
            _("built for channel {names}, not {channel!r}").format(names=names, channel=channel),
            _(
                "Join the channel the token was built for, or build a token for this channel (names are case-sensitive)."
            ),
            phrasing=Phrasing.BUILT,
        )
    )


def signature(tok: AccessToken2, expect: Expectations) -> Findings:
    if expect.certificate is None:
        return checks.NOTHING
    # Once per diagnosis (Inspect re-checks each second) and per certificate a signer
    # search tries: OpenSSL's one-shot HMAC costs more than the hashes here.
    ok = verify(tok, expect.certificate.reveal(), hmac_sha256)
    return checks.signature(ok, _("the App Certificate"))


def check(tok: AccessToken2, expect: Expectations, now: int) -> Findings:
    # The parts append to one list (a Findings each, then summed, cost more than the
    # checks themselves) over one look at the services.
    out: list[Check] = []
    warnings: list[str] = []
    uniform = _uniform(tok)
    rtc = _rtc(tok)
    _expiry(tok, now, expect.now_is_clock, uniform, out, warnings)
    _lifetime(tok, uniform, out)
    _fit(tok, expect, rtc, out)
    _role(expect, rtc, out)
    checks.app_id_into(tok.app_id, expect, out)
    return Findings(tuple(out), tuple(warnings))


FORMAT = prefixed(VERSION, parse, describe, check, signature, content_length=content_length)
