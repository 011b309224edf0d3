"""Connected tabs: a generated token goes on to Inspect, Test request and a QR code."""

from __future__ import annotations

from pathlib import Path

import pytest
from _gui_helpers import generate, make_context, type_credentials

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtWidgets import QApplication

from agora_desk.gui.inspect.tab import InspectTab
from agora_desk.gui.main_window import MainWindow
from agora_desk.gui.rtc_tab import RtcTab
from agora_desk.gui.theme import QR_DARK, QR_LIGHT, contrast_ratio
from agora_desk.gui.widgets.qr_code import MIN_MODULE_PX, QrCode

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(make_context(tmp_path))
    qtbot.addWidget(win)
    win.show()
    return win


def _rtc_token(qtbot, window: MainWindow) -> tuple[RtcTab, str]:  # type: ignore[no-untyped-def]
    tab = window.show_tab("rtc")
    assert isinstance(tab, RtcTab)
    type_credentials(tab)
    tab.channel.setText("demo")
    return tab, generate(qtbot, tab)


def test_inspect_this_token(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    tab, token = _rtc_token(qtbot, window)
    inspect_button = tab.result_actions[0]
    assert inspect_button.text() == "Inspect this token" and inspect_button.isEnabled()
    inspect_button.click()
    inspect = window.current_tab()
    assert isinstance(inspect, InspectTab)
    assert inspect.token_edit.toPlainText() == token
    assert inspect.decoded is not None


def test_use_in_test_request(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from agora_desk.core.rest import AuthScheme
    from agora_desk.gui.request.tab import RequestTab

    tab, token = _rtc_token(qtbot, window)
    tab.result_actions[1].click()
    request = window.current_tab()
    assert isinstance(request, RequestTab)
    assert request.form.scheme == AuthScheme.TOKEN
    assert request.form.token_field.text() == token


def test_actions_follow_the_result(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    tab, _token = _rtc_token(qtbot, window)
    tab.channel.setText("other")  # the result is cleared: nothing to send on
    assert not any(b.isEnabled() for b in tab.result_actions)


def test_qr_code_of_a_token_is_big_enough_and_scannable(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    tab, token = _rtc_token(qtbot, window)
    dialog = tab.show_qr()
    assert dialog is not None
    qtbot.addWidget(dialog)
    code = dialog.code
    assert code.module_px >= MIN_MODULE_PX
    assert code.width() >= 300  # scans from a laptop screen at arm's length
    assert contrast_ratio(QR_DARK, QR_LIGHT) == pytest.approx(21.0)
    # The matrix is segno's own encoding of the token, quiet zone included.
    import segno

    expected = [list(map(bool, row)) for row in segno.make(token, error="m").matrix_iter(border=4)]
    assert code.matrix == expected
    QApplication.processEvents()
    image = code.grab().toImage()
    assert image.pixelColor(1, 1).name() == QR_LIGHT  # the quiet zone is light
    del code


def test_qr_code_widget_alone(qtbot) -> None:  # type: ignore[no-untyped-def]
    code = QrCode("http://192.168.1.20:8082")
    qtbot.addWidget(code)
    assert code.width() == code.height() == len(code.matrix) * code.module_px
