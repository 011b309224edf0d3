"""What every token format's checks share: the expectations and the shared rules.

A format's ``check`` (see :mod:`agora_desk.core.formats`) takes an
:class:`Expectations` - what the person joining, logging in or calling a
REST API will use - and returns :class:`Findings`: typed checks, warnings
and whether the signature matched. Nothing here mutates a decoded token.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from agora_desk.core import timefmt
from agora_desk.core.decoded import Check, CheckName, Phrasing
from agora_desk.core.i18n import N_, _
from agora_desk.core.secret import Secret
from agora_desk.core.validation import MAX_EXPIRE, UNIX_TIME_LIKE, written_uid

# Agora tolerates some clock difference; a token "issued" further in the
# future than this is reported as not yet valid.
CLOCK_SKEW = 300

RENEW = N_("Generate a new token (Agora tokens last at most 24 h) and renew it before it expires.")
WRONG_CERTIFICATE = N_(
    "The token was signed with a different App Certificate: check the certificate in the profile, whether it was regenerated in Agora Console, or whether the token is from another project."
)

# Service types a use needs (007 type numbers; 006 has RTC and RTM privileges).
RTC = 1
RTM = 2


@dataclass(frozen=True)
class Expectations:
    """What the token is checked against; ``None`` means "not asked"."""

    certificate: Secret | None = None
    channel: str | None = None
    uid: int | None = None  # numeric RTC uid; 0 = any user
    account: str | None = None  # string user account, any string ("0" too)
    rtm_user: str | None = None  # the RTM (Signaling) user ID that logs in
    services: frozenset[int] = field(default_factory=frozenset)  # types the use needs
    app_id: str | None = None
    app_id_source: str = N_("the profile's App ID")  # where the expected App ID came from
    now: int | None = None
    # False when ``now`` is a time the person chose (decode --now), not this machine's clock.
    now_is_clock: bool = True
    role: str | None = None  # "publisher" | "subscriber": what the app joins as
    error: str | None = None  # the error code or message the app reported

    def with_certificate(self, certificate: Secret) -> Expectations:
        """These expectations with another certificate: one per candidate of a signer search.

        ``dataclasses.replace`` would run ``__init__`` over every field (through the frozen
        class's ``object.__setattr__``), several times the cost of the signature check itself.
        """
        new = object.__new__(Expectations)
        stored = new.__dict__
        stored.update(self.__dict__)
        stored["certificate"] = certificate
        return new

    @property
    def wire_user(self) -> str | None:
        """The RTC user as written into a token ("" = uid 0), or None when not asked."""
        if self.account is not None:
            return self.account
        if self.uid is None:
            return None
        return "" if self.uid == 0 else str(self.uid)

    @property
    def user_shown(self) -> str:
        if self.account is not None:
            return _("account {account!r}").format(account=self.account)
        return _("uid 0 (any user)") if self.uid == 0 else _("uid {uid}").format(uid=self.uid)


def typed_user(text: str) -> tuple[int | None, str | None]:
    """(uid, account) for a uid field where a person may type either.

    All ASCII digits (up to 2^32 - 1) is a numeric uid, anything else an account;
    an empty field asks nothing.
    """
    value = text.strip()
    if not value:
        return None, None
    if value.isascii() and value.isdigit() and len(value) <= 10 and int(value) <= 0xFFFFFFFF:
        return int(value), None
    return None, value


def implausible_lifetime(seconds: int) -> bool:
    """True when :func:`lifetime_issue` has something to say (a Unix time is over 24 h too)."""
    return seconds > MAX_EXPIRE


def lifetime_issue(
    label: str, seconds: int, unit_hint: str, *, plural: bool = False
) -> tuple[str, str] | None:
    """(detail, fix) for a duration that cannot be meant, or None.

    ``plural``: ``label`` names several values that share ``seconds``.
    """
    if not implausible_lifetime(seconds):
        return None
    if seconds >= UNIX_TIME_LIKE:
        template = (
            _("{label} are {seconds} s, which is a Unix time ({time}), not a lifetime")
            if plural
            else _("{label} is {seconds} s, which is a Unix time ({time}), not a lifetime")
        )
        return (
            template.format(label=label, seconds=seconds, time=timefmt.utc_iso(seconds)),
            _("Pass a number of seconds ({unit_hint}), not an absolute time: e.g. 3600.").format(
                unit_hint=unit_hint
            ),
        )
    if seconds > MAX_EXPIRE:
        template = (
            _("{label} are {duration}, more than Agora's maximum of 24 h")
            if plural
            else _("{label} is {duration}, more than Agora's maximum of 24 h")
        )
        return (
            template.format(label=label, duration=timefmt.duration(seconds)),
            _("Agora stops accepting the token after 24 h: use at most 86400 s and renew."),
        )
    return None


# The official builders: "Set uid as 0, if you do not want to authenticate the
# user ID, that is, any uid from the app client can join the channel."
ANY_USER_FITS = N_("built for uid 0 (any user): any uid or user account may join with it")


# How a token's uid reads (user_shown); {wire_uid} is the uid as the token writes it.
ANY_USER = N_("uid 0 (any user)")
NUMERIC_UID = N_("uid {wire_uid}")
ACCOUNT = N_("account {wire_uid!r}")


def user_form(wire_uid: str) -> str:
    """Which wording (ANY_USER, NUMERIC_UID or ACCOUNT) user_shown() gives ``wire_uid``.

    The builders write uid 0 as the empty string, so a written "0" (like "0042"
    or a number past 2^32 - 1) can only be a string account.
    """
    if wire_uid == "":
        return ANY_USER
    if written_uid(wire_uid) is not None:
        return NUMERIC_UID
    return ACCOUNT


def user_shown(wire_uid: str) -> str:
    """How a token's uid reads: 'uid 42', 'uid 0 (any user)' or 'account 'alice''."""
    return _(user_form(wire_uid)).format(wire_uid=wire_uid)


@dataclass(frozen=True, init=False)
class Findings:
    """What a format's checks found for one token and one set of expectations."""

    checks: tuple[Check, ...] = ()
    warnings: tuple[str, ...] = ()
    signature_valid: bool | None = None

    def __init__(
        self,
        checks: tuple[Check, ...] = (),
        warnings: tuple[str, ...] = (),
        signature_valid: bool | None = None,
    ) -> None:
        stored = self.__dict__  # written out for speed, as decoded.Check's
        stored["checks"] = checks
        stored["warnings"] = warnings
        stored["signature_valid"] = signature_valid

    def __add__(self, other: Findings) -> Findings:
        return Findings(
            self.checks + other.checks,
            self.warnings + other.warnings,
            other.signature_valid if other.signature_valid is not None else self.signature_valid,
        )


# What a check with nothing to say returns (a Findings is never changed: one will do).
NOTHING = Findings()


def combined(*parts: Findings) -> Findings:
    """``parts[0] + parts[1] + ...`` built once (a format's check sums six or so)."""
    found_checks: list[Check] = []
    warnings: list[str] = []
    valid: bool | None = None
    for p in parts:
        found_checks += p.checks
        warnings += p.warnings
        if p.signature_valid is not None:
            valid = p.signature_valid
    return Findings(tuple(found_checks), tuple(warnings), valid)


def found(*checks: Check, warnings: Iterable[str] = ()) -> Findings:
    return Findings(tuple(checks), tuple(warnings))


def absolute_expiry(expired_ts: int, now: int) -> Findings:
    """The expiry of a format that stores an absolute time (005, older, Signaling)."""
    if expired_ts and now >= expired_ts:
        return found(
            Check(
                CheckName.EXPIRY,
                False,
                _("expired {duration} ago").format(duration=timefmt.duration(now - expired_ts)),
                _(RENEW),
            )
        )
    if expired_ts:
        return found(Check(CheckName.EXPIRY, True, timefmt.relative(expired_ts, now)))
    return found(Check(CheckName.EXPIRY, True, _("no expiry (expired_ts = 0)")))


# Checks whose texts depend only on the language and a short constant (what the
# signature was checked with, where the expected App ID came from), made once each:
# the same few come back on every diagnosis (and per candidate of a signer search).
# Keyed on the translated texts themselves, so a language switch gets its own; bounded,
# as profile names are not a fixed set.
_CONSTANT: dict[tuple[CheckName, bool, str, str, str], Findings] = {}
_CONSTANT_MAX = 64


def _constant(
    name: CheckName,
    ok: bool,
    template: str,
    placeholder: str,
    value: str,
    fix: str = "",
    valid: bool | None = None,
) -> Findings:
    """Findings of Check(name, ok, ``template`` with ``placeholder`` = ``value``, fix), memoized.

    ``valid``: the Findings' signature_valid (the same for every use of one ``name`` and ``ok``).
    """
    key = (name, ok, template, value, fix)
    made = _CONSTANT.get(key)
    if made is None:
        if len(_CONSTANT) >= _CONSTANT_MAX:
            _CONSTANT.clear()
        check = Check(name, ok, template.format_map({placeholder: value}), fix)
        made = _CONSTANT[key] = Findings((check,), (), valid)
    return made


def signature(ok: bool, what: str) -> Findings:
    if ok:
        return _constant(CheckName.SIGNATURE, True, _("matches {what}"), "what", what, "", True)
    return _constant(
        CheckName.SIGNATURE,
        False,
        _("does not match {what}"),
        "what",
        what,
        _(WRONG_CERTIFICATE),
        False,
    )


def app_id(token_app_id: str, expect: Expectations) -> Findings:
    out: list[Check] = []
    app_id_into(token_app_id, expect, out)
    return Findings(tuple(out))


def app_id_into(token_app_id: str, expect: Expectations, out: list[Check]) -> None:
    """:func:`app_id`'s check appended to ``out`` (for a format's check that gathers all)."""
    if expect.app_id is None or not token_app_id:
        return
    source = _(expect.app_id_source)
    if token_app_id == expect.app_id:
        out += _constant(CheckName.APP_ID, True, _("matches {source}"), "source", source).checks
    elif token_app_id.lower() == expect.app_id.lower():
        template = _("matches {source} (letter case differs)")
        out += _constant(CheckName.APP_ID, True, template, "source", source).checks
    else:
        out.append(
            Check(
                CheckName.APP_ID,
                False,
                _("the token is for App ID {token_app_id}, not {app_id}").format(
                    token_app_id=token_app_id, app_id=expect.app_id
                ),
                _(
                    "Use a token built for this project, or select the profile of the project the token is for."
                ),
                phrasing=Phrasing.SUBJECT,
            )
        )
