"""The 007 (AccessToken2) services: each packs and unpacks its own fields.

    service = u16 type + map_u32 privileges + the service's own fields

Each class writes :meth:`Service.pack_fields` and reads
:meth:`Service.unpack_fields` side by side, so a service reads top to bottom
in one place; :data:`SERVICE_CLASSES` is the registry by type. Privilege
values are durations in seconds from the token's ``issued_at`` (0 = no limit
of its own).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import ClassVar

from agora_desk.core.wire import Reader, pack_i16, pack_map_u32, pack_text, pack_u16

# Field names per service class: dataclasses.fields() walks every field on
# each call, and decoding asks for them on every keystroke in the Inspect tab.
_OWN_FIELDS: dict[type, tuple[str, ...]] = {}


def _own_fields(cls: type[Service]) -> tuple[str, ...]:
    names = _OWN_FIELDS.get(cls)
    if names is None:
        names = _OWN_FIELDS[cls] = tuple(f.name for f in fields(cls) if f.name != "privileges")
    return names


@dataclass
class Service:
    """A service entry. Subclasses add their fields and (un)pack them.

    The fields are positional in wire order (privileges first): unpack_fields() builds
    with positional arguments, as keywords to a class call go through a dict (decoding
    runs on every keystroke). Elsewhere, name them.
    """

    TYPE: ClassVar[int] = 0
    NAME: ClassVar[str] = "service"
    PRIVILEGE_NAMES: ClassVar[Mapping[int, str]] = {}

    privileges: dict[int, int] = field(default_factory=dict)

    @property
    def service_type(self) -> int:
        return self.TYPE

    @property
    def name(self) -> str:
        return self.NAME

    def privilege_name(self, privilege_id: int) -> str:
        name = self.PRIVILEGE_NAMES.get(privilege_id)
        # The fallback is written only when needed: describe() asks for every privilege.
        return f"privilege {privilege_id}" if name is None else name

    def pack(self) -> bytes:
        # TYPE, not the property: UnknownService, which overrides that, packs itself.
        return pack_u16(self.TYPE) + pack_map_u32(self.privileges) + self.pack_fields()

    def pack_fields(self) -> bytes:
        return b""

    @classmethod
    def unpack_fields(cls, reader: Reader, privileges: dict[int, int]) -> Service:
        return cls(privileges)

    def field_items(self) -> list[tuple[str, object]]:
        """The service's own fields (not privileges), in wire order."""
        return [(name, getattr(self, name)) for name in _own_fields(type(self))]

    def shown_fields(self) -> dict[str, object]:
        """The fields a person reads in the decoded model (privileges apart), in wire order.

        Services with fields spell theirs out beside their (un)packing: a dict display
        costs a quarter of this generic one, and describe() runs on every keystroke
        (tests/core/test_token007.py keeps each equal to this).
        """
        return dict(self.field_items())


@dataclass
class RtcService(Service):
    TYPE: ClassVar[int] = 1
    NAME: ClassVar[str] = "RTC"
    PRIVILEGE_NAMES: ClassVar[Mapping[int, str]] = {
        1: "joinChannel",
        2: "publishAudioStream",
        3: "publishVideoStream",
        4: "publishDataStream",
    }
    JOIN_CHANNEL: ClassVar[int] = 1
    PUBLISH_AUDIO: ClassVar[int] = 2
    PUBLISH_VIDEO: ClassVar[int] = 3
    PUBLISH_DATA: ClassVar[int] = 4

    channel_name: str = ""
    uid: str = ""  # "" = uid 0, any user; digits = int uid; else a user account

    def pack_fields(self) -> bytes:
        return pack_text(self.channel_name) + pack_text(self.uid)

    def pack_before_uid(self) -> bytes:
        """Everything :meth:`pack` writes before ``string(uid)``, its last field.

        A batch of tokens that differ only in the uid packs this once.
        """
        return pack_u16(self.TYPE) + pack_map_u32(self.privileges) + pack_text(self.channel_name)

    @classmethod
    def unpack_fields(cls, reader: Reader, privileges: dict[int, int]) -> Service:
        channel = reader.string_text("the RTC channel name")
        uid = reader.string_text("the RTC uid")
        return cls(privileges, channel, uid)

    def shown_fields(self) -> dict[str, object]:
        return {"channel_name": self.channel_name, "uid": self.uid}


@dataclass
class RtmService(Service):
    TYPE: ClassVar[int] = 2
    NAME: ClassVar[str] = "RTM"
    PRIVILEGE_NAMES: ClassVar[Mapping[int, str]] = {1: "login"}
    LOGIN: ClassVar[int] = 1

    user_id: str = ""

    def pack_fields(self) -> bytes:
        return pack_text(self.user_id)

    @classmethod
    def unpack_fields(cls, reader: Reader, privileges: dict[int, int]) -> Service:
        return cls(privileges, reader.string_text("the RTM user ID"))

    def shown_fields(self) -> dict[str, object]:
        return {"user_id": self.user_id}


@dataclass
class StreamingService(Service):
    TYPE: ClassVar[int] = 3
    NAME: ClassVar[str] = "Streaming"
    PRIVILEGE_NAMES: ClassVar[Mapping[int, str]] = {1: "publishMixStream", 2: "publishRawStream"}

    channel_name: str = ""
    account: str = ""

    def pack_fields(self) -> bytes:
        return pack_text(self.channel_name) + pack_text(self.account)

    @classmethod
    def unpack_fields(cls, reader: Reader, privileges: dict[int, int]) -> Service:
        channel = reader.string_text("the {} channel name", cls.NAME)
        account = reader.string_text("the {} account", cls.NAME)
        return cls(privileges, channel, account)

    def shown_fields(self) -> dict[str, object]:
        return {"channel_name": self.channel_name, "account": self.account}


@dataclass
class FpaService(Service):
    TYPE: ClassVar[int] = 4
    NAME: ClassVar[str] = "FPA"
    PRIVILEGE_NAMES: ClassVar[Mapping[int, str]] = {1: "login"}


@dataclass
class ChatService(Service):
    TYPE: ClassVar[int] = 5
    NAME: ClassVar[str] = "Chat"
    PRIVILEGE_NAMES: ClassVar[Mapping[int, str]] = {1: "user", 2: "app"}
    USER: ClassVar[int] = 1
    APP: ClassVar[int] = 2

    user_id: str = ""

    def pack_fields(self) -> bytes:
        return pack_text(self.user_id)

    @classmethod
    def unpack_fields(cls, reader: Reader, privileges: dict[int, int]) -> Service:
        return cls(privileges, reader.string_text("the Chat user ID"))

    def shown_fields(self) -> dict[str, object]:
        return {"user_id": self.user_id}


@dataclass
class FcdnService(StreamingService):
    # Same fields as Streaming: channel name and account.
    TYPE: ClassVar[int] = 6
    NAME: ClassVar[str] = "FCDN"
    PRIVILEGE_NAMES: ClassVar[Mapping[int, str]] = {1: "publish", 2: "play"}


@dataclass
class ApaasService(Service):
    TYPE: ClassVar[int] = 7
    NAME: ClassVar[str] = "APaaS"
    PRIVILEGE_NAMES: ClassVar[Mapping[int, str]] = {1: "roomUser", 2: "user", 3: "app"}

    room_uuid: str = ""
    user_uuid: str = ""
    role: int = -1  # -1: not set

    def pack_fields(self) -> bytes:
        return pack_text(self.room_uuid) + pack_text(self.user_uuid) + pack_i16(self.role)

    @classmethod
    def unpack_fields(cls, reader: Reader, privileges: dict[int, int]) -> Service:
        room = reader.string_text("the APaaS room UUID")
        user = reader.string_text("the APaaS user UUID")
        role = reader.i16("the APaaS role")
        return cls(privileges, room, user, role)

    def shown_fields(self) -> dict[str, object]:
        return {"room_uuid": self.room_uuid, "user_uuid": self.user_uuid, "role": self.role}


RESOURCE_TYPES: Mapping[int, str] = {
    0: "messageChannels",
    1: "streamChannels",
    2: "groupChannels",
    3: "serverGroups",
    4: "users",
}
PERMISSION_TYPES: Mapping[int, str] = {0: "read", 1: "write"}

# Resource names decoded per permission list; past it decoding stops.
MAX_RESOURCES = 200


class DecodingBounded(Exception):
    """Decoding stopped inside a service at a cap; ``service`` holds what was read."""

    def __init__(self, service: Service, hidden: int) -> None:
        self.service = service
        self.hidden = hidden
        super().__init__(f"{hidden} entries not decoded")


# resource type -> permission type -> resource names
Permissions = dict[int, dict[int, list[str]]]


@dataclass
class Rtm2Service(Service):
    TYPE: ClassVar[int] = 8
    NAME: ClassVar[str] = "RTM2"
    PRIVILEGE_NAMES: ClassVar[Mapping[int, str]] = {1: "login"}

    user_id: str = ""
    permissions: Permissions = field(default_factory=dict)

    def pack_fields(self) -> bytes:
        parts = [pack_text(self.user_id), pack_u16(len(self.permissions))]
        for rtype in sorted(self.permissions):
            by_perm = self.permissions[rtype]
            parts.append(pack_u16(rtype) + pack_u16(len(by_perm)))
            for ptype in sorted(by_perm):
                resources = by_perm[ptype]
                parts.append(pack_u16(ptype) + pack_u16(len(resources)))
                parts.extend(map(pack_text, resources))
        return b"".join(parts)

    @classmethod
    def unpack_fields(cls, reader: Reader, privileges: dict[int, int]) -> Service:
        user_id = reader.string_text("the RTM2 user ID")
        permissions: Permissions = {}
        for _ in range(reader.u16("the RTM2 resource type count")):
            rtype = reader.u16("an RTM2 resource type")
            by_perm: dict[int, list[str]] = {}
            for _ in range(reader.u16("the permission count of resource type {}", rtype)):
                ptype = reader.u16("an RTM2 permission type")
                count = reader.u16("the resource count of permission {}", ptype)
                kept = min(count, MAX_RESOURCES)
                by_perm[ptype] = [reader.string_text("an RTM2 resource name") for _ in range(kept)]
                permissions[rtype] = by_perm
                if kept < count:
                    # A hostile token may hold 65 535 per list: decoding stops here.
                    partial = cls(privileges, user_id, permissions)
                    raise DecodingBounded(partial, count - kept)
            permissions[rtype] = by_perm
        return cls(privileges, user_id, permissions)

    def shown_fields(self) -> dict[str, object]:
        return {"user_id": self.user_id}  # the permissions are a list of their own


@dataclass
class ConvoAiService(Service):
    TYPE: ClassVar[int] = 9
    NAME: ClassVar[str] = "ConvoAI"


@dataclass
class SttService(Service):
    TYPE: ClassVar[int] = 10
    NAME: ClassVar[str] = "STT"


@dataclass
class UnknownService(Service):
    """A service type this version does not know.

    Its length is not on the wire, so parsing stops here; ``raw`` keeps
    everything from its privilege map to the end of the token.
    """

    NAME: ClassVar[str] = "unknown"

    type_id: int = 0
    raw: bytes = b""

    @property
    def service_type(self) -> int:
        return self.type_id

    def pack(self) -> bytes:
        return pack_u16(self.type_id) + self.raw

    def field_items(self) -> list[tuple[str, object]]:
        return [("undecoded bytes", len(self.raw))]


SERVICE_CLASSES: Mapping[int, type[Service]] = {
    cls.TYPE: cls
    for cls in (
        RtcService,
        RtmService,
        StreamingService,
        FpaService,
        ChatService,
        FcdnService,
        ApaasService,
        Rtm2Service,
        ConvoAiService,
        SttService,
    )
}
