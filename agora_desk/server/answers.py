"""The server's JSON answers: flat objects of strings, byte for byte as ``json.dumps`` writes them.

Every answer the server sends (tokens, ``pong``, errors) is such an object.
Writing it here costs a fraction of :func:`aiohttp.web.json_response`
(``json.dumps`` and its encoder set-up), which the token routes pay per
request; ``tests/server/test_fast_paths.py`` proves the bytes and headers equal.
"""

from __future__ import annotations

from collections.abc import Mapping
from json.encoder import encode_basestring_ascii as _quoted
from typing import Final

from aiohttp import web

JSON_TYPE: Final = "application/json"


def json_text(fields: Mapping[str, str]) -> str:
    """``json.dumps(fields)`` for a flat object of strings."""
    return (
        "{"
        + ", ".join([_quoted(key) + ": " + _quoted(value) for key, value in fields.items()])
        + "}"
    )


def json_answer(fields: Mapping[str, str], status: int = 200) -> web.Response:
    """What ``web.json_response(fields, status=status)`` answers, made cheaply."""
    return web.Response(text=json_text(fields), status=status, content_type=JSON_TYPE)
