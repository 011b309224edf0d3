"""URL rules: HTTPS only (plain HTTP for loopback test servers), no credential in a URL."""

from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass, replace

from agora_desk.core.errors import InputError
from agora_desk.core.hosts import is_loopback_host
from agora_desk.core.i18n import _
from agora_desk.core.validation import Issue


@dataclass(frozen=True)
class Url:
    scheme: str
    host: str
    port: int | None
    path: str  # without a trailing slash
    query: str = ""

    @property
    def origin(self) -> tuple[str, str, int]:
        default = 443 if self.scheme == "https" else 80
        return (self.scheme, self.host.lower(), self.port or default)

    @property
    def netloc(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return host if self.port is None else f"{host}:{self.port}"

    @property
    def origin_text(self) -> str:
        return f"{self.scheme}://{self.netloc}"

    def __str__(self) -> str:
        text = f"{self.scheme}://{self.netloc}{self.path}"
        return f"{text}?{self.query}" if self.query else text


def parse_url(text: str, field: str = "base URL") -> Url:
    """Parse and apply the transport rules: HTTPS, or HTTP to a loopback host only."""
    value = text.strip()
    if not value:
        raise InputError(field, _("is empty; Agora's REST API is at https://api.agora.io"))
    if any(ch.isspace() or not ch.isprintable() for ch in value):
        raise InputError(field, _("contains whitespace or an invisible character"))
    if "://" not in value:
        raise InputError(
            field,
            _("{value} has no scheme; write https://{bare}").format(value=repr(value), bare=value),
        )
    try:
        parts = urllib.parse.urlsplit(value)
        port = parts.port
    except ValueError as exc:
        raise InputError(field, _("is not a valid URL ({error})").format(error=exc)) from None
    scheme = parts.scheme.lower()
    host = parts.hostname or ""
    if not host:
        raise InputError(field, _("{value} has no host name").format(value=repr(value)))
    if parts.username is not None or parts.password is not None:
        # A credential in a URL ends up in logs, history and proxies.
        raise InputError(
            field,
            _(
                "contains a user name or password; choose Basic auth instead of putting it in the URL"
            ),
        )
    if parts.fragment:
        raise InputError(field, _("has a '#' fragment, which is never sent to a server"))
    if scheme == "http":
        if not is_loopback_host(host):
            raise InputError(
                field,
                _(
                    "uses plain http://; Agora's REST API is HTTPS only (http:// is allowed for "
                    "loopback test servers: 127.0.0.1, ::1, localhost)"
                ),
            )
    elif scheme != "https":
        raise InputError(
            field,
            _("scheme {scheme} is not supported; use https://").format(scheme=repr(parts.scheme)),
        )
    return Url(scheme, host, port, parts.path.rstrip("/"), parts.query)


def check_base_url(text: str) -> list[Issue]:
    try:
        url = parse_url(text)
    except InputError as exc:
        return [Issue("error", exc.field, exc.problem)]
    if url.query:
        return [Issue("error", "base URL", "has a '?query'; put query parameters in the path")]
    return []


def join_url(base_url: str, path: str) -> str:
    """Base URL (may carry a path prefix, e.g. a proxy) + the request path."""
    base = parse_url(base_url)
    if base.query:
        raise InputError("base URL", "has a '?query'; put query parameters in the path")
    p = path.strip()
    if not p:
        p = "/"
    if "://" in p:
        raise InputError("path", "is a full URL; put the host in the base URL and the path here")
    if any(ch.isspace() or not ch.isprintable() for ch in p):
        raise InputError("path", "contains whitespace or an invisible character; URL-encode it")
    if "#" in p:
        raise InputError("path", _("has a '#' fragment, which is never sent to a server"))
    if not p.startswith("/"):
        p = "/" + p
    url = replace(base, path=base.path + p.split("?", 1)[0], query="")
    query = p.split("?", 1)[1] if "?" in p else ""
    return str(replace(url, query=query))


def same_origin(a: str, b: str) -> bool:
    try:
        return parse_url(a, "URL").origin == parse_url(b, "URL").origin
    except InputError:
        return False


def origin_of(url: str) -> str:
    """``scheme://host[:port]`` of a URL, for messages; the text itself when it does not parse."""
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}" if parts.netloc else url


_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def placeholders(template: str) -> list[str]:
    """The ``{name}`` placeholders of a path template, in order."""
    return _PLACEHOLDER.findall(template)


def fill_path(template: str, **values: str) -> str:
    """``{app_id}``-style placeholders, each value URL-quoted as a path segment."""

    def sub(match: re.Match[str]) -> str:
        name = match.group(1)
        value = values.get(name, "")
        if not value:
            raise InputError(name.replace("_", " "), "is needed to fill the path")
        return urllib.parse.quote(value, safe="")

    return _PLACEHOLDER.sub(sub, template)
