"""The same request as a curl command line, secrets written as ``$AGORA_…`` variables."""

from __future__ import annotations

import json
import re
import shlex
from collections.abc import Mapping

from agora_desk.core.redact import secret_items
from agora_desk.core.rest.auth import method_for
from agora_desk.core.rest.model import ENV_TOKEN, Auth, Prepared
from agora_desk.core.secret import Secret


def _dq(text: str) -> str:
    """Shell double-quoted string: $, `, \\ and " escaped."""
    return '"' + re.sub(r'([$`"\\])', r"\\\1", text) + '"'


def _with_vars(text: str, variables: Mapping[str, str]) -> str:
    """Quote ``text`` for a shell, with each secret replaced by ``"$VAR"``."""
    present = [(v, n) for v, n in variables.items() if v and v in text]
    if not present:
        return shlex.quote(text)
    pieces = [text]
    for value, name in sorted(present, key=lambda p: -len(p[0])):
        out: list[str] = []
        for piece in pieces:
            if piece.startswith("\0"):
                out.append(piece)
                continue
            parts = piece.split(value)
            for i, part in enumerate(parts):
                if i:
                    out.append("\0" + name)
                out.append(part)
        pieces = [p for p in out if p]
    quoted = "".join("${" + p[1:] + "}" if p.startswith("\0") else _dq(p)[1:-1] for p in pieces)
    return f'"{quoted}"'


def _body_secrets(body: bytes | None) -> list[tuple[str, str]]:
    """(key, value) of the credential-named values in a JSON body (an LLM api_key ...)."""
    if not body:
        return []
    try:
        return [(k, v) for k, v in secret_items(json.loads(body)) if len(v) >= 4]
    except (ValueError, RecursionError):
        return []


def _contains_any(text: str, variables: Mapping[str, str]) -> bool:
    return any(v and v in text for v in variables)


def curl_command(
    prepared: Prepared,
    auth: Auth,
    *,
    reveal: bool = False,
    ca_file: str | None = None,
    timeout: float | None = None,
) -> str:
    """The same request as a curl command line.

    Secrets are written as ``$AGORA_CUSTOMER_ID:$AGORA_CUSTOMER_SECRET``
    (Basic, via ``-u``) and ``$AGORA_TOKEN`` unless ``reveal``.
    """
    variables: dict[str, str] = {}
    if not reveal:
        if auth.token:
            variables[auth.token.reveal()] = ENV_TOKEN
        for key, value in _body_secrets(prepared.body):
            if value not in variables:
                name = "AGORA_" + re.sub(r"[^A-Z0-9]", "_", key.upper())
                while name in variables.values():
                    name += "_2"
                variables[value] = name
        for h in prepared.headers:
            # A credential typed into the headers table gets a variable of its own.
            if (
                isinstance(h.value, Secret)
                and h.reveal()
                and not _contains_any(h.reveal(), variables)
            ):
                name = "AGORA_" + re.sub(r"[^A-Z0-9]", "_", h.name.upper())
                variables[h.reveal()] = name
    lines = [f"curl -X {prepared.method} {shlex.quote(prepared.url)}"]
    method = method_for(auth.scheme)
    user = method.curl_user(auth, reveal=reveal)
    if user is not None:
        lines.append("-u " + user)
    for h in prepared.headers:
        if user is not None and h.name.lower() in method.owns:
            continue  # written as -u
        line = f"{h.name}: {h.reveal()}"
        lines.append("-H " + (shlex.quote(line) if reveal else _with_vars(line, variables)))
    if prepared.body is not None:
        text = prepared.body.decode("utf-8")
        lines.append("--data-raw " + (shlex.quote(text) if reveal else _with_vars(text, variables)))
    if ca_file:
        lines.append("--cacert " + shlex.quote(ca_file))
    if timeout:
        lines.append(f"--max-time {timeout:g}")
    return " \\\n  ".join(lines)
