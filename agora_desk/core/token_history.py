"""A generator's token history: what each Generate was made of, never the token.

An entry keeps the time, the profile's name, the token's services in the
``compose`` format (channel, user, privileges and their expiries) and the
006-legacy switch; Regenerate reads the request back from them
(:func:`agora_desk.core.rebuild.request_for`), fills the form and signs a
fresh token. The file is a :class:`~agora_desk.core.history_store.HistoryStore`.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from agora_desk.core import timefmt
from agora_desk.core.history_store import HistoryStore
from agora_desk.core.i18n import _

if TYPE_CHECKING:
    # The signing core is imported on first use: a tab (and its history) builds without it.
    from agora_desk.core.formats.v007_services import Service
    from agora_desk.core.rebuild import NotRebuildable, Request

LIMIT: Final = 30


def service_spec(service: Service) -> dict[str, Any]:
    """One service in the ``compose`` format (what :func:`compose.parse_service` reads)."""
    from agora_desk.core.formats.v007_services import Rtm2Service

    spec: dict[str, Any] = {"type": service.TYPE}
    for name, value in service.field_items():
        if isinstance(service, Rtm2Service) and name == "permissions":
            value = {
                str(rt): {str(pt): list(names) for pt, names in by.items()}
                for rt, by in service.permissions.items()
            }
        spec[name] = value
    spec["privileges"] = {str(pid): seconds for pid, seconds in sorted(service.privileges.items())}
    return spec


@dataclass(frozen=True)
class HistoryEntry:
    at: int
    profile: str | None
    expire: int
    services: tuple[Mapping[str, Any], ...]
    legacy: bool = False

    def request(self) -> Request | NotRebuildable:
        """The request to fill the form with (raises InputError for an entry compose refuses)."""
        from agora_desk.core.compose import parse_service
        from agora_desk.core.rebuild import request_for

        found = [parse_service(spec, f"services[{i}]")[0] for i, spec in enumerate(self.services)]
        return request_for(found, self.expire)

    @property
    def title(self) -> str:
        """'14:02  RTC “demo” uid 42 + RTM “bob” · 1 h 0 min  (profile demo)': no secret in it."""
        from agora_desk.core.formats.v007_services import SERVICE_CLASSES

        stamp = time.strftime("%Y-%m-%d %H:%M", time.localtime(self.at))
        parts = []
        for spec in self.services:
            kind = SERVICE_CLASSES.get(spec.get("type", 0))
            words = [kind.NAME if kind is not None else "?"]
            for key in ("channel_name", "room_uuid", "uid", "user_id", "user_uuid", "account"):
                value = spec.get(key)
                if isinstance(value, str) and value:
                    shown = _("user “{value}”") if key == "uid" else "“{value}”"
                    words.append(shown.format(value=value))
            parts.append(" ".join(words))
        who = (
            _("profile {name}").format(name=self.profile)
            if self.profile
            else _("typed credentials")
        )
        legacy = " · 006" if self.legacy else ""
        lasting = timefmt.duration(self.expire) if self.expire else _("no limit")
        return f"{stamp}  {' + '.join(parts)} · {lasting}{legacy}  ({who})"

    def to_json(self) -> Mapping[str, Any]:
        return {
            "at": self.at,
            "profile": self.profile,
            "expire": self.expire,
            "legacy": self.legacy,
            "services": list(self.services),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> HistoryEntry:
        services = data["services"]
        profile = data.get("profile")
        if not isinstance(services, list) or not all(isinstance(s, dict) for s in services):
            raise TypeError("services is not a list of objects")
        if not isinstance(data["at"], int) or not isinstance(data["expire"], int):
            raise TypeError("at and expire are whole numbers")
        return cls(
            at=data["at"],
            profile=profile if isinstance(profile, str) and profile else None,
            expire=data["expire"],
            services=tuple(services),
            legacy=data.get("legacy") is True,
        )


def entry_for(
    request: Request, *, profile: str | None, legacy: bool = False, at: int | None = None
) -> HistoryEntry:
    from agora_desk.core.rebuild import services_of

    services, expire = services_of(request)
    return HistoryEntry(
        at=int(time.time()) if at is None else at,
        profile=profile,
        expire=expire,
        services=tuple(service_spec(s) for s in services),
        legacy=legacy,
    )


def history_store(path: Path, what: str) -> HistoryStore[HistoryEntry]:
    return HistoryStore(path, what, LIMIT, HistoryEntry.to_json, HistoryEntry.from_json)
