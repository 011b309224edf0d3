"""What a response body looks like in a view: pretty JSON or text, and a bounded tree."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Final, Literal

from agora_desk.core.decoded import Node
from agora_desk.core.i18n import _
from agora_desk.core.redact import redact_json, redacted_headers, scrub
from agora_desk.core.rest.model import Prepared

DISPLAY_LIMIT: Final = 256 * 1024  # characters of body text a view shows
TREE_LIMIT: Final = 2000  # nodes of a JSON tree view


@dataclass(frozen=True)
class BodyView:
    text: str  # pretty JSON, or the text as received, cut at the display limit
    json: Any = None
    is_json: bool = False
    display_truncated: bool = False

    @property
    def value(self) -> Any:
        """The parsed JSON, or the text: what ``--json`` and explanations look at."""
        return self.json if self.is_json else self.text


def decode_text(body: bytes, content_type: str = "") -> str:
    charset = "utf-8"
    match = re.search(r"charset=([\w-]+)", content_type, re.IGNORECASE)
    if match:
        charset = match.group(1)
    try:
        return body.decode(charset, errors="replace")
    except LookupError:
        return body.decode("utf-8", errors="replace")


def body_view(
    body: bytes, content_type: str = "", *, truncated: bool = False, limit: int = DISPLAY_LIMIT
) -> BodyView:
    """Pretty JSON when the body parses; text otherwise. Cut at ``limit`` characters."""
    text = decode_text(body, content_type)
    parsed: Any = None
    is_json = False
    if not truncated and text.strip():
        try:
            parsed = json.loads(text)
            is_json = True
            text = json.dumps(parsed, indent=2, ensure_ascii=False)
        except (ValueError, RecursionError):
            pass
    cut = len(text) > limit
    if cut:
        text = text[:limit]
    return BodyView(text, parsed, is_json, cut)


def json_tree(value: Any, label: str = "body", limit: int = TREE_LIMIT) -> Node:
    """A tree of a JSON value for the window; stops after ``limit`` nodes."""
    count = 0

    def scalar(v: Any) -> str:
        return json.dumps(v, ensure_ascii=False)

    def build(parent: Node, key: str, v: Any) -> None:
        nonlocal count
        if count >= limit:
            return
        count += 1
        if isinstance(v, dict):
            node = parent.add(key, f"{{{len(v)}}}")
            for k, child in v.items():
                if count >= limit:
                    node.add("…", _("more not shown"), status="warning")
                    break
                build(node, str(k), child)
        elif isinstance(v, list):
            node = parent.add(key, f"[{len(v)}]")
            for i, child in enumerate(v):
                if count >= limit:
                    hidden = len(v) - i
                    node.add(
                        "…", _("{hidden} more not shown").format(hidden=hidden), status="warning"
                    )
                    break
                build(node, str(i), child)
        else:
            text = scalar(v)
            parent.add(key, text if len(text) <= 500 else text[:500] + "…", copy=str(v))

    root = Node(label)
    build(root, label, value)
    return root.children[0] if root.children else root


def status_tone(status: int) -> Literal["ok", "warning", "error"]:
    """2xx went through; 1xx/3xx did not finish (an unfollowed redirect); 4xx/5xx failed."""
    if 200 <= status < 300:
        return "ok"
    return "error" if status >= 400 else "warning"


def request_text(prepared: Prepared) -> str:
    """The request as sent, for a view: method and URL, headers and body, secrets redacted."""
    lines = [f"{prepared.method} {scrub(prepared.url, prepared.secrets)}"]
    for name, value in redacted_headers(prepared.header_pairs()).items():
        lines.append(f"{name}: {value}")
    if prepared.body is not None:
        text = prepared.body.decode("utf-8", "replace")
        try:
            shown = json.dumps(
                redact_json(json.loads(text), prepared.secrets), indent=2, ensure_ascii=False
            )
        except (ValueError, RecursionError):
            shown = scrub(text, prepared.secrets)
        lines += ["", shown]
    return "\n".join(lines)
