"""The further official token shapes: Chat, APaaS, FPA, RTM2, ConvoAI and STT.

Each request class is one official builder entry point (named in its
``OFFICIAL``): it validates its inputs (:meth:`issues`, in form order, the
same :class:`~agora_desk.core.validation.Issue` list the RTC form shows) and
lists the services the official builder writes (:meth:`services`).
:func:`build` turns any of them into a signed 007 token, raising
:class:`InputError` for the first error and returning the warnings with the
token, as :func:`~agora_desk.core.builders.build_rtc` does.

Where the official builders differ, the Python builder decides (the npm
APaaS room-user builder drops the roomUser privilege and writes role 0 as
-1; Python does neither). ConvoAI and STT exist only in npm ``agora-token``
2.0.6: RTC (by role) + RTM + an empty ConvoAI / STT service.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import ClassVar, Protocol

from agora_desk.core import validation
from agora_desk.core.builders import (
    BuildResult,
    RtcRequest,
    Signing,
    Stamp,
    compose,
    rtc_issues,
)
from agora_desk.core.errors import InputError
from agora_desk.core.formats import v007
from agora_desk.core.i18n import N_, _
from agora_desk.core.validation import (
    Issue,
    check_expire,
    check_user_id,
    plain_number,
    raise_for_errors,
    shown_input,
)
from agora_desk.core.wire import U16_MAX

I16_MIN, I16_MAX = -(1 << 15), (1 << 15) - 1
FPA_EXPIRE = 86_400  # FpaTokenBuilder.buildToken: a 24 h token, login privilege 0


class Shape(Protocol):
    """What :func:`build` needs from a request."""

    OFFICIAL: ClassVar[str]

    @property
    def token_expire(self) -> int: ...

    def issues(self) -> list[Issue]: ...

    def services(self) -> list[v007.Service]: ...


def build(creds: Signing, shape: Shape, stamp: Stamp | None = None) -> BuildResult:
    """Validate ``shape`` and sign its services as one 007 token."""
    issues = shape.issues()
    raise_for_errors(issues)
    return compose(
        creds,
        shape.services(),
        expire=shape.token_expire,
        stamp=stamp,
        warnings=validation.warnings(issues),
    )


# -- field rules -------------------------------------------------------------


def too_long(value: str, name: str) -> list[Issue]:
    size = len(value.encode("utf-8", "surrogateescape"))
    if size > U16_MAX:
        return [validation.over_a_token_field(name, size)]
    return []


def check_uuid(value: str, name: str) -> list[Issue]:
    """An APaaS room or user UUID: any text the token can hold, not empty."""
    if not value:
        return [Issue("error", name, _("is empty"))]
    return too_long(value, name)


def parse_apaas_role(value: str | int, name: str = "role") -> int:
    """An APaaS role: a whole number that fits the token's signed 16 bits."""
    if isinstance(value, bool):
        raise InputError(name, _("must be a whole number"))
    if isinstance(value, str):
        text = value.strip()
        number = plain_number(text[1:] if text[:1] in "+-" else text)
        if number is None:
            raise InputError(
                name,
                _("{value} is not a whole number (e.g. 1 teacher, 2 student)").format(
                    value=shown_input(value)
                ),
            )
        value = -number if text[:1] == "-" else number
    if not I16_MIN <= value <= I16_MAX:
        raise InputError(
            name,
            _("{value} is out of range: a role is {low} to {high}").format(
                value=value, low=I16_MIN, high=I16_MAX
            ),
        )
    return value


class TokenExpire:
    """The token's expire is the request's ``expire`` (every shape but the agents)."""

    expire: int

    @property
    def token_expire(self) -> int:
        return self.expire


# -- Chat --------------------------------------------------------------------


@dataclass
class ChatUserRequest(TokenExpire):
    OFFICIAL: ClassVar[str] = "ChatTokenBuilder2.buildUserToken"
    user_id: str
    expire: int = 3600

    def issues(self) -> list[Issue]:
        return check_user_id(self.user_id, "user ID") + check_expire(self.expire)

    def services(self) -> list[v007.Service]:
        return [
            v007.ChatService(privileges={v007.ChatService.USER: self.expire}, user_id=self.user_id)
        ]


@dataclass
class ChatAppRequest(TokenExpire):
    OFFICIAL: ClassVar[str] = "ChatTokenBuilder2.buildAppToken"
    expire: int = 3600

    def issues(self) -> list[Issue]:
        return check_expire(self.expire)

    def services(self) -> list[v007.Service]:
        return [v007.ChatService(privileges={v007.ChatService.APP: self.expire}, user_id="")]


# -- APaaS (Flexible Classroom; EducationTokenBuilder is the same) -----------


def chat_user_of(user_uuid: str) -> str:
    """The Chat user ID the room-user token carries: the MD5 hex of the user UUID."""
    return hashlib.md5(
        user_uuid.encode("utf-8", "surrogateescape"), usedforsecurity=False
    ).hexdigest()


@dataclass
class ApaasRoomUserRequest(TokenExpire):
    OFFICIAL: ClassVar[str] = "ApaasTokenBuilder.buildRoomUserToken"
    room_uuid: str
    user_uuid: str
    role: int
    expire: int = 3600

    def issues(self) -> list[Issue]:
        issues = check_uuid(self.room_uuid, "room UUID") + check_uuid(self.user_uuid, "user UUID")
        try:
            parse_apaas_role(self.role)
        except InputError as exc:
            issues.append(Issue("error", exc.field, exc.problem))
        if not validation.errors(issues):
            # The user UUID is also the RTM user ID: Signaling's rules apply.
            issues += validation.warnings(check_user_id(self.user_uuid, "user UUID"))
        return issues + check_expire(self.expire)

    def services(self) -> list[v007.Service]:
        # APaaS roomUser + RTM login for the user UUID + Chat user for its MD5.
        return [
            v007.ApaasService(
                privileges={1: self.expire},
                room_uuid=self.room_uuid,
                user_uuid=self.user_uuid,
                role=self.role,
            ),
            v007.RtmService(
                privileges={v007.RtmService.LOGIN: self.expire}, user_id=self.user_uuid
            ),
            v007.ChatService(
                privileges={v007.ChatService.USER: self.expire},
                user_id=chat_user_of(self.user_uuid),
            ),
        ]


@dataclass
class ApaasUserRequest(TokenExpire):
    OFFICIAL: ClassVar[str] = "ApaasTokenBuilder.buildUserToken"
    user_uuid: str
    expire: int = 3600

    def issues(self) -> list[Issue]:
        return check_uuid(self.user_uuid, "user UUID") + check_expire(self.expire)

    def services(self) -> list[v007.Service]:
        return [v007.ApaasService(privileges={2: self.expire}, user_uuid=self.user_uuid)]


@dataclass
class ApaasAppRequest(TokenExpire):
    OFFICIAL: ClassVar[str] = "ApaasTokenBuilder.buildAppToken"
    expire: int = 3600

    def issues(self) -> list[Issue]:
        return check_expire(self.expire)

    def services(self) -> list[v007.Service]:
        return [v007.ApaasService(privileges={3: self.expire})]


# -- FPA ---------------------------------------------------------------------


@dataclass
class FpaRequest(TokenExpire):
    """``expire`` is the token's only: the login privilege stays 0, as the official."""

    OFFICIAL: ClassVar[str] = "FpaTokenBuilder.buildToken"
    expire: int = FPA_EXPIRE

    def issues(self) -> list[Issue]:
        return check_expire(self.expire)

    def services(self) -> list[v007.Service]:
        return [v007.FpaService(privileges={1: 0})]


# -- RTM2 --------------------------------------------------------------------


def _type_key(
    raw: object, names: Mapping[int, str], name: str, what: str
) -> tuple[int, list[Issue]]:
    """A resource or permission type given as its number or its name."""
    known = ", ".join(f"{k} {v}" for k, v in names.items())
    text = str(raw).strip()
    by_name = {v.lower(): k for k, v in names.items()}
    if text.lower() in by_name:
        return by_name[text.lower()], []
    number = plain_number(text)
    if number is None or number > U16_MAX:
        raise InputError(
            name,
            _("{value} is not {what} ({known})").format(
                value=shown_input(raw), what=_(what), known=known
            ),
        )
    if number not in names:
        message = _("{number} is not {what} Agora defines ({known})").format(
            number=number, what=_(what), known=known
        )
        return number, [Issue("warning", name, message)]
    return number, []


def parse_permissions(
    obj: object, name: str = "permissions"
) -> tuple[v007.Permissions, list[Issue]]:
    """``{"<resource_type>": {"<permission_type>": [resources]}}`` (numbers or names).

    Raises :class:`InputError` naming the first part that cannot be written
    into a token; returns the permissions with warnings for types Agora
    does not define.
    """
    if not isinstance(obj, dict):
        raise InputError(
            name, _('must be an object {"<resource type>": {"<permission>": [names]}}')
        )
    issues: list[Issue] = []
    out: v007.Permissions = {}
    for rkey, by_perm in obj.items():
        rtype, found = _type_key(rkey, v007.RESOURCE_TYPES, name, N_("a resource type"))
        issues += found
        where = f"{name}[{rkey}]"
        if rtype in out:
            raise InputError(where, _("resource type {rtype} is given twice").format(rtype=rtype))
        if not isinstance(by_perm, dict):
            raise InputError(where, _('must be an object {"read" | "write": [resource names]}'))
        perms: dict[int, list[str]] = {}
        for pkey, resources in by_perm.items():
            ptype, found = _type_key(pkey, v007.PERMISSION_TYPES, where, N_("a permission type"))
            issues += found
            pwhere = f"{where}[{pkey}]"
            if ptype in perms:
                raise InputError(
                    pwhere, _("permission type {ptype} is given twice").format(ptype=ptype)
                )
            if not isinstance(resources, list) or not all(isinstance(r, str) for r in resources):
                raise InputError(pwhere, _("must be a list of resource names (strings)"))
            if len(resources) > U16_MAX:
                raise InputError(
                    pwhere,
                    _("has {count} names; a token holds at most 65535").format(
                        count=len(resources)
                    ),
                )
            for resource in resources:
                validation.raise_for_errors(too_long(resource, f"{pwhere} resource"))
            perms[ptype] = list(resources)
        out[rtype] = perms
    return out, issues


@dataclass
class Rtm2Request(TokenExpire):
    """``expire`` is the token's and the login privilege's, as ``rtm`` does."""

    OFFICIAL: ClassVar[str] = "RtmTokenBuilder2.buildTokenWithPermissions"
    user_id: str
    permissions: v007.Permissions = field(default_factory=dict)
    expire: int = 3600
    permission_warnings: tuple[Issue, ...] = ()  # from parse_permissions

    def issues(self) -> list[Issue]:
        issues = check_user_id(self.user_id, "user ID") + list(self.permission_warnings)
        for rtype, by_perm in self.permissions.items():
            for ptype, resources in by_perm.items():
                for resource in resources:
                    issues += too_long(resource, f"permissions[{rtype}][{ptype}] resource")
        return issues + check_expire(self.expire)

    def services(self) -> list[v007.Service]:
        return [
            v007.Rtm2Service(
                privileges={1: self.expire}, user_id=self.user_id, permissions=self.permissions
            )
        ]


# -- ConvoAI and STT: RTC + RTM + the agent's service ------------------------


@dataclass
class AgentRequest:
    """RTC (by role) + RTM + one empty service, as npm agora-token 2.0.6 builds them.

    Every RTC privilege is ``rtc.expire`` unless ``rtc``'s join/audio/video/data
    expiries say otherwise; subscribers get joinChannel only. The RTM user
    defaults to the RTC user as text (the account, or the uid: 0 gives "0").
    """

    OFFICIAL: ClassVar[str] = ""
    SERVICE: ClassVar[type[v007.Service]] = v007.Service
    rtc: RtcRequest

    @property
    def token_expire(self) -> int:
        return self.rtc.expire

    @property
    def rtm_user(self) -> str:
        if self.rtc.rtm_user_id is not None:
            return self.rtc.rtm_user_id
        return self.rtc.account if self.rtc.account is not None else str(self.rtc.uid)

    def issues(self) -> list[Issue]:
        issues = rtc_issues(self.rtc)
        if self.rtc.rtm_user_id is None:
            issues += check_user_id(self.rtm_user, "RTM user ID")
        return issues

    def services(self) -> list[v007.Service]:
        req = self.rtc
        join = req.expire if req.join_expire is None else req.join_expire
        privileges = {v007.RtcService.JOIN_CHANNEL: join}
        if req.role == "publisher":
            privileges[v007.RtcService.PUBLISH_AUDIO] = (
                req.expire if req.audio_expire is None else req.audio_expire
            )
            privileges[v007.RtcService.PUBLISH_VIDEO] = (
                req.expire if req.video_expire is None else req.video_expire
            )
            privileges[v007.RtcService.PUBLISH_DATA] = (
                req.expire if req.data_expire is None else req.data_expire
            )
        rtm_expire = req.expire if req.rtm_expire is None else req.rtm_expire
        return [
            v007.RtcService(privileges=privileges, channel_name=req.channel, uid=req.wire_uid),
            v007.RtmService(privileges={v007.RtmService.LOGIN: rtm_expire}, user_id=self.rtm_user),
            self.SERVICE(),
        ]


@dataclass
class ConvoAiRequest(AgentRequest):
    OFFICIAL: ClassVar[str] = "ConvoAITokenBuilder.buildToken"
    SERVICE: ClassVar[type[v007.Service]] = v007.ConvoAiService


@dataclass
class SttRequest(AgentRequest):
    OFFICIAL: ClassVar[str] = "SttTokenBuilder.buildToken"
    SERVICE: ClassVar[type[v007.Service]] = v007.SttService


__all__ = [
    "AgentRequest",
    "ApaasAppRequest",
    "ApaasRoomUserRequest",
    "ApaasUserRequest",
    "ChatAppRequest",
    "ChatUserRequest",
    "ConvoAiRequest",
    "FpaRequest",
    "Rtm2Request",
    "Shape",
    "SttRequest",
    "build",
    "parse_permissions",
]
