"""Inspect's input: the token box (paste, drop, file), the one-line reason, and the bounded decode."""

from __future__ import annotations

import base64
import functools
import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QSizePolicy, QWidget

from agora_desk.core.checks import Expectations
from agora_desk.core.damage import DamagedTokenError, partial_tree
from agora_desk.core.decoded import DecodedToken, Node
from agora_desk.core.diagnostics import diagnose
from agora_desk.core.errors import AgoraDeskError, os_reason
from agora_desk.gui.inspect.certificate import SignerPlan
from agora_desk.gui.theme import Tone, set_text_tone
from agora_desk.gui.translation import translate

# A token is a few hundred characters; refuse to decode a pasted novel.
MAX_INPUT_CHARS = 64 * 1024
# Dropped files: a token file, or a short log excerpt.
MAX_FILE_BYTES = 64 * 1024

# Rows shown under one parent; the rest are summarised in one row.
MAX_CHILDREN = 200


# -- input ---------------------------------------------------------------------


def local_file(mime: QMimeData) -> str | None:
    """The first local file in a drop, if any."""
    if mime.hasUrls():
        for url in mime.urls():
            if url.isLocalFile():
                return url.toLocalFile()
    return None


def read_token_file(path: str) -> str:
    """Read a dropped file as text. Raises :class:`AgoraDeskError` with the reason."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            raise AgoraDeskError(
                translate(
                    "Input",
                    "{name} is {size} KiB: a token is a few hundred characters; drop a file that holds just the token, or paste it",
                ).format(name=p.name, size=size // 1024)
            )
        data = p.read_bytes()
    except OSError as exc:
        raise AgoraDeskError(
            translate("Input", "cannot read {name}: {reason}").format(
                name=p.name, reason=os_reason(exc)
            )
        ) from None
    if b"\x00" in data:
        raise AgoraDeskError(
            translate("Input", "{name} is a binary file, not a text file with a token").format(
                name=p.name
            )
        )
    return data.decode("utf-8", "replace")


class TokenEdit(QPlainTextEdit):
    """Plain-text token input. A drop replaces the text; a dropped file is read.

    The file is read off the GUI thread by whoever handles ``fileDropped``
    (a network share can hang).
    """

    fileDropped = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(self.wordWrapMode().WrapAnywhere)

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return local_file(source) is not None or super().canInsertFromMimeData(source)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_file(event.mimeData()) is not None or event.mimeData().hasText():
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        if accept_drop(event.mimeData(), self.setPlainText, self.fileDropped.emit):
            event.acceptProposedAction()
        else:
            super().dropEvent(event)


def accept_drop(
    mime: QMimeData, set_text: Callable[[str], object], open_file: Callable[[str], object]
) -> bool:
    """Route a drop: a local file is opened, text replaces the input."""
    path = local_file(mime)
    if path is not None:
        open_file(path)
        return True
    if mime.hasText():
        set_text(mime.text())
        return True
    return False


def clipboard_text() -> str:
    return QGuiApplication.clipboard().text()


class ReasonLine(QLabel):
    """One line for the reason a token cannot be decoded, elided to fit; full text as tooltip.

    It keeps its one line of space when empty, so a reason appearing or
    going away while someone types does not re-lay out the whole tab.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self.fontMetrics().height() + 4)
        set_text_tone(self, Tone.ERROR)

    def show_reason(self, message: str) -> None:
        text = " ".join(message.split())
        if text != self.text():
            self.setText(text)
            self.setToolTip(text)

    def paintEvent(self, event: QPaintEvent) -> None:
        rect = self.contentsRect()
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, rect.width())
        painter = QPainter(self)
        self.style().drawItemText(
            painter,
            rect,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            self.palette(),
            self.isEnabled(),
            text,
            self.foregroundRole(),
        )


@dataclass(frozen=True)
class Unreadable:
    """An input that is not a decodable token: the one-line reason, and what a damaged
    token still shows (its version and often its App ID), if anything."""

    reason: str
    partial: Node | None = None


def diagnose_input(
    text: str, expect: Expectations, plan: SignerPlan | None = None
) -> DecodedToken | Unreadable | None:
    """The decoded and checked token, why it cannot be, or None if empty.

    ``plan``: certificates to try in turn (a profile's primary and secondary)
    and the saved profiles, to name who signed it or whose App ID it has.
    """
    if not text.strip():
        return None
    if len(text) > MAX_INPUT_CHARS:
        return Unreadable(
            translate(
                "Input", "{count} characters: a token is a few hundred; paste just the token"
            ).format(count=len(text))
        )
    try:
        if plan is None:
            return diagnose(text, expect)
        return diagnose(text, expect, signers=plan.signers, lookup=plan.lookup)
    except DamagedTokenError as exc:
        return Unreadable(str(exc), partial_tree(exc.partial))
    except AgoraDeskError as exc:
        return Unreadable(str(exc))
    except Exception as exc:  # a core bug must still not become an exception dialog
        return Unreadable(
            translate(
                "Input", "cannot decode this input (internal error {error}; please report it)"
            ).format(error=type(exc).__name__)
        )


def limit_children(node: Node, limit: int = MAX_CHILDREN) -> Node:
    """Cut any list of rows longer than ``limit``, saying how many were left out.

    A real token has a handful of services, but a 400-character paste can
    inflate to 65 535 of them; building and expanding that many rows would
    freeze the window. Export JSON still has every one.
    """
    if len(node.children) > limit:
        hidden = len(node.children) - limit
        node.children = node.children[:limit]
        node.children.append(
            Node(
                translate("Input", "… {hidden} more").format(hidden=hidden),
                translate("Input", "not shown here; Export JSON has them all"),
                status="warning",
            )
        )
    for child in node.children:
        limit_children(child, limit)
    return node


# -- alignment -------------------------------------------------------------------


# A 007 token inflating beyond this is decoded off the GUI thread. Real tokens
# inflate to a few hundred bytes; each 4 bytes can be one more service to check.
SYNC_INFLATED_BYTES = 2048
_BASE64 = re.compile(r"[A-Za-z0-9+/=_-]+")


@functools.lru_cache(maxsize=8)  # asked by the keystroke, the re-check and Rebuild
def needs_background(text: str) -> bool:
    """True when decoding ``text`` may take long enough to be felt (decided in microseconds).

    Only a compressed (007) token can grow on decoding: measure how far it
    inflates, up to the limit, with zlib's own bounded decompression.
    """
    start = text.find("007")
    if start < 0:
        return False
    match = _BASE64.match(text, start + 3)
    if match is None:
        return False
    body = match.group(0)
    try:
        raw = base64.b64decode(body.replace("-", "+").replace("_", "/") + "=" * (-len(body) % 4))
        inflated = zlib.decompressobj().decompress(raw, SYNC_INFLATED_BYTES + 1)
    except (ValueError, zlib.error):
        return False
    return len(inflated) > SYNC_INFLATED_BYTES


@dataclass(frozen=True)
class Decoded:
    """What a decode hands the tab: the result (or the reason), its tree, how long it took."""

    result: DecodedToken | Unreadable | None
    tree: Node | None
    seconds: float
