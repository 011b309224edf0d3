"""A QR code of a token or URL, big enough to scan from a laptop screen (segno encodes it)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from agora_desk.gui.theme import QR_DARK, QR_LIGHT
from agora_desk.gui.translation import translate

# A module this many pixels wide reads from about 40 cm with a phone camera.
MIN_MODULE_PX = 4
TARGET_PX = 360
QUIET_ZONE = 4  # modules of light border the standard asks for


class QrCode(QWidget):
    """Paints the code's modules; ``matrix`` rows are lists of booleans (dark = True)."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        import segno  # imported when a code is first shown: not at start-up

        code = segno.make(text, error="m", micro=False)
        self.version = code.version
        self.matrix: list[list[bool]] = [
            [bool(module) for module in row] for row in code.matrix_iter(border=QUIET_ZONE)
        ]
        size = len(self.matrix)
        self.module_px = max(MIN_MODULE_PX, TARGET_PX // size)
        side = size * self.module_px
        self.setFixedSize(QSize(side, side))
        self.setAccessibleName(translate("QrCode", "QR code"))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(QR_LIGHT))
        dark = QColor(QR_DARK)
        px = self.module_px
        for y, row in enumerate(self.matrix):
            for x, on in enumerate(row):
                if on:
                    painter.fillRect(QRect(x * px, y * px, px, px), dark)
        painter.end()


class QrDialog(QDialog):
    """A non-modal window with the code and a note on what it holds."""

    def __init__(
        self, title: str, text: str, note: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        self.code = QrCode(text, self)
        layout.addWidget(self.code, 0, Qt.AlignmentFlag.AlignHCenter)
        if note:
            label = QLabel(note, self)
            label.setWordWrap(True)
            layout.addWidget(label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
