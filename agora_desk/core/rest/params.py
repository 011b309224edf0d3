"""The values a preset's form (or command line) holds besides credentials. No secret here."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from enum import Enum
from typing import Any

from agora_desk.core.validation import plain_number


class Field(str, Enum):
    """A form field / command-line option of the presets. The value is the params attribute."""

    UID = "uid"  # the Signaling user ID an RTM token is for (x-agora-uid)
    CHANNEL = "channel"
    AGENT_UID = "agent_uid"
    REMOTE_UID = "remote_uid"
    NAME = "name"
    ENABLE_RTM = "enable_rtm"
    STRING_UID = "string_uid"
    AGENT_ID = "agent_id"
    RESOURCE_ID = "resource_id"
    SID = "sid"
    MODE = "mode"
    USER_ID = "user_id"
    RULE_ID = "rule_id"
    ORG = "org"
    APP_NAME = "app_name"
    ROOM_UUID = "room_uuid"
    REGION = "region"

    @property
    def label(self) -> str:
        """How errors name the field ("agent uid")."""
        return self.value.replace("_", " ")

    @property
    def option(self) -> str:
        """The command-line option ("--agent-uid")."""
        return "--" + self.value.replace("_", "-")

    @classmethod
    def by_label(cls, label: str) -> Field | None:
        for f in cls:
            if f.label == label:
                return f
        return None


@dataclass(frozen=True)
class PresetParams:
    app_id: str = ""
    uid: str = ""
    channel: str = ""
    agent_uid: str = ""  # "" / "0": Agora picks a random uid
    remote_uid: str = ""  # "" : "*" (every user in the channel)
    name: str = ""  # agent name; generated when empty
    enable_rtm: bool = False
    string_uid: bool = False
    agent_id: str = ""
    resource_id: str = ""  # Cloud Recording: from acquire
    sid: str = ""  # Cloud Recording: from start
    mode: str = ""  # Cloud Recording: individual, mix or web
    user_id: str = ""  # the user in the path (Signaling messages, Chat, Classroom)
    rule_id: str = ""  # a kicking rule's id
    org: str = ""  # Chat org name
    app_name: str = ""  # Chat app name
    room_uuid: str = ""  # Flexible Classroom room
    region: str = ""  # Flexible Classroom: cn, ap, na or eu
    idle_timeout: int = 30

    def value(self, f: Field) -> str:
        return str(getattr(self, f.value))

    def flag(self, f: Field) -> bool:
        """A yes/no field (enable_rtm, string_uid)."""
        return bool(getattr(self, f.value))

    def to_json(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> PresetParams:
        defaults = cls()
        values: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in data:
                continue
            value = data[f.name]
            default = getattr(defaults, f.name)
            if isinstance(default, bool):
                values[f.name] = bool(value)
            elif isinstance(default, int):
                number = plain_number(str(value))
                values[f.name] = default if number is None else number
            else:
                values[f.name] = str(value)
        return cls(**values)
