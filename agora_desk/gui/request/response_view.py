"""The answer: status line, why it failed, notes, and the body as text, tree and headers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTabWidget,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from agora_desk.core import rest
from agora_desk.core.decoded import Node
from agora_desk.gui.request.tables import append_row, tree_item
from agora_desk.gui.theme import Tone, set_text_tone
from agora_desk.gui.translation import translate
from agora_desk.gui.widgets import MessageLabel, monospace_font

if TYPE_CHECKING:
    from agora_desk.net.http import Response


@dataclass(frozen=True)
class Outcome:
    """What the send job hands back: the response and its views, made off the GUI thread."""

    response: Response
    view: rest.BodyView  # credentials the request carried already scrubbed from it
    tree: Node | None
    explanation: str | None
    sent: str = ""  # the request as sent, secrets redacted
    tries: tuple[str, ...] = ()  # failover's log, when it was on


class ResponseView(QWidget):
    def __init__(self) -> None:
        super().__init__()
        resp = QVBoxLayout(self)
        resp.setContentsMargins(0, 0, 0, 0)
        self.status_label = QLabel(translate("ResponseView", "No request sent yet."))
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        resp.addWidget(self.status_label)
        self.explanation = MessageLabel()
        resp.addWidget(self.explanation)
        self.notes_label = MessageLabel()
        resp.addWidget(self.notes_label)
        self.tabs = QTabWidget()
        self.body_view = QPlainTextEdit()
        self.body_view.setReadOnly(True)
        # A Tab stop with a caret, so the focus can be seen (issue 17).
        self.body_view.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.body_view.setFont(monospace_font())
        self.body_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.tabs.addTab(self.body_view, translate("ResponseView", "Body"))
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(
            [translate("ResponseView", "Key"), translate("ResponseView", "Value")]
        )
        self.tabs.addTab(self.tree, translate("ResponseView", "JSON tree"))
        self.headers = QTableWidget(0, 2)
        self.headers.setHorizontalHeaderLabels(
            [translate("ResponseView", "Header"), translate("ResponseView", "Value")]
        )
        self.headers.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.headers.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.tabs.addTab(self.headers, translate("ResponseView", "Headers"))
        self.sent_view = QPlainTextEdit()
        self.sent_view.setReadOnly(True)
        self.sent_view.setFont(monospace_font())
        self.sent_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.tabs.addTab(self.sent_view, translate("ResponseView", "Request sent"))
        resp.addWidget(self.tabs, 1)

    def show_sent(self, text: str) -> None:
        """The request as it goes out (secrets redacted), beside the answer."""
        self.sent_view.setPlainText(text)

    def clear(self) -> None:
        set_text_tone(self.status_label, None)
        self.body_view.setPlainText("")
        self.tree.clear()
        self.headers.setRowCount(0)
        self.notes_label.clear_message()

    def show_busy(self, text: str) -> None:
        self.status_label.setText(text)

    def show_cancelled(self) -> None:
        self.status_label.setText(translate("ResponseView", "Cancelled."))
        explanation = rest.explain(rest.Failure(kind=rest.FailureKind.CANCELLED))
        self.explanation.set_message("info", explanation or "")

    def show_failure(
        self, message: str, explanation: str | None = None, elapsed_ms: float | None = None
    ) -> None:
        self.clear()
        if explanation:
            status = (
                translate("ResponseView", "No answer after {ms} ms.").format(ms=f"{elapsed_ms:.0f}")
                if elapsed_ms
                else translate("ResponseView", "No answer.")
            )
        elif elapsed_ms:
            status = translate("ResponseView", "Not sent after {ms} ms: {message}").format(
                ms=f"{elapsed_ms:.0f}", message=message
            )
        else:
            status = translate("ResponseView", "Not sent: {message}").format(message=message)
        self.status_label.setText(status)
        self.explanation.set_message("error", explanation or message)

    def show_outcome(self, outcome: Outcome) -> None:
        r = outcome.response
        self.status_label.setText(
            f"{r.http_version} {r.status} {r.reason} · {r.elapsed_ms:.0f} ms · {r.size_text}"
        )
        set_text_tone(self.status_label, Tone(rest.status_tone(r.status)))
        if outcome.sent:
            self.show_sent(outcome.sent)
        if outcome.explanation:
            self.explanation.set_message("error", outcome.explanation)
        else:
            self.explanation.clear_message()
        notes = [*outcome.tries, *r.notes] if len(outcome.tries) > 1 else list(r.notes)
        if r.truncated:
            notes.append(
                translate("ResponseView", "Body truncated: {size}.").format(size=r.size_text)
            )
        if outcome.view.display_truncated:
            notes.append(
                translate(
                    "ResponseView", "Showing the first {count} characters of the body."
                ).format(count=f"{len(outcome.view.text):,}")
            )
        self.notes_label.set_message("warning" if notes else None, " ".join(notes))
        self.body_view.setPlainText(outcome.view.text)
        self.tree.clear()
        if outcome.tree is not None:
            top = tree_item(outcome.tree)
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        self.tabs.setTabEnabled(1, outcome.tree is not None)
        self.headers.setRowCount(0)
        for key, value in r.headers:
            append_row(self.headers, key, value)
