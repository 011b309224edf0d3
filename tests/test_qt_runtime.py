"""The installed Qt binding must not leak references to None (PySide6 6.12.0 on Python < 3.12)."""

from __future__ import annotations

import sys

import pytest

pytest.importorskip("PySide6.QtWidgets")


def test_void_calls_keep_none_alive(qapp: object) -> None:
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QLabel

    class Emitter(QObject):
        fired = Signal()

    label = QLabel()
    emitter = Emitter()
    before = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
    for _ in range(2000):
        label.setText("x")
        emitter.fired.emit()
    after = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
    # A leaking build loses ~2000 references here and aborts the app soon after.
    assert all(a - b > -50 for a, b in zip(after, before, strict=True)), (before, after)
