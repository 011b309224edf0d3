"""A picture of a token's times: issued, each privilege's expiry, the token's expiry, and now.

One horizontal axis (QPainter), so what runs out first is seen at a glance.
The points come from the decoded tree (nodes carry their times as data).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QScrollArea, QSizePolicy, QSplitter, QWidget

from agora_desk.core import timefmt
from agora_desk.core.decoded import Node, TimeKind
from agora_desk.core.i18n import _
from agora_desk.gui.theme import Tone, tone_colour
from agora_desk.gui.translation import translate
from agora_desk.gui.widgets.forms import scrolling


@dataclass(frozen=True)
class Moment:
    label: str
    ts: int
    start: bool  # an issue time (being past is fine), not an expiry


def moments(root: Node | None) -> list[Moment]:
    """Every timed row of the tree, in time order (rows that name no time are left out)."""
    found: list[Moment] = []

    def walk(node: Node, parent: str) -> None:
        if node.timestamp:
            label = (
                node.label if not parent or parent == _("privileges") else f"{parent}: {node.label}"
            )
            found.append(Moment(label, node.timestamp, node.time_kind is TimeKind.START))
        for child in node.children:
            walk(child, node.label)

    if root is not None:
        for child in root.children:
            walk(child, "")
    return sorted(found, key=lambda m: m.ts)


class Timeline(QWidget):
    """Markers on one axis; expired ones in the error colour, 'now' as a vertical line."""

    ROW = 18

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: list[Moment] = []
        self.now = 0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(translate("Timeline", "Timeline"))
        self.hide()

    def set_points(self, points: list[Moment], now: int) -> None:
        if points == self.points:  # each keystroke of the same token: at most a new "now"
            self.set_now(now)
            return
        self.points, self.now = points, now
        self.setVisible(bool(points))
        height = self.sizeHint().height()
        if (self.minimumHeight(), self.maximumHeight()) != (height, height):
            self.setFixedHeight(height)
        self.setToolTip(
            "\n".join(f"{m.label}: {timefmt.local(m.ts)}" for m in points) if points else ""
        )
        self.update()

    def set_now(self, now: int) -> None:
        if now != self.now:
            self.now = now
            self.update()

    def sizeHint(self) -> QSize:
        return QSize(300, 24 + self.ROW * max(1, len(self.points)))

    def x_of(self, ts: int, left: float, width: float) -> float:
        times = [m.ts for m in self.points] + [self.now]
        low, high = min(times), max(times)
        span = max(1, high - low)
        return left + width * (ts - low) / span

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.points:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(palette.ColorRole.WindowText)
        metrics = self.fontMetrics()
        label_w = min(
            self.width() // 3, max(metrics.horizontalAdvance(m.label) for m in self.points) + 12
        )
        left, right = float(label_w), float(self.width() - 12)
        width = max(10.0, right - left)
        axis_y = 8.0
        painter.setPen(QPen(text, 1))
        painter.drawLine(QPointF(left, axis_y), QPointF(right, axis_y))
        for row, moment in enumerate(self.points):
            y = 24.0 + row * self.ROW
            x = self.x_of(moment.ts, left, width)
            expired = not moment.start and moment.ts <= self.now
            colour = tone_colour(Tone.ERROR if expired else Tone.OK, palette)
            painter.setPen(QPen(text, 1))
            painter.drawText(QRectF(0, y - self.ROW / 2, label_w - 6, self.ROW),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             metrics.elidedText(moment.label, Qt.TextElideMode.ElideRight,
                                                label_w - 6))  # fmt: skip
            painter.setPen(QPen(colour, 2))
            painter.drawLine(QPointF(x, axis_y), QPointF(x, y))
            painter.setBrush(QColor(colour))
            painter.drawEllipse(QPointF(x, y), 4, 4)
        now_x = self.x_of(self.now, left, width)
        painter.setPen(QPen(tone_colour(Tone.WARNING, palette), 2, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(now_x, 0), QPointF(now_x, float(self.height())))
        painter.drawText(
            QPointF(now_x + 3, 12),
            translate("Timeline", "now {local}").format(local=timefmt.local(self.now)[11:16]),
        )
        painter.end()


def under_tree(tree: QWidget, timeline: Timeline) -> tuple[QSplitter, QScrollArea]:
    """``tree`` above ``timeline``, with a handle between them.

    At the minimum window size the timeline (a row per moment) scrolls instead of
    taking the tree's rows. Its scroll area starts hidden, like the timeline: whoever
    gives the timeline its moments shows it.
    """
    splitter = QSplitter(Qt.Orientation.Vertical)
    splitter.setChildrenCollapsible(False)
    splitter.addWidget(tree)
    scroll = scrolling(timeline, across=False)
    scroll.hide()
    splitter.addWidget(scroll)
    splitter.setStretchFactor(0, 3)
    splitter.setStretchFactor(1, 2)
    return splitter, scroll
