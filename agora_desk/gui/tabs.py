"""The tabs of the main window: what a tab offers the window, and the list of tabs.

A tab's module is imported only when the tab is first shown (each
:class:`TabSpec` holds a small factory that imports it), so start-up pays
for the visible tab alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtWidgets import QVBoxLayout, QWidget

from agora_desk.gui.context import AppContext
from agora_desk.gui.reporting import report_unexpected
from agora_desk.gui.translation import QT_TRANSLATE_NOOP, translate
from agora_desk.gui.widgets import Level, MessageLabel


class Tab(Protocol):
    """What the window asks of a tab (besides being a QWidget)."""

    def default_action(self) -> None:
        """Ctrl+Enter: the tab's main action (Generate, Send, Decode, Start)."""

    def shutdown(self) -> None:
        """The window closes: stop timers, jobs and servers."""


TabFactory = Callable[[AppContext, QWidget], Tab]


@dataclass(frozen=True)
class TabSpec:
    key: str  # stable short name: QSettings, screenshots, tests, Ctrl+n order
    title: str  # in English (errors are filed under it); shown through tab_title()
    factory: TabFactory


# Errors the window shows are filed under a tab's title, or this one.
PROFILES_TITLE = QT_TRANSLATE_NOOP("Tabs", "Profiles")


def tab_title(title: str) -> str:
    """A tab's (or error's) English title as shown in the window's language."""
    return translate("Tabs", title)


def _rtc(context: AppContext, parent: QWidget) -> Tab:
    from agora_desk.gui.rtc_tab import RtcTab

    return RtcTab(context, parent)


def _rtm(context: AppContext, parent: QWidget) -> Tab:
    from agora_desk.gui.rtm_tab import RtmTab

    return RtmTab(context, parent)


def _shapes(context: AppContext, parent: QWidget) -> Tab:
    from agora_desk.gui.shapes.tab import ShapesTab

    return ShapesTab(context, parent)


def _basic(context: AppContext, parent: QWidget) -> Tab:
    from agora_desk.gui.basic_tab import BasicTab

    return BasicTab(context, parent)


def _request(context: AppContext, parent: QWidget) -> Tab:
    from agora_desk.gui.request.tab import RequestTab

    return RequestTab(context, parent)


def _inspect(context: AppContext, parent: QWidget) -> Tab:
    from agora_desk.gui.inspect.tab import InspectTab

    return InspectTab(context, parent)


def _server(context: AppContext, parent: QWidget) -> Tab:
    from agora_desk.gui.server_tab import ServerTab

    return ServerTab(context, parent)


TABS: tuple[TabSpec, ...] = (
    TabSpec("rtc", QT_TRANSLATE_NOOP("Tabs", "RTC token"), _rtc),
    TabSpec("rtm", QT_TRANSLATE_NOOP("Tabs", "RTM token"), _rtm),
    TabSpec("shapes", QT_TRANSLATE_NOOP("Tabs", "More tokens"), _shapes),
    TabSpec("basic", QT_TRANSLATE_NOOP("Tabs", "Basic credential"), _basic),
    TabSpec("request", QT_TRANSLATE_NOOP("Tabs", "Test request"), _request),
    TabSpec("inspect", QT_TRANSLATE_NOOP("Tabs", "Inspect"), _inspect),
    TabSpec("server", QT_TRANSLATE_NOOP("Tabs", "Token server"), _server),
)


class TabPage(QWidget):
    """A tab's place in the QTabWidget; the tab itself is built on first view."""

    def __init__(self, spec: TabSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.tab: Tab | None = None
        self.problem: str | None = None
        self.built = False
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def build(self, context: AppContext) -> None:
        if self.built:
            return
        self.built = True
        try:
            tab = self.spec.factory(context, self)
        except Exception as exc:
            self._show_problem(
                translate(
                    "Tabs",
                    "The {tab} tab could not be opened ({error}). The other tabs still work.",
                ).format(tab=tab_title(self.spec.title), error=type(exc).__name__)
            )
            report_unexpected(exc)
            return
        if not isinstance(tab, QWidget):
            raise TypeError(f"the {self.spec.title} tab is not a widget")
        self.tab = tab
        self._layout.addWidget(tab)

    def _show_problem(self, text: str) -> None:
        self.problem = text
        from PySide6.QtCore import Qt

        label = MessageLabel(self)
        label.set_message(Level.ERROR, text)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout.addWidget(label, 1)
