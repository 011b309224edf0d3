"""Which token a request needs built from the profile, and the rules for its inputs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from agora_desk.core import shapes
from agora_desk.core.builders import (
    BuildResult,
    RtcRequest,
    RtmRequest,
    Stamp,
    build_rtc,
    build_rtm,
    compose,
)
from agora_desk.core.credentials import Credentials
from agora_desk.core.errors import InputError, TokenFormatError
from agora_desk.core.formats import v007
from agora_desk.core.i18n import _
from agora_desk.core.rest.params import PresetParams
from agora_desk.core.validation import (
    Issue,
    check_account,
    check_channel,
    check_user_id,
    parse_uid,
    plain_number,
    raise_for_errors,
    warnings,
)


class TokenPlan(Protocol):
    """A token to build from the profile's App ID and certificate."""

    @property
    def issues(self) -> tuple[Issue, ...]:
        """Warnings about the inputs: the token is built, but may not work as meant."""
        ...

    def build(self, creds: Credentials, stamp: Stamp | None = None) -> BuildResult: ...

    def describe(self) -> str: ...


@dataclass(frozen=True)
class RtmPlan:
    request: RtmRequest
    issues: tuple[Issue, ...] = ()

    def build(self, creds: Credentials, stamp: Stamp | None = None) -> BuildResult:
        return build_rtm(creds, self.request, stamp)

    def describe(self) -> str:
        return _("RTM token for user {user}").format(user=repr(self.request.user_id))


@dataclass(frozen=True)
class RtcPlan:
    request: RtcRequest
    issues: tuple[Issue, ...] = ()

    def build(self, creds: Credentials, stamp: Stamp | None = None) -> BuildResult:
        return build_rtc(creds, self.request, stamp)

    def describe(self) -> str:
        rtc = self.request
        if rtc.rtm_user_id:
            return _("RTC token for channel {channel}, {who} + RTM login for {user}").format(
                channel=repr(rtc.channel), who=_who(rtc), user=repr(rtc.rtm_user_id)
            )
        return _("RTC token for channel {channel}, {who}").format(
            channel=repr(rtc.channel), who=_who(rtc)
        )


def _who(rtc: RtcRequest) -> str:
    """The token's user as a description names it: "account 'bob'" or "uid 42"."""
    if rtc.account is not None:
        return _("account {account}").format(account=repr(rtc.account))
    return _("uid {uid}").format(uid=rtc.uid)


def rtm_plan(user: str, expire: int = 3600, field: str = "uid") -> RtmPlan:
    """An RTM token for the Signaling user ``user`` (named ``field`` in errors)."""
    if not user:
        raise InputError(
            field,
            _(
                "is needed to build a token: the Signaling user ID the RTM token is for "
                "(or paste a token)"
            ),
        )
    raise_for_errors(check_user_id(user, field))
    return RtmPlan(RtmRequest(user_id=user, expire=expire))


@dataclass(frozen=True)
class ChatAppPlan:
    """A Chat app token (Authorization: Bearer) for the project's REST calls."""

    expire: int = 3600
    issues: tuple[Issue, ...] = ()

    def build(self, creds: Credentials, stamp: Stamp | None = None) -> BuildResult:
        return shapes.build(creds, shapes.ChatAppRequest(self.expire), stamp)

    def describe(self) -> str:
        return _("Chat app token")


APAAS_USER = 2  # the APaaS service's "user" privilege (roomUser 1, user 2, app 3)


@dataclass(frozen=True)
class EducationPlan:
    """A Flexible Classroom (APaaS) user token: the user's APaaS privilege and RTM login."""

    user_uuid: str
    expire: int = 3600
    issues: tuple[Issue, ...] = ()

    def build(self, creds: Credentials, stamp: Stamp | None = None) -> BuildResult:
        services = [
            v007.ApaasService(privileges={APAAS_USER: self.expire}, user_uuid=self.user_uuid),
            v007.RtmService(
                privileges={v007.RtmService.LOGIN: self.expire}, user_id=self.user_uuid
            ),
        ]
        return compose(creds, services, expire=self.expire, stamp=stamp)

    def describe(self) -> str:
        return _("education token for user {user}").format(user=repr(self.user_uuid))


def education_plan(user: str, expire: int = 3600) -> EducationPlan:
    if not user:
        raise InputError("user id", _("is needed: the user the education token is for"))
    raise_for_errors(check_user_id(user, "user id"))
    return EducationPlan(user, expire)


def recorder_plan(params: PresetParams, expire: int = 3600) -> RtcPlan:
    """The Cloud Recording recorder's RTC token: channel ``cname`` and the recorder uid."""
    raise_for_errors(recorder_issues(params))
    request = RtcRequest(channel=params.channel, uid=parse_uid(params.uid), expire=expire)
    return RtcPlan(request)


def recorder_issues(params: PresetParams) -> list[Issue]:
    """cname and the recorder uid: a channel, and a non-zero numeric uid given as a string."""
    issues = (
        check_channel(params.channel)
        if params.channel
        else [Issue("error", "channel", _("is needed: the channel (cname) to record"))]
    )
    uid = params.uid.strip()
    if not uid:
        issues.append(Issue("error", "uid", _("is needed: the recorder's uid (a number, not 0)")))
        return issues
    try:
        value = parse_uid(uid, "uid")
    except InputError as exc:
        problem = _("{problem} (the recorder uid is a number)").format(problem=exc.problem)
        issues.append(Issue("error", exc.field, problem))
        return issues
    if value == 0:
        issues.append(
            Issue(
                "error",
                "uid",
                _(
                    "is 0: Cloud Recording needs a fixed, non-zero recorder uid that no user "
                    "in the channel has"
                ),
            )
        )
    return issues


def agent_uid_text(params: PresetParams) -> str:
    return params.agent_uid.strip() or "0"


def channel_token_issues(params: PresetParams) -> list[Issue]:
    """What makes a channel token (the ConvoAI agent's) and its request disagree or misbehave."""
    issues = check_channel(params.channel)
    if not params.channel:
        issues = [Issue("error", "channel", _("is needed: the channel the agent joins"))]
    uid = agent_uid_text(params)
    if params.string_uid:
        issues += check_account(uid, "agent uid")
        if uid == "0":
            issues.append(
                Issue("error", "agent uid", _("'0' is not a string account; turn off string uid"))
            )
    else:
        try:
            parse_uid(uid, "agent uid")
        except InputError as exc:
            problem = (
                exc.problem
                if plain_number(uid) is not None
                else _("{problem} (turn on string uid for a string account)").format(
                    problem=exc.problem
                )
            )
            issues.append(Issue("error", exc.field, problem))
    if params.enable_rtm and uid == "0":
        issues.append(
            Issue(
                "warning",
                "agent uid",
                _(
                    "is 0 (random) with enable_rtm: the RTM login in the token is for user '0', "
                    "which will not match the random uid; give the agent a fixed uid"
                ),
            )
        )
    remote = params.remote_uid.strip() or "*"
    if remote != "*" and not params.string_uid:
        try:
            parse_uid(remote, "remote uid")
        except InputError as exc:
            issues.append(Issue("error", exc.field, exc.problem))
    return issues


def channel_plan(params: PresetParams, expire: int = 3600) -> RtcPlan:
    """RTC for the agent uid or account in the channel (+ RTM login when enable_rtm)."""
    issues = channel_token_issues(params)
    raise_for_errors(issues)
    uid = agent_uid_text(params)
    rtm_user = uid if params.enable_rtm else None
    if params.string_uid:
        request = RtcRequest(
            channel=params.channel, account=uid, expire=expire, rtm_user_id=rtm_user
        )
    else:
        request = RtcRequest(
            channel=params.channel, uid=parse_uid(uid), expire=expire, rtm_user_id=rtm_user
        )
    return RtcPlan(request, tuple(warnings(issues)))


@dataclass(frozen=True)
class ConvoAiPlan:
    """The agent's token as ConvoAITokenBuilder.buildToken makes it: RTC + RTM + ConvoAI."""

    request: shapes.ConvoAiRequest
    issues: tuple[Issue, ...] = ()

    def build(self, creds: Credentials, stamp: Stamp | None = None) -> BuildResult:
        return shapes.build(creds, self.request, stamp)

    def describe(self) -> str:
        rtc = self.request.rtc
        return _(
            "Conversational AI agent token for channel {channel}, {who} "
            "(RTC + RTM login for {user} + ConvoAI)"
        ).format(channel=repr(rtc.channel), who=_who(rtc), user=repr(self.request.rtm_user))


def convoai_plan(params: PresetParams, expire: int = 3600) -> ConvoAiPlan:
    """The agent's RTC uid or account in the channel, its RTM login and the ConvoAI service."""
    issues = channel_token_issues(params)
    raise_for_errors(issues)
    uid = agent_uid_text(params)
    if params.string_uid:
        rtc = RtcRequest(channel=params.channel, account=uid, expire=expire, rtm_user_id=uid)
    else:
        rtc = RtcRequest(channel=params.channel, uid=parse_uid(uid), expire=expire, rtm_user_id=uid)
    return ConvoAiPlan(shapes.ConvoAiRequest(rtc), tuple(warnings(issues)))


def token_user(token: str) -> str | None:
    """The RTM user ID a 007 token was built for (for x-agora-uid), if it has one."""
    try:
        parsed = v007.parse(token.strip())
    except TokenFormatError:
        return None
    for service in parsed.services:
        if isinstance(service, v007.RtmService):
            return service.user_id
    return None
