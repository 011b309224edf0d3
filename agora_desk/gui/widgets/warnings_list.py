"""The warnings about a result, one message each."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QVBoxLayout, QWidget

from agora_desk.core.validation import Issue
from agora_desk.gui.widgets.message_label import Level, MessageLabel


class WarningsList(QWidget):
    """SDK-rule warnings about a result; hidden when there are none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self._labels: list[MessageLabel] = []
        self.hide()

    def set_issues(self, issues: Iterable[Issue]) -> None:
        for label in self._labels:
            label.deleteLater()
        self._labels = []
        for issue in issues:
            label = MessageLabel(self)
            label.set_message(
                Level.WARNING if issue.level == "warning" else Level.ERROR, str(issue)
            )
            self._layout.addWidget(label)
            self._labels.append(label)
        self.setVisible(bool(self._labels))

    def clear(self) -> None:
        self.set_issues([])

    def messages(self) -> list[str]:
        return [label.message for label in self._labels]
