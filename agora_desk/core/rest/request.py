"""From a :class:`RestRequest` to the bytes and headers the transport sends."""

from __future__ import annotations

import json
from typing import Any

from agora_desk.core.errors import InputError
from agora_desk.core.i18n import _
from agora_desk.core.redact import MIN_SCAN_LENGTH, SENSITIVE_HEADERS, TOKEN_RE, json_secrets
from agora_desk.core.rest.auth import check_header, method_for
from agora_desk.core.rest.model import CONTENT_TYPE, METHODS, Header, Prepared, RestRequest
from agora_desk.core.secret import Secret


def check_method(method: str) -> str:
    m = method.strip().upper()
    if m not in METHODS:
        raise InputError(
            "method",
            _("{value} is not one of {choices}").format(
                value=repr(method), choices=", ".join(METHODS)
            ),
        )
    return m


def encode_body(body: Any) -> bytes | None:
    if body is None:
        return None
    return json.dumps(body, ensure_ascii=False).encode("utf-8")


def prepare(req: RestRequest) -> Prepared:
    method = check_method(req.method)
    url = req.url
    scheme = method_for(req.auth.scheme)
    own = {name.lower() for name, _value in req.headers}
    headers = [
        h
        for h in (Header("Content-Type", CONTENT_TYPE), Header("Accept", "application/json"))
        if h.name.lower() not in own
    ]
    for name, value in req.headers:
        check_header(name, value)
        if name.lower() in scheme.owns:
            raise InputError(
                f"header {name}",
                _("is set by the auth scheme; remove it from the headers or choose auth 'none'"),
            )
        headers.append(Header(name, Secret(value) if name.lower() in SENSITIVE_HEADERS else value))
    headers += scheme.headers(req.auth)
    found = [Secret(v) for v in req.auth.secret_values()]
    found += [h.value for h in headers if isinstance(h.value, Secret)]
    # An agent's join token or an LLM api_key in the body is a secret too.
    found += [Secret(v) for v in json_secrets(req.body) if len(v) >= MIN_SCAN_LENGTH]
    body = encode_body(req.body)
    if body is not None:
        found += [Secret(t) for t in TOKEN_RE.findall(body.decode("utf-8"))]
    return Prepared(method, url, tuple(headers), body, tuple(found))
