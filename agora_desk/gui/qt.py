"""Workarounds for the Qt binding (PySide6), in one place.

Code elsewhere in the GUI calls these instead of repeating a workaround, so
that dropping one when a fixed PySide6 is the minimum is a one-file change.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable

from PySide6.QtCore import QMessageLogContext, QtMsgType, qFormatLogMessage, qInstallMessageHandler

from agora_desk.core.wire import is_clean_text


# PySide6 6.12 releases one reference to None too many each time a Python
# data() override returns None to C++ (a view asking for a role we do not
# set), until None is "deallocated" and the interpreter aborts. Taking one
# extra reference per such return balances it; where the bug is absent (a
# fixed PySide, a direct Python call, Python 3.12+ with immortal None) the
# extra reference is harmless. tests/test_qt_runtime.py checks the build.
@functools.cache
def _py_incref() -> Callable[[object], None]:
    import ctypes  # here, not at import: the window's first frame shows no model

    incref = ctypes.pythonapi.Py_IncRef
    incref.argtypes = [ctypes.py_object]
    incref.restype = None
    return incref


def no_data() -> None:
    """What a model's ``data()`` returns for "nothing" (see above)."""
    _py_incref()(None)
    return None


def qt_text(value: str) -> str:
    """Text safe to hand to Qt.

    Wire strings keep invalid UTF-8 as lone surrogates (``surrogateescape``),
    which Qt would silently drop; show those bytes as ``\\xff`` instead.
    """
    if is_clean_text(value):
        return value
    try:
        raw = value.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


# Qt's offscreen platform (the smoke test, CI, the tests) has no window manager to
# pass a window's size limits to, and says so each time they change. The real
# platforms (xcb, Wayland, Windows, macOS) support it, so the line says nothing
# about the app; left alone it is printed hundreds of times per test run.
OFFSCREEN_SIZE_HINTS = "This plugin does not support propagateSizeHints()"


def quiet_offscreen_size_hints() -> None:
    """Drop that one offscreen message; every other Qt message goes where it went before."""
    previous = None

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if message == OFFSCREEN_SIZE_HINTS:
            return
        if previous is not None:
            previous(kind, context, message)
        else:  # Qt's own handler: formatted as QT_MESSAGE_PATTERN says, to stderr
            sys.stderr.write(qFormatLogMessage(kind, context, message) + "\n")

    previous = qInstallMessageHandler(handler)
