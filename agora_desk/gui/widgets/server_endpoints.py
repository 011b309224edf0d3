"""The token server's endpoints, each with a sample ``curl`` to copy (from the server's routes)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from agora_desk.gui.theme import monospace_font
from agora_desk.gui.translation import QT_TRANSLATE_NOOP, translate
from agora_desk.server.samples import Sample, samples

ENDPOINT_COLUMNS = (
    QT_TRANSLATE_NOOP("ServerEndpoints", "Method"),
    QT_TRANSLATE_NOOP("ServerEndpoints", "Path"),
    QT_TRANSLATE_NOOP("ServerEndpoints", "Answers"),
)


class ServerEndpoints(QGroupBox):
    """Every route of the token server; the selected one's sample request as a curl command.

    ``copy(text, secret)`` is the context's copy: a command holding the access
    key is a secret copy (cleared after the timeout), one without it is not.
    """

    def __init__(self, copy: Callable[[str, bool], None], parent: QWidget | None = None) -> None:
        super().__init__(translate("ServerEndpoints", "Endpoints"), parent)
        self._copy = copy
        self._base = ""
        self._key: str | None = None
        self.samples: list[Sample] = samples()
        self.table = QTableWidget(len(self.samples), len(ENDPOINT_COLUMNS), self)
        self.table.setHorizontalHeaderLabels(
            [translate("ServerEndpoints", c) for c in ENDPOINT_COLUMNS]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)  # one line per route; the full text is in the tooltip
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        for row, sample in enumerate(self.samples):
            for column, text in enumerate((sample.method, sample.route, sample.title)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.language_changed()
        self.curl_edit = QLineEdit(self)
        self.curl_edit.setReadOnly(True)
        self.curl_edit.setFont(monospace_font())
        self.curl_edit.setAccessibleName(translate("ServerEndpoints", "Sample curl command"))
        self.copy_button = QPushButton(translate("ServerEndpoints", "Copy curl"), self)
        self.copy_button.setToolTip(
            translate("ServerEndpoints", "Copy the selected endpoint's sample request")
        )
        self.copy_button.clicked.connect(self.copy)
        row_layout = QHBoxLayout()
        row_layout.addWidget(self.curl_edit, 1)
        row_layout.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row_layout)
        self.table.itemSelectionChanged.connect(self._show)
        self.table.selectRow(0)

    def language_changed(self) -> None:
        """The routes' summaries (the server's words, not the window's) in the active language."""
        for row, sample in enumerate(self.samples):
            for column in range(self.table.columnCount()):
                item = self.table.item(row, column)
                if item is not None:
                    item.setToolTip(sample.title)
                    if column == 2:
                        item.setText(sample.title)

    def set_base(self, base_url: str, access_key: str | None = None) -> None:
        """Where the samples point: the running server, else the host and port in the form."""
        self._base, self._key = base_url, access_key
        self._show()

    def selected(self) -> Sample | None:
        rows = self.table.selectionModel().selectedRows()
        return self.samples[rows[0].row()] if rows else None

    def command(self) -> str:
        sample = self.selected()
        return sample.curl(self._base, self._key) if sample is not None and self._base else ""

    def copy(self) -> None:
        command = self.command()
        if command:
            self._copy(command, self._key is not None)

    def _show(self) -> None:
        command = self.command()
        self.curl_edit.setText(command)
        self.curl_edit.setCursorPosition(0)
        self.curl_edit.setToolTip(command)
        self.copy_button.setEnabled(bool(command))
