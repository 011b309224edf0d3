"""What Inspect hands on: the ``decode --json`` text (copied or written) and the safe report.

Neither holds a secret: the JSON is what the CLI prints, the report leaves out
the token, signature and salt and masks the App ID.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from agora_desk.core.decoded import DecodedToken
from agora_desk.core.errors import os_reason
from agora_desk.gui.context import AppContext
from agora_desk.gui.translation import QT_TRANSLATE_NOOP, translate

EXPORT_TITLE = QT_TRANSLATE_NOOP("Tabs", "Export JSON")


def decoded_json(decoded: DecodedToken) -> str:
    """The ``agora-desk decode --json`` text (one line, no newline): the core's one serializer."""
    return decoded.json_text()


class DecodedExport:
    """Copy JSON, Export JSON… and Copy report for the token the tab shows."""

    def __init__(
        self,
        parent: QWidget,
        context: AppContext,
        decoded: Callable[[], DecodedToken | None],
        clock: Callable[[], int],
    ) -> None:
        self._parent = parent
        self._context = context
        self._decoded = decoded
        self._clock = clock

    def copy_report(self) -> None:
        """The shareable report (``decode --report``): nothing secret is in it."""
        decoded = self._decoded()
        if decoded is not None:
            from agora_desk.core import verdict

            self._context.copy(verdict.report(decoded, self._clock()), secret=False)

    def copy_json(self) -> None:
        decoded = self._decoded()
        if decoded is None:
            self._context.status(translate("InspectTab", "Nothing to copy: paste a token first"))
            return
        self._context.copy(decoded_json(decoded), secret=False)

    def export_json(self, path: str | None = None) -> bool:
        """Write the ``decode --json`` output to ``path`` (asked for when None)."""
        decoded = self._decoded()
        if decoded is None:
            self._context.status(translate("InspectTab", "Nothing to export: paste a token first"))
            return False
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self._parent,
                translate("InspectTab", "Export the decoded token"),
                "token.json",
                translate("InspectTab", "JSON (*.json);;All files (*)"),
            )
            if not path:
                return False
        try:
            Path(path).write_text(decoded_json(decoded) + "\n", encoding="utf-8")
        except OSError as exc:
            self._context.report_error(
                EXPORT_TITLE,
                translate("InspectTab", "Could not write {path}: {reason}").format(
                    path=path, reason=os_reason(exc)
                ),
            )
            return False
        self._context.status(translate("InspectTab", "Exported to {path}").format(path=path))
        return True
