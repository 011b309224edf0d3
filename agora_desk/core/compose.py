"""Any list of services in one token, in the test vectors' ``services`` format.

``compose SPEC`` reads ``{"expire": S, "services": [...], "issued_at"?, "salt"?}``;
each service is ``type`` (a number 1-10 or a name), the service's own fields
under the names the decoder prints, and ``privileges`` as ``{"<id or name>":
seconds}``. What would make a malformed token is an error naming its place
(``services[2].privileges[joinChannel]``); what an SDK would refuse is a
warning, and the token is written as given, as the official builders do.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from agora_desk.core.errors import InputError
from agora_desk.core.formats.v007_services import SERVICE_CLASSES, ChatService, Service
from agora_desk.core.i18n import _
from agora_desk.core.shapes import TokenExpire, parse_apaas_role, parse_permissions, too_long
from agora_desk.core.validation import (
    Issue,
    check_account,
    check_channel,
    check_expire,
    check_user_id,
    parse_seconds,
    parse_uid,
    plain_number,
    raise_for_errors,
    rtc_user,
    shown_input,
)
from agora_desk.core.wire import U16_MAX

SERVICE_BY_NAME: Mapping[str, type[Service]] = {
    cls.NAME.lower(): cls for cls in SERVICE_CLASSES.values()
}
SERVICE_NAMES = ", ".join(f"{t} {c.NAME}" for t, c in SERVICE_CLASSES.items())


def service_class(raw: object, name: str = "type") -> type[Service]:
    """A service type as its number (1-10) or its name, case-insensitive."""
    if isinstance(raw, int) and not isinstance(raw, bool):
        cls = SERVICE_CLASSES.get(raw)
    elif isinstance(raw, str):
        text = raw.strip()
        number = plain_number(text)
        cls = SERVICE_CLASSES.get(number) if number is not None else None
        cls = cls or SERVICE_BY_NAME.get(text.lower())
    else:
        cls = None
    if cls is None:
        raise InputError(
            name,
            _("{value} is not a service type ({names})").format(
                value=shown_input(raw), names=SERVICE_NAMES
            ),
        )
    return cls


def _privileges(cls: type[Service], obj: object, name: str) -> tuple[dict[int, int], list[Issue]]:
    if obj is None:
        return {}, []
    if not isinstance(obj, dict):
        raise InputError(name, _('must be an object {"<privilege id or name>": seconds}'))
    by_name = {v.lower(): k for k, v in cls.PRIVILEGE_NAMES.items()}
    defined = ", ".join(f"{k} {v}" for k, v in cls.PRIVILEGE_NAMES.items()) or _("none")
    out: dict[int, int] = {}
    issues: list[Issue] = []
    for key, value in obj.items():
        text = str(key).strip()
        number = plain_number(text)
        if text.lower() in by_name:
            pid = by_name[text.lower()]
        elif number is not None and number <= U16_MAX:
            pid = number
            if pid not in cls.PRIVILEGE_NAMES:
                issues.append(
                    Issue(
                        "warning",
                        f"{name}[{key}]",
                        _("{pid} is not a {service} privilege Agora defines ({defined})").format(
                            pid=pid, service=cls.NAME, defined=defined
                        ),
                    )
                )
        else:
            raise InputError(
                f"{name}[{key}]",
                _("is not a {service} privilege ({defined})").format(
                    service=cls.NAME, defined=defined
                ),
            )
        if pid in out:
            raise InputError(f"{name}[{key}]", _("privilege {pid} is given twice").format(pid=pid))
        if not isinstance(value, (int, str)):
            raise InputError(f"{name}[{key}]", _("must be a number of seconds"))
        out[pid] = parse_seconds(value, f"{name}[{key}]")
        issues += check_expire(out[pid], f"{name}[{key}]")
    return out, issues


def _text_field(obj: Mapping[str, Any], key: str, name: str) -> str:
    value = obj.get(key, "")
    if not isinstance(value, str):
        raise InputError(name, _("must be a string, got {type}").format(type=type(value).__name__))
    raise_for_errors(too_long(value, name))
    return value


def _soft(issues: list[Issue]) -> list[Issue]:
    """SDK rules as warnings: compose writes what it is given, as the builders do."""
    return [Issue("warning", i.field, i.message) for i in issues]


def parse_service(obj: object, name: str) -> tuple[Service, list[Issue]]:
    """One service in the vectors' format: ``type``, its fields, ``privileges``."""
    if not isinstance(obj, dict):
        raise InputError(name, _("must be an object with a type, its fields and privileges"))
    if "type" not in obj:
        raise InputError(f"{name}.type", _("is missing ({names})").format(names=SERVICE_NAMES))
    cls = service_class(obj["type"], f"{name}.type")
    fields = [f for f, _ in cls().field_items()]
    unknown = sorted(set(obj) - {"type", "privileges", *fields})
    if unknown:
        allowed = ", ".join(fields) if fields else _("no fields, only privileges")
        raise InputError(
            f"{name}.{unknown[0]}",
            _("is not a field of {service} ({allowed})").format(service=cls.NAME, allowed=allowed),
        )
    privileges, issues = _privileges(cls, obj.get("privileges"), f"{name}.privileges")
    values: dict[str, Any] = {}
    for key in fields:
        where = f"{name}.{key}"
        if key == "permissions":
            perms, found = parse_permissions(obj.get(key, {}), where)
            values[key], issues = perms, issues + found
        elif key == "role":
            values[key] = parse_apaas_role(obj.get(key, -1), where)
        elif key == "uid" and isinstance(obj.get(key), int):
            values[key] = rtc_user(parse_uid(obj[key], where))
        else:
            values[key] = _text_field(obj, key, where)
    issues += _sdk_rules(cls, values, name)
    return cls(privileges=privileges, **values), issues


def _sdk_rules(cls: type[Service], values: Mapping[str, Any], name: str) -> list[Issue]:
    issues: list[Issue] = []
    if "channel_name" in values:
        issues += check_channel(values["channel_name"], f"{name}.channel_name")
    uid = values.get("uid")
    if uid and plain_number(uid) is None:
        issues += check_account(uid, f"{name}.uid")
    if "user_id" in values and cls is not ChatService:
        issues += check_user_id(values["user_id"], f"{name}.user_id")
    return _soft(issues)


@dataclass
class ComposeRequest(TokenExpire):
    """Any list of services in one token (``compose SPEC``)."""

    OFFICIAL: ClassVar[str] = "AccessToken2 with any services"
    service_list: Sequence[Service]
    expire: int = 3600
    parse_warnings: tuple[Issue, ...] = ()

    def issues(self) -> list[Issue]:
        issues = list(self.parse_warnings)
        if not self.service_list:
            issues.append(Issue("error", "services", _("is empty; a token needs at least one")))
        return issues + check_expire(self.expire)

    def services(self) -> list[Service]:
        return list(self.service_list)


@dataclass(frozen=True)
class ComposeSpec:
    request: ComposeRequest
    issued_at: int | None = None
    salt: int | None = None


SPEC_KEYS = frozenset({"expire", "services", "issued_at", "salt"})


def parse_compose(obj: object) -> ComposeSpec:
    """``{"expire": S, "services": [...], "issued_at"?: UNIX, "salt"?: N}``.

    Other keys of a test vector (``app_id``, ``token`` ...) are refused by name,
    so that a typo is never silently ignored; the App ID and certificate come
    from the profile, never from the file.
    """
    if isinstance(obj, list):
        obj = {"services": obj}
    if not isinstance(obj, dict):
        raise InputError("spec", _('must be a JSON object {"expire": S, "services": [...]}'))
    unknown = sorted(set(obj) - SPEC_KEYS)
    if unknown:
        raise InputError(unknown[0], _("is not a compose key (expire, services, issued_at, salt)"))
    services = obj.get("services")
    if not isinstance(services, list):
        raise InputError("services", _("must be a list of services"))
    parsed: list[Service] = []
    issues: list[Issue] = []
    for index, item in enumerate(services):
        service, found = parse_service(item, f"services[{index}]")
        parsed.append(service)
        issues += found
    expire = _number(obj, "expire")
    request = ComposeRequest(
        service_list=parsed,
        expire=3600 if expire is None else expire,
        parse_warnings=tuple(issues),
    )
    return ComposeSpec(request, _number(obj, "issued_at"), _number(obj, "salt"))


def _number(obj: Mapping[str, Any], key: str) -> int | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, (int, str)):
        raise InputError(key, _("must be a whole number"))
    return parse_seconds(value, key)
