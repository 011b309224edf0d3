"""Request history: entries that hold no secret, and the file they live in.

The file follows the storage rule of every history (:mod:`agora_desk.core.history_store`):
bounded, written atomically, a damaged one kept beside it and named.

Replay re-resolves every secret from the profile (a pasted token must be
pasted again). :func:`history_entry` drops credentials and credential-like
values, and a last guard refuses to write an entry a known secret survived in.
"""

from __future__ import annotations

import json
import time
import urllib.parse
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from agora_desk.core.history_store import HistoryStore
from agora_desk.core.i18n import _
from agora_desk.core.redact import MIN_SCAN_LENGTH, SENSITIVE_HEADERS, redact_json
from agora_desk.core.rest.model import DEFAULT_BASE_URL, FailureKind, RestError, RestRequest
from agora_desk.core.rest.params import PresetParams
from agora_desk.core.rest.presets import PRESETS

HISTORY_MAX: Final = 50
HISTORY_FILE: Final = "request_history.json"


def _outcome(outcome: str | None) -> str:
    """A failure kind as people read it; "—" for none, the text itself if it is no kind."""
    if not outcome:
        return "—"
    try:
        return FailureKind(outcome).label
    except ValueError:
        return outcome


@dataclass(frozen=True)
class HistoryEntry:
    """A sent request, minus every secret."""

    at: int
    method: str
    base_url: str
    path: str
    scheme: str
    preset: str | None = None
    params: PresetParams = field(default_factory=PresetParams)
    headers: tuple[tuple[str, str], ...] = ()
    body: Any = None
    # "profile" or "pasted" (pasted tokens are not kept)
    token_source: str = "profile"  # noqa: S105
    profile: str | None = None
    status: int | None = None
    elapsed_ms: float | None = None
    outcome: str = ""

    @property
    def host(self) -> str:
        return urllib.parse.urlsplit(self.base_url).netloc or self.base_url

    @property
    def title(self) -> str:
        """Time, what, where, as whom and the result: never a secret, which is not kept."""
        stamp = time.strftime("%H:%M:%S", time.localtime(self.at))
        result = str(self.status) if self.status is not None else _outcome(self.outcome)
        what = self.preset or f"{self.method} {self.path}"
        who = _("profile {name}").format(name=self.profile) if self.profile else _("no profile")
        return f"{stamp}  {what}  {self.host}  ({who})  → {result}"

    def to_json(self) -> dict[str, Any]:
        return {
            "at": self.at,
            "method": self.method,
            "base_url": self.base_url,
            "path": self.path,
            "scheme": self.scheme,
            "preset": self.preset,
            "params": self.params.to_json(),
            "headers": [list(h) for h in self.headers],
            "body": self.body,
            "token_source": self.token_source,
            "profile": self.profile,
            "status": self.status,
            "elapsed_ms": self.elapsed_ms,
            "outcome": self.outcome,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> HistoryEntry:
        headers = tuple(
            (str(h[0]), str(h[1]))
            for h in data.get("headers", [])
            if isinstance(h, list | tuple) and len(h) == 2
        )
        status = data.get("status")
        elapsed = data.get("elapsed_ms")
        params = data.get("params")
        return cls(
            at=int(data.get("at", 0)),
            method=str(data.get("method", "GET")),
            base_url=str(data.get("base_url", DEFAULT_BASE_URL)),
            path=str(data.get("path", "/")),
            scheme=str(data.get("scheme", "none")),
            preset=str(data["preset"]) if data.get("preset") else None,
            params=PresetParams.from_json(params if isinstance(params, Mapping) else {}),
            headers=headers,
            body=data.get("body"),
            token_source=str(data.get("token_source", "profile")),
            profile=str(data["profile"]) if data.get("profile") else None,
            status=int(status) if isinstance(status, int) else None,
            elapsed_ms=float(elapsed) if isinstance(elapsed, int | float) else None,
            outcome=str(data.get("outcome", "")),
        )


class SecretInHistory(RestError):
    """The last guard before history is written found a secret in it."""


def history_entry(
    req: RestRequest,
    *,
    params: PresetParams | None = None,
    token_source: str = "profile",  # noqa: S107
    profile: str | None = None,
    status: int | None = None,
    elapsed_ms: float | None = None,
    outcome: str = "",
    at: int | None = None,
) -> HistoryEntry:
    """A history entry for ``req``: credentials and credential-like values dropped."""
    secrets = list(req.auth.secret_values())
    headers = tuple(
        (n, v)
        for n, v in req.headers
        if n.lower() not in SENSITIVE_HEADERS and not any(s in v for s in secrets if s)
    )
    body = redact_json(req.body, secrets) if req.body is not None else None
    preset = PRESETS.get(req.preset or "")
    if preset is not None:
        body = preset.history_body(body)
    entry = HistoryEntry(
        at=int(time.time()) if at is None else at,
        method=req.method,
        base_url=req.base_url,
        path=req.path,
        scheme=req.auth.scheme.value,
        preset=req.preset,
        params=params or PresetParams(),
        headers=headers,
        body=body,
        token_source=token_source,
        profile=profile,
        status=status,
        elapsed_ms=elapsed_ms,
        outcome=outcome,
    )
    assert_no_secret(json.dumps(entry.to_json()), secrets)
    return entry


def assert_no_secret(text: str, secrets: Iterable[str]) -> None:
    for s in secrets:
        if len(s) >= MIN_SCAN_LENGTH and s in text:
            raise SecretInHistory(
                "a credential would have been written to the request history; nothing was saved"
            )


def history_file(path: Path) -> HistoryStore[HistoryEntry]:
    """The request history's file, kept by the one storage rule of every history."""
    return HistoryStore(
        path, _("the request history"), HISTORY_MAX, HistoryEntry.to_json, HistoryEntry.from_json
    )
