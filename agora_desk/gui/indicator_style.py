"""Radio buttons and check boxes outlined in the scheme's colour (see theme.Scheme.indicator).

Its own module because PySide builds every QStyle and QStyleOption enum when
those classes are first touched (tens of ms): the app installs the style once the
window's first frame is on screen (MainWindow.frameShown), just before the first
tab, the first thing with an indicator, is built.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

from agora_desk.gui.theme import scheme


class IndicatorStyle(QProxyStyle):
    """The platform style, with radio buttons and check boxes outlined in the scheme's colour.

    Fusion (Qt's style when the desktop hands it none, as on most Linux setups)
    outlines them with the window colour darkened by 40 %: about 1.2:1 on a dark
    window and 2:1 on a light one, below the 3:1 WCAG asks of a control. Other
    styles draw their own indicators and are left alone.
    """

    def __init__(self, base: QStyle | None = None) -> None:
        super().__init__(base)
        self._outline = self.baseStyle().name().lower() == "fusion"

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        radio = element is QStyle.PrimitiveElement.PE_IndicatorRadioButton
        if not self._outline or not (
            radio or element is QStyle.PrimitiveElement.PE_IndicatorCheckBox
        ):
            return
        colour = QColor(scheme(option.palette).indicator)
        if not option.state & QStyle.StateFlag.State_Enabled:
            colour.setAlphaF(0.5)  # still there, visibly off
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(colour, 1.2))
        box = QRectF(option.rect).adjusted(0.6, 0.6, -0.6, -0.6)
        if radio:
            side = min(box.width(), box.height())
            box.setSize(box.size().scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio))
            painter.drawEllipse(box)
        else:
            painter.drawRoundedRect(box, 1.5, 1.5)
        painter.restore()


def install_indicator_style(app: QApplication) -> None:
    """Make :class:`IndicatorStyle` the application's style (once; later calls keep it)."""
    if not isinstance(app.style(), IndicatorStyle):
        app.setStyle(IndicatorStyle())
