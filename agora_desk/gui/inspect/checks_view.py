"""The checks pane of the Inspect tab: the summary line, the timeline and one row per check."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QBrush, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from agora_desk.core.decoded import SignedBy, Verdict
from agora_desk.gui.inspect.checks import CheckRow, RowState, row_tone, summarize
from agora_desk.gui.inspect.timeline import Timeline
from agora_desk.gui.theme import Tone, set_text_tone, tone_colour
from agora_desk.gui.translation import translate

STATE_ROLE = Qt.ItemDataRole.UserRole + 1  # check row: its RowState value
FIX_ROLE = Qt.ItemDataRole.UserRole + 2  # check row: the fix sentence

_ICONS = {
    RowState.OK: QStyle.StandardPixmap.SP_DialogApplyButton,
    RowState.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
    RowState.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
    RowState.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation,
}


class ChecksPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # The verdict first: the one sentence support staff act on.
        self.verdict_label = QLabel(self)
        self.verdict_label.setWordWrap(True)
        self.verdict_label.setTextFormat(Qt.TextFormat.PlainText)
        self.verdict_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        big = self.verdict_label.font()
        big.setBold(True)
        big.setPointSizeF(big.pointSizeF() * 1.15)
        self.verdict_label.setFont(big)
        self.verdict_label.hide()
        layout.addWidget(self.verdict_label)
        self.summary_label = QLabel(translate("ChecksPanel", "Checks appear here"), self)
        self.summary_label.setWordWrap(True)
        font = self.summary_label.font()
        font.setBold(True)
        self.summary_label.setFont(font)
        layout.addWidget(self.summary_label)
        # Placed by the tab under the tree, where it has the width it needs.
        self.timeline = Timeline()
        self.view = QListWidget(self)
        self.view.setWordWrap(True)
        # Rows re-wrap to the pane's width instead of being cut off at the side.
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setIconSize(QSize(16, 16))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        layout.addWidget(self.view, 1)
        self.rows: list[CheckRow] = []
        self._icons: dict[RowState, QIcon] = {}  # the style's, looked up once

    def _icon(self, state: RowState) -> QIcon:
        icon = self._icons.get(state)
        if icon is None:
            icon = self._icons[state] = self.style().standardIcon(_ICONS[state])
        return icon

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.StyleChange:
            self._icons.clear()
        super().changeEvent(event)

    def show_verdict(self, verdict: Verdict | None, signed_by: SignedBy | None = None) -> None:
        if verdict is None:
            self.verdict_label.clear()
            self.verdict_label.hide()
            return
        text = verdict.summary
        if signed_by is not None and signed_by.certificate is not None:
            text += "\n" + translate("ChecksPanel", "Signed with {signer}.").format(
                signer=signed_by.describe()
            )
        if text != self.verdict_label.text():
            self.verdict_label.setText(text)
        set_text_tone(self.verdict_label, Tone.OK if verdict.ok else Tone.ERROR)
        if self.verdict_label.isHidden():
            self.verdict_label.show()

    def show_rows(self, rows: list[CheckRow]) -> None:
        if rows == self.rows and self.view.count() == len(rows):
            return  # unchanged: keep the selection and scroll position
        self.rows = rows
        view = self.view
        # Rows already shown are rewritten in place (a re-check changes a few
        # words); only the difference in number is added or dropped.
        while view.count() > len(rows):
            view.takeItem(view.count() - 1)
        colours: dict[Tone, QBrush] = {}
        for index, row in enumerate(rows):
            item = view.item(index)
            if item is None:
                item = QListWidgetItem()
                view.addItem(item)
            item.setIcon(self._icon(row.state))
            item.setText(row.text)
            item.setData(STATE_ROLE, row.state.value)
            item.setData(FIX_ROLE, row.fix)
            item.setToolTip(row.fix)
            tone = row_tone(row.state)
            if tone is None:
                item.setData(Qt.ItemDataRole.ForegroundRole, None)
            else:
                if tone not in colours:
                    colours[tone] = QBrush(tone_colour(tone))
                item.setForeground(colours[tone])
        if rows:
            state, text = summarize(rows)
            set_text_tone(self.summary_label, row_tone(state))
            self.summary_label.setText(text)
