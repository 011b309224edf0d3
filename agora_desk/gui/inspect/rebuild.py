"""Inspect's "Rebuild with these inputs": the button, why it is off, and the hand-off.

The inputs come from :func:`agora_desk.core.rebuild.rebuild_request` (no
secret among them); the window opens the generator that makes that request
and fills it in (``AppContext.rebuildRouted``).
"""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget

from agora_desk.core.decoded import DecodedToken
from agora_desk.gui.context import AppContext
from agora_desk.gui.inspect.input import needs_background
from agora_desk.gui.translation import QT_TRANSLATE_NOOP, translate

TIP = QT_TRANSLATE_NOOP(
    "RebuildButton",
    "Open the generator that makes this token, filled in with its inputs (never a secret)",
)


class RebuildButton(QPushButton):
    """Enabled for a token a form can make again; otherwise its tooltip says why not."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(translate("RebuildButton", "Rebuil&d with these inputs"), parent)
        self.context = context
        self._decoded: DecodedToken | None = None
        self.reason = ""
        self.clicked.connect(self.rebuild)
        self.show_for(None)

    def show_for(self, decoded: DecodedToken | None) -> None:
        """Follow the token on screen (called after every decode)."""
        from agora_desk.core.rebuild import NotRebuildable, rebuild_request

        self._decoded = decoded
        if decoded is not None and needs_background(decoded.token):
            # Reading it again would hold up the window; no real token unpacks so far.
            self.reason = translate(
                "RebuildButton",
                "This token unpacks far beyond any real token; no form can hold it.",
            )
        else:
            found = rebuild_request(decoded)
            self.reason = found.reason if isinstance(found, NotRebuildable) else ""
        self.setEnabled(not self.reason)
        self.setToolTip(
            translate("RebuildButton", "Not available: {reason}").format(reason=self.reason)
            if self.reason
            else translate("RebuildButton", TIP)
        )

    def rebuild(self) -> None:
        from agora_desk.core.rebuild import NotRebuildable, rebuild_request

        if self._decoded is None or self.reason:
            return
        found = rebuild_request(self._decoded)
        if not isinstance(found, NotRebuildable):
            self.context.rebuildRouted.emit(found, self._decoded.app_id)
