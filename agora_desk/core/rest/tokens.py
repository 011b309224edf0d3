"""Which token a request needs built from the profile, and the rules for its inputs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from agora_desk.core import token007
from agora_desk.core.builders import (
    BuildResult,
    Credentials,
    RtcRequest,
    RtmRequest,
    Stamp,
    build_rtc,
    build_rtm,
)
from agora_desk.core.errors import InputError, TokenFormatError
from agora_desk.core.rest.params import PresetParams
from agora_desk.core.validation import (
    Issue,
    check_account,
    check_channel,
    check_user_id,
    parse_uid,
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
        return f"RTM token for user {self.request.user_id!r}"


@dataclass(frozen=True)
class RtcPlan:
    request: RtcRequest
    issues: tuple[Issue, ...] = ()

    def build(self, creds: Credentials, stamp: Stamp | None = None) -> BuildResult:
        return build_rtc(creds, self.request, stamp)

    def describe(self) -> str:
        rtc = self.request
        who = f"account {rtc.account!r}" if rtc.account is not None else f"uid {rtc.uid}"
        extra = f" + RTM login for {rtc.rtm_user_id!r}" if rtc.rtm_user_id else ""
        return f"RTC token for channel {rtc.channel!r}, {who}{extra}"


def rtm_plan(params: PresetParams, expire: int = 3600) -> RtmPlan:
    """An RTM token for the Signaling user in ``params.uid``."""
    if not params.uid:
        raise InputError(
            "uid",
            "is needed to build a token: the Signaling user ID the RTM token is for "
            "(or paste a token)",
        )
    raise_for_errors(check_user_id(params.uid, "uid"))
    return RtmPlan(RtmRequest(user_id=params.uid, expire=expire))


def agent_uid_text(params: PresetParams) -> str:
    return params.agent_uid.strip() or "0"


def channel_token_issues(params: PresetParams) -> list[Issue]:
    """What makes a channel token (the ConvoAI agent's) and its request disagree or misbehave."""
    issues = check_channel(params.channel)
    if not params.channel:
        issues = [Issue("error", "channel", "is needed: the channel the agent joins")]
    uid = agent_uid_text(params)
    if params.string_uid:
        issues += check_account(uid, "agent uid")
        if uid == "0":
            issues.append(
                Issue("error", "agent uid", "'0' is not a string account; turn off string uid")
            )
    else:
        try:
            parse_uid(uid, "agent uid")
        except InputError as exc:
            hint = " (turn on string uid for a string account)" if not uid.isdigit() else ""
            issues.append(Issue("error", exc.field, exc.problem + hint))
    if params.enable_rtm and uid == "0":
        issues.append(
            Issue(
                "warning",
                "agent uid",
                "is 0 (random) with enable_rtm: the RTM login in the token is for user '0', "
                "which will not match the random uid; give the agent a fixed uid",
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


def token_user(token: str) -> str | None:
    """The RTM user ID a 007 token was built for (for x-agora-uid), if it has one."""
    try:
        parsed = token007.parse(token.strip())
    except TokenFormatError:
        return None
    for service in parsed.services:
        if isinstance(service, token007.RtmService):
            return service.user_id
    return None
