"""What made a token: the inputs one builder turns into exactly the token's services.

Inspect's "Rebuild with these inputs" opens a generator filled with them.
Each candidate request is read from the token's fields, then built again;
it counts only when it writes the very services (fields and privilege
expiries, byte for byte) and the expire the token holds, so a rebuild is
never an approximation. Salt, issue time and signature differ for every
token anyway. No secret is involved: the certificate is the generator's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from agora_desk.core import shapes
from agora_desk.core.builders import RtcRequest, RtmRequest, rtc_services
from agora_desk.core.compose import ComposeRequest
from agora_desk.core.decoded import DecodedToken
from agora_desk.core.errors import TokenFormatError
from agora_desk.core.formats import v007
from agora_desk.core.formats.v007_services import (
    SERVICE_CLASSES,
    ApaasService,
    ChatService,
    FpaService,
    RtcService,
    Rtm2Service,
    RtmService,
    Service,
)
from agora_desk.core.i18n import _
from agora_desk.core.validation import written_uid

Request = RtcRequest | RtmRequest | shapes.Shape


@dataclass(frozen=True)
class NotRebuildable:
    """Why no form can make this token again, in a sentence for the button's tooltip."""

    reason: str


def rebuild_request(decoded: DecodedToken | None) -> Request | NotRebuildable:
    """The request that builds ``decoded`` again, or why there is none."""
    if decoded is None:
        return NotRebuildable(_("Paste a token that decodes first."))
    if decoded.version != v007.VERSION:
        return NotRebuildable(
            _(
                "A {version} token ({kind}) keeps only checksums of its channel and user, "
                "so its inputs cannot be read back; only 007 tokens can be rebuilt."
            ).format(version=decoded.version, kind=decoded.kind)
        )
    try:
        token = v007.parse(decoded.token)
    except TokenFormatError:
        return NotRebuildable(
            _("This token is damaged; only a token that decodes whole is rebuilt.")
        )
    if not token.complete or token.capped or token.bounded or token.trailing:
        return NotRebuildable(
            _(
                "Part of this token could not be decoded (an unknown service, or more "
                "entries than are read), so no form can make it again."
            )
        )
    return request_for(token.services, token.expire)


def request_for(services: Sequence[Service], expire: int) -> Request | NotRebuildable:
    """The most specific request that builds exactly ``services`` with ``expire``."""
    token = _Services(v007.ordered(services), expire)
    for make in _CANDIDATES:
        request = make(token)
        if request is not None and services_of(request) == (token.services, expire):
            return request
    return NotRebuildable(
        _(
            "No form writes these services as they are (a privilege no builder uses, "
            "or a field out of range)."
        )
    )


def services_of(request: Request) -> tuple[list[Service], int]:
    """The services ``request`` builds, in wire order, and the token's expire."""
    if isinstance(request, RtcRequest):
        services, expire = rtc_services(request), request.expire
    elif isinstance(request, RtmRequest):
        login = {RtmService.LOGIN: request.expire}
        services, expire = [RtmService(privileges=login, user_id=request.user_id)], request.expire
    else:
        services, expire = request.services(), request.token_expire
    return v007.ordered(services), expire


@dataclass(frozen=True)
class _Services:
    """What the candidates read: a token's services (wire order) and expire."""

    services: list[Service]
    expire: int


def _only(token: _Services, *types: int) -> dict[int, Service] | None:
    """The token's services by type when they are exactly ``types``, one each."""
    found = {s.TYPE: s for s in token.services}
    if len(found) != len(token.services) or sorted(found) != sorted(types):
        return None
    return found


def _user(wire: str) -> tuple[int, str | None]:
    """uid and account as the forms take them, from the RTC service's uid text."""
    if wire == "":
        return 0, None
    number = written_uid(wire)
    if number is not None:
        return number, None
    return 0, wire


def _rtc(rtc: Service, expire: int, rtm: Service | None = None) -> RtcRequest | None:
    """An RTC request with a role, or with the four separate privilege expiries."""
    if not isinstance(rtc, RtcService):
        return None
    uid, account = _user(rtc.uid)
    privileges = rtc.privileges
    join = privileges.get(RtcService.JOIN_CHANNEL, expire)
    rtm_user, rtm_expire = None, None
    if isinstance(rtm, RtmService):
        rtm_user = rtm.user_id
        login = rtm.privileges.get(RtmService.LOGIN, expire)
        rtm_expire = None if login == expire else login
    request = RtcRequest(
        channel=rtc.channel_name,
        uid=uid,
        account=account,
        role="publisher" if len(privileges) > 1 else "subscriber",
        expire=expire,
        privilege_expire=None if join == expire else join,
        rtm_user_id=rtm_user,
        rtm_expire=rtm_expire,
    )
    values = list(privileges.values())
    if len(values) == 4 and len(set(values)) > 1:
        request.privilege_expire = None
        request.join_expire, request.audio_expire, request.video_expire, request.data_expire = (
            privileges.get(pid, expire) for pid in sorted(RtcService.PRIVILEGE_NAMES)
        )
    return request


def _rtc_token(token: _Services) -> RtcRequest | None:
    found = _only(token, RtcService.TYPE) or _only(token, RtcService.TYPE, RtmService.TYPE)
    if found is None:
        return None
    request = _rtc(found[RtcService.TYPE], token.expire, found.get(RtmService.TYPE))
    # The RTC tab has no RTM login expiry of its own: a different one is the composer's.
    return request if request is not None and request.rtm_expire is None else None


def _rtm_token(token: _Services) -> RtmRequest | None:
    found = _only(token, RtmService.TYPE)
    rtm = found[RtmService.TYPE] if found else None
    return RtmRequest(rtm.user_id, token.expire) if isinstance(rtm, RtmService) else None


def _chat(token: _Services) -> shapes.Shape | None:
    found = _only(token, ChatService.TYPE)
    chat = found[ChatService.TYPE] if found else None
    if not isinstance(chat, ChatService):
        return None
    if ChatService.APP in chat.privileges:
        return shapes.ChatAppRequest(token.expire)
    return shapes.ChatUserRequest(chat.user_id, token.expire)


def _apaas(token: _Services) -> shapes.Shape | None:
    found = _only(token, ApaasService.TYPE) or _only(
        token, ApaasService.TYPE, RtmService.TYPE, ChatService.TYPE
    )
    apaas = found[ApaasService.TYPE] if found else None
    if not isinstance(apaas, ApaasService):
        return None
    if apaas.room_uuid:
        return shapes.ApaasRoomUserRequest(
            apaas.room_uuid, apaas.user_uuid, apaas.role, token.expire
        )
    if apaas.user_uuid:
        return shapes.ApaasUserRequest(apaas.user_uuid, token.expire)
    return shapes.ApaasAppRequest(token.expire)


def _fpa(token: _Services) -> shapes.Shape | None:
    return shapes.FpaRequest(token.expire) if _only(token, FpaService.TYPE) else None


def _rtm2(token: _Services) -> shapes.Shape | None:
    found = _only(token, Rtm2Service.TYPE)
    rtm2 = found[Rtm2Service.TYPE] if found else None
    if not isinstance(rtm2, Rtm2Service):
        return None
    return shapes.Rtm2Request(rtm2.user_id, rtm2.permissions, token.expire)


def _agent(cls: type[shapes.AgentRequest]) -> Callable[[_Services], shapes.Shape | None]:
    def make(token: _Services) -> shapes.Shape | None:
        found = _only(token, RtcService.TYPE, RtmService.TYPE, cls.SERVICE.TYPE)
        if found is None:
            return None
        rtc = _rtc(found[RtcService.TYPE], token.expire, found[RtmService.TYPE])
        if rtc is None or rtc.separate_privileges:
            return None  # the agent forms have a role, not four expiries
        request = cls(rtc)
        rtc.privilege_expire = None  # the agents' RTC privileges follow the token's expire
        default = rtc.account if rtc.account is not None else str(rtc.uid)
        if rtc.rtm_user_id == default:
            rtc.rtm_user_id = None  # the form's empty "default" says the same
        return request

    return make


def _composed(token: _Services) -> shapes.Shape | None:
    """Any services, in the composer: only privileges it offers, one service of each kind."""
    for service in token.services:
        if set(service.privileges) - set(SERVICE_CLASSES[service.TYPE].PRIVILEGE_NAMES):
            return None
    return ComposeRequest(list(token.services), token.expire)


# Most specific first: an RTC + RTM token is the RTC tab's, not the composer's.
_CANDIDATES: tuple[Callable[[_Services], Request | None], ...] = (
    _rtc_token,
    _rtm_token,
    _chat,
    _apaas,
    _fpa,
    _rtm2,
    _agent(shapes.ConvoAiRequest),
    _agent(shapes.SttRequest),
    _composed,
)
