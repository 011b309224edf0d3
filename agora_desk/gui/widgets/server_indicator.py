"""The status-bar sign that the token server runs: "● serving :8082", click to open."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from agora_desk.gui.theme import Tone, set_text_tone
from agora_desk.gui.translation import translate


class ServerIndicator(QToolButton):
    """Visible while the token server runs, on every tab.

    A click opens the server's URL in the browser; the arrow offers Show and Stop.
    """

    def __init__(
        self,
        show_tab: Callable[[], object],
        stop: Callable[[], object],
        parent: QWidget | None = None,
        *,
        open_url: Callable[[QUrl], object] = QDesktopServices.openUrl,
    ) -> None:
        super().__init__(parent)
        self.url = ""
        self._open_url = open_url
        self.setAutoRaise(True)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.setAccessibleName(translate("ServerIndicator", "Token server"))
        menu = QMenu(self)
        self.open_action = menu.addAction(
            translate("ServerIndicator", "Open in the browser"), self.open
        )
        self.show_action = menu.addAction(
            translate("ServerIndicator", "Show the Token server tab"), show_tab
        )
        self.stop_action = menu.addAction(
            translate("ServerIndicator", "Stop the token server"), stop
        )
        self.setMenu(menu)
        self.clicked.connect(self.open)
        set_text_tone(self, Tone.OK)
        self.hide()

    def set_url(self, url: str) -> None:
        self.url = url
        if not url:
            self.hide()
            return
        port = QUrl(url).port()
        self.setText(
            translate("ServerIndicator", "● serving :{port}").format(port=port)
            if port > 0
            else translate("ServerIndicator", "● serving")
        )
        self.setToolTip(
            translate("ServerIndicator", "The token server runs at {url}: click to open it").format(
                url=url
            )
        )
        self.show()

    def open(self) -> None:
        if self.url:
            self._open_url(QUrl(self.url))
