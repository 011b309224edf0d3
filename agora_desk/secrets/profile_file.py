"""The profiles file's format: reading it defensively, writing it, and its checks.

Nothing here touches the keyring. A file that cannot be trusted (invalid
JSON, nesting thousands deep, a number with thousands of digits, wrong types)
is a :class:`ConfigError` naming the file, never a crash and never a reason
to overwrite it.
"""

from __future__ import annotations

import builtins
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Final

from agora_desk.core.atomic import write_text_atomic
from agora_desk.core.errors import InputError, os_reason
from agora_desk.core.i18n import _
from agora_desk.core.jsontext import problem_text
from agora_desk.core.secret import Secret
from agora_desk.core.validation import shown_input
from agora_desk.secrets.errors import ConfigError
from agora_desk.secrets.fields import KINDS, LABELS, MIN_SCAN_LENGTH, Kind

FORMAT_VERSION: Final = 1
# The file's record of which secrets were written for which profile name.
INDEX_KEY: Final = "keyring"


def read_doc(path: Path) -> dict[str, Any]:
    """The whole document (unknown keys kept); ConfigError naming the file on any problem."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return empty_doc()
    except OSError as exc:
        raise ConfigError(path, _("cannot read it: {error}").format(error=os_reason(exc))) from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigError(path, corrupt(_("it is not UTF-8 text")), True) from None
    if not text.strip():
        return empty_doc()
    try:
        doc = json.loads(text, object_pairs_hook=_no_duplicate_keys, parse_int=_file_int)
    except _DuplicateKey as exc:
        raise ConfigError(
            path,
            corrupt(_("the key {key} appears twice").format(key=shown_input(exc.key))),
            True,
        ) from None
    except _HugeNumber as exc:
        raise ConfigError(
            path,
            corrupt(_("it holds a number of {count} digits").format(count=exc.digits)),
            True,
        ) from None
    except RecursionError:
        raise ConfigError(path, corrupt(_("it is nested far too deeply")), True) from None
    except json.JSONDecodeError as exc:
        raise ConfigError(
            path,
            corrupt(
                _("not valid JSON at line {line}, column {column} ({reason})").format(
                    line=exc.lineno, column=exc.colno, reason=problem_text(exc.msg)
                )
            ),
            True,
        ) from None
    except ValueError:  # what else json refuses (e.g. a float it cannot hold)
        raise ConfigError(path, corrupt(_("not valid JSON")), True) from None
    if not isinstance(doc, dict):
        raise ConfigError(path, corrupt(_("the top level is not a JSON object")), True)
    return doc


def empty_doc() -> dict[str, Any]:
    return {"version": FORMAT_VERSION, "profiles": {}}


def corrupt(problem: str) -> str:
    return _(
        "{problem}. Nothing was changed; fix the file, or move it aside to start "
        "again without profiles"
    ).format(problem=problem)


class _HugeNumber(ValueError):
    def __init__(self, digits: int) -> None:
        self.digits = digits
        super().__init__(digits)


def _file_int(text: str) -> int:
    # int() refuses over 4,300 digits with a ValueError that names no file.
    if len(text) > 20:
        raise _HugeNumber(len(text))
    return int(text)


def dump(doc: Mapping[str, Any]) -> str:
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def index_of(path: Path, doc: Mapping[str, Any]) -> dict[str, builtins.list[str]]:
    """The file's record of which secrets were written for which profile name (a copy)."""
    raw = doc.get(INDEX_KEY, {})
    if not isinstance(raw, dict) or not all(
        isinstance(kinds, list) and all(isinstance(k, str) for k in kinds) for kinds in raw.values()
    ):
        raise ConfigError(
            path, corrupt(_("'{key}' is not a map of names to lists").format(key=INDEX_KEY)), True
        )
    return {str(name): [k for k in kinds if k in KINDS] for name, kinds in raw.items()}


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        self.key = key
        super().__init__(key)


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # json.loads would keep the last of two same-named profiles and a later
    # write would silently drop the other.
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


def refuse_secret_in_doc(doc: Mapping[str, Any], secrets: Mapping[Kind, Secret | None]) -> None:
    """The last guard before the file is written: no secret in any of its values.

    Catches a certificate pasted into the notes or the Customer ID field. It
    compares decoded values (not JSON-escaped text), ignoring case: an
    upper-cased certificate or one with a quote is still the certificate.
    """
    needles = [
        (kind, secret.reveal().casefold())
        for kind, secret in secrets.items()
        if secret is not None and len(secret) >= MIN_SCAN_LENGTH
    ]
    if not needles:
        return
    for text in _strings(doc):
        folded = text.casefold()
        for kind, needle in needles:
            if needle in folded:
                raise InputError(
                    LABELS[kind],
                    _(
                        "also appears in a non-secret field (App ID, Customer ID or notes), "
                        "which is saved in plain text; remove it from there"
                    ),
                )


def _strings(doc: Any) -> Iterator[str]:
    """Every key and string value in a parsed JSON document (iteratively: no depth limit)."""
    stack = [doc]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            stack.extend(value.keys())
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)


def write_doc(path: Path, text: str) -> None:
    try:
        write_text_atomic(path, text)
    except OSError as exc:
        raise ConfigError(path, _("cannot write it: {error}").format(error=os_reason(exc))) from exc
