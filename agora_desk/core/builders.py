"""The official builder shapes, validated, for every front end.

The window's forms, the CLI and the token server describe what they want
with a small request dataclass (:class:`RtcRequest`, :class:`RtmRequest`)
and call :func:`build_rtc` / :func:`build_rtm`; the other official shapes
(Chat, APaaS, FPA, RTM2, ConvoAI, STT) are :mod:`agora_desk.core.shapes`, and
:func:`compose` signs any set of services. Errors raise :class:`InputError`; SDK-rule warnings
come back with the token.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Literal, NamedTuple

from agora_desk.core import batch, validation
from agora_desk.core.credentials import Credentials
from agora_desk.core.errors import InputError
from agora_desk.core.formats import v007
from agora_desk.core.formats.v007_services import RtcService, RtmService, Service
from agora_desk.core.i18n import _
from agora_desk.core.secret import Secret
from agora_desk.core.validation import (
    Issue,
    Key,
    check_account,
    check_channel,
    check_expire,
    check_hex32,
    check_uid,
    check_user_id,
    is_hex32,
    parse_uid,
    raise_for_errors,
    rtc_user,
)

Role = Literal["publisher", "subscriber"]
ROLES: dict[str, Role] = {
    "publisher": "publisher",
    "subscriber": "subscriber",
    "1": "publisher",
    "2": "subscriber",
}


def parse_role(value: str | int) -> Role:
    role = ROLES.get(str(value).strip().lower())
    if role is None:
        raise InputError(
            "role",
            _("{value!r} is not a role; use publisher (1) or subscriber (2)").format(value=value),
        )
    return role


class BuildResult(NamedTuple):
    # A NamedTuple, not a frozen dataclass: it is made once per token and a
    # frozen dataclass's __init__ costs more than packing the token.
    token: str
    issued_at: int
    salt: int
    expire: int
    warnings: tuple[Issue, ...] = ()


@dataclass
class RtcRequest:
    channel: str
    uid: int = 0
    account: str | None = None  # a string user account instead of a uid
    role: Role = "publisher"
    expire: int = 3600
    privilege_expire: int | None = None  # None: same as expire
    # Any of these set selects the "with privilege" shape (all four written).
    join_expire: int | None = None
    audio_expire: int | None = None
    video_expire: int | None = None
    data_expire: int | None = None
    rtm_user_id: str | None = None  # RTC + RTM in one token
    rtm_expire: int | None = None  # None: same as expire

    @property
    def separate_privileges(self) -> bool:
        # Spelled out, not any(<generator>): asked for every token built.
        return (
            self.join_expire is not None
            or self.audio_expire is not None
            or self.video_expire is not None
            or self.data_expire is not None
        )

    @property
    def wire_uid(self) -> str:
        return rtc_user(self.uid, self.account)


@dataclass
class RtmRequest:
    user_id: str
    expire: int = 3600


@dataclass
class Stamp:
    """When and with which salt a token is made; fixed values reproduce one."""

    issued_at: int | None = None
    salt: int | None = None

    def resolve(self) -> tuple[int, int]:
        issued = int(time.time()) if self.issued_at is None else self.issued_at
        salt = v007.new_salt() if self.salt is None else self.salt
        return issued, salt


_NOW = Stamp()  # issued now, random salt


def require_credentials(creds: Credentials) -> str:
    """Check App ID and certificate; the certificate revealed, for the signer only."""
    certificate = creds.require_certificate().reveal()
    if is_hex32(creds.app_id) and is_hex32(certificate):
        # The usual case, per token: no messages to prepare (their field names are
        # translated) for checks that pass.
        return certificate
    raise_for_errors(
        check_hex32("App ID", creds.app_id, key=Key.APP_ID)
        + check_hex32(_("App Certificate"), certificate, secret=True, key=Key.APP_CERTIFICATE)
    )
    return certificate


@dataclass(frozen=True, repr=False)
class CheckedCredentials:
    """An App ID and certificate that passed :func:`require_credentials` once.

    For a front end that signs many tokens for one project (the token server):
    the builders skip the per-token check of the same two values.
    """

    app_id: str
    certificate: Secret

    @classmethod
    def of(cls, creds: Credentials) -> CheckedCredentials:
        require_credentials(creds)
        return cls(creds.app_id, creds.require_certificate())

    def __repr__(self) -> str:
        return f"CheckedCredentials(app_id={self.app_id!r})"


Signing = Credentials | CheckedCredentials


def _signing(creds: Signing) -> tuple[str, str]:
    """App ID and revealed certificate, checked unless they were already."""
    if isinstance(creds, CheckedCredentials):
        return creds.app_id, creds.certificate.reveal()
    return creds.app_id, require_credentials(creds)


def rtc_issues(req: RtcRequest) -> list[Issue]:
    """All errors and warnings for an RTC request, in form order."""
    if batch.is_plain_rtc(req):
        return []
    issues = check_channel(req.channel)
    if req.account is not None:
        issues += check_account(req.account)
    else:
        issues += check_uid(req.uid)
    issues += check_expire(req.expire, "expire")
    for name, key, value in (
        ("privilege expire", Key.PRIVILEGE_EXPIRE, req.privilege_expire),
        ("join expire", Key.JOIN_EXPIRE, req.join_expire),
        ("audio expire", Key.AUDIO_EXPIRE, req.audio_expire),
        ("video expire", Key.VIDEO_EXPIRE, req.video_expire),
        ("data expire", Key.DATA_EXPIRE, req.data_expire),
        ("RTM expire", Key.RTM_EXPIRE, req.rtm_expire),
    ):
        if value is not None:
            issues += validation.errors(check_expire(value, name, key))
    if req.rtm_user_id is not None:
        issues += check_user_id(req.rtm_user_id, "RTM user ID", Key.RTM_USER)
    return issues


def rtc_services(req: RtcRequest) -> list[Service]:
    """The services of an RTC (or RTC + RTM) token, in the official shapes."""
    priv = req.expire if req.privilege_expire is None else req.privilege_expire
    if req.separate_privileges:
        privileges = {
            RtcService.JOIN_CHANNEL: priv if req.join_expire is None else req.join_expire,
            RtcService.PUBLISH_AUDIO: priv if req.audio_expire is None else req.audio_expire,
            RtcService.PUBLISH_VIDEO: priv if req.video_expire is None else req.video_expire,
            RtcService.PUBLISH_DATA: priv if req.data_expire is None else req.data_expire,
        }
    elif req.role == "publisher":
        privileges = {
            RtcService.JOIN_CHANNEL: priv,
            RtcService.PUBLISH_AUDIO: priv,
            RtcService.PUBLISH_VIDEO: priv,
            RtcService.PUBLISH_DATA: priv,
        }
    else:
        privileges = {RtcService.JOIN_CHANNEL: priv}
    services: list[Service] = [
        RtcService(privileges=privileges, channel_name=req.channel, uid=req.wire_uid)
    ]
    if req.rtm_user_id is not None:
        rtm_expire = req.expire if req.rtm_expire is None else req.rtm_expire
        services.append(
            RtmService(privileges={RtmService.LOGIN: rtm_expire}, user_id=req.rtm_user_id)
        )
    return services


def compose(
    creds: Signing,
    services: Sequence[Service],
    *,
    expire: int,
    stamp: Stamp | None = None,
    warnings: Iterable[Issue] = (),
) -> BuildResult:
    """Any set of services, signed as one 007 token."""
    app_id, certificate = _signing(creds)
    raise_for_errors(check_expire(expire))
    issued_at, salt = (stamp or _NOW).resolve()
    token = batch.build(
        app_id, certificate, services, expire=expire, issued_at=issued_at, salt=salt
    )
    return BuildResult(
        token=token, issued_at=issued_at, salt=salt, expire=expire, warnings=tuple(warnings)
    )


def build_rtc(creds: Signing, req: RtcRequest, stamp: Stamp | None = None) -> BuildResult:
    if batch.is_plain_rtc(req):
        # The everyday request (no issue possible): packed without service objects.
        app_id, certificate = _signing(creds)
        issued_at, salt = (stamp or _NOW).resolve()
        token = batch.plain_rtc(app_id, certificate, req, issued_at=issued_at, salt=salt)
        return BuildResult(token, issued_at, salt, req.expire)
    issues = rtc_issues(req)
    if issues:
        raise_for_errors(issues)
    app_id, certificate = _signing(creds)
    # compose() without its checks: rtc_issues covered the expiries already, and
    # this is the call the token server makes per request.
    issued_at, salt = (stamp or _NOW).resolve()
    token = batch.build(
        app_id,
        certificate,
        rtc_services(req),
        expire=req.expire,
        issued_at=issued_at,
        salt=salt,
    )
    return BuildResult(
        token, issued_at, salt, req.expire, tuple(validation.warnings(issues)) if issues else ()
    )


def build_rtm(creds: Signing, req: RtmRequest, stamp: Stamp | None = None) -> BuildResult:
    issues = check_user_id(req.user_id, "user ID") + check_expire(req.expire)
    raise_for_errors(issues)
    service = RtmService(privileges={RtmService.LOGIN: req.expire}, user_id=req.user_id)
    return compose(
        creds,
        [service],
        expire=req.expire,
        stamp=stamp,
        warnings=validation.warnings(issues),
    )


# -- 006 -------------------------------------------------------------------

LEGACY_TS_OFFSET = 86_400


def _absolute(issued_at: int, seconds: int) -> int:
    # As the official 006 builder: an expiry of 0 stays 0 (no limit).
    return issued_at + seconds if seconds else 0


def build_rtc_legacy(
    creds: Credentials, req: RtcRequest, stamp: Stamp | None = None
) -> BuildResult:
    if req.rtm_user_id is not None:
        raise InputError(
            "RTM user", _("006 tokens cannot combine RTC and RTM; drop --legacy or the RTM user")
        )
    issues = rtc_issues(req)
    raise_for_errors(issues)
    certificate = require_credentials(creds)
    issued_at, salt = (stamp or Stamp()).resolve()
    (rtc,) = rtc_services(req)
    privileges = {pid: _absolute(issued_at, secs) for pid, secs in rtc.privileges.items()}
    from agora_desk.core.formats import v006  # only --legacy needs it (start-up)

    token = v006.build(
        creds.app_id,
        certificate,
        req.channel,
        req.wire_uid,
        privileges,
        salt=salt,
        ts=issued_at + LEGACY_TS_OFFSET,
    )
    return BuildResult(token, issued_at, salt, req.expire, tuple(validation.warnings(issues)))


def build_rtm_legacy(
    creds: Credentials, req: RtmRequest, stamp: Stamp | None = None
) -> BuildResult:
    issues = check_user_id(req.user_id, "user ID") + check_expire(req.expire)
    raise_for_errors(issues)
    certificate = require_credentials(creds)
    issued_at, salt = (stamp or Stamp()).resolve()
    from agora_desk.core.formats import v006  # only --legacy needs it (start-up)

    # The official 006 RTM builder puts the account in the channel position.
    token = v006.build(
        creds.app_id,
        certificate,
        req.user_id,
        "",
        {v006.RTM_LOGIN: _absolute(issued_at, req.expire)},
        salt=salt,
        ts=issued_at + LEGACY_TS_OFFSET,
    )
    return BuildResult(token, issued_at, salt, req.expire, tuple(validation.warnings(issues)))


def build_rtc_batch(
    creds: Credentials, req: RtcRequest, uids: Iterable[int], stamp: Stamp | None = None
) -> tuple[BuildResult, Iterator[tuple[int, str]]]:
    """One 007 token per uid, all with the same inputs, issued_at and salt.

    Returns the result for the first uid (for its warnings) and an iterator
    of ``(uid, token)``. Every token equals :func:`build_rtc` with the same
    stamp (made by :func:`agora_desk.core.batch.tokens_for_uids`).
    """
    uid_list = uids if isinstance(uids, range) else list(uids)
    if not uid_list:
        raise InputError("uid range", _("is empty"))
    for uid in (uid_list[0], uid_list[-1]):
        parse_uid(uid, "uid range")
    issued_at, salt = (stamp or Stamp()).resolve()
    first = build_rtc(creds, replace(req, uid=uid_list[0], account=None), Stamp(issued_at, salt))
    tokens = batch.tokens_for_uids(
        creds.app_id,
        creds.require_certificate().reveal(),  # checked by build_rtc above
        rtc_services(replace(req, uid=1, account=None)),
        uid_list,
        expire=req.expire,
        issued_at=issued_at,
        salt=salt,
    )
    return first, tokens
