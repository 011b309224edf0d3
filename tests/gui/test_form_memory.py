"""Form values come back at the next launch; secrets never reach the settings file."""

from __future__ import annotations

from pathlib import Path

import pytest
from _gui_helpers import CERT, CUSTOMER_SECRET, make_context

pytest.importorskip("PySide6.QtWidgets")

from agora_desk.gui.form_memory import FormMemory
from agora_desk.gui.rtc_tab import RtcTab
from agora_desk.gui.rtm_tab import RtmTab
from agora_desk.gui.widgets import ValidatedField

pytestmark = pytest.mark.gui


def test_rtc_form_is_restored_in_the_next_session(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = RtcTab(make_context(tmp_path))
    qtbot.addWidget(first)
    first.channel.setText("demo")
    first.who.by_account.setChecked(True)
    first.user.setText("alice")
    first.role.setCurrentIndex(first.role.findData("subscriber"))
    first.expiry.set_custom_text("900")
    first.privilege_expiry.set_same_as_token()
    first.credentials.secret_field.setText(CERT)
    first.shutdown()
    first.context.settings.qsettings.sync()

    second = RtcTab(make_context(tmp_path))  # the same settings file: a new launch
    qtbot.addWidget(second)
    assert second.channel.text() == "demo"
    assert second.who.by_account.isChecked() and second.user.text() == "alice"
    assert second.role.currentData() == "subscriber"
    assert second.expiry.raw_value() == "900"
    assert (second.expiry.custom.text(), second.expiry.unit.currentText()) == ("15", "min")
    assert second.privilege_expiry.is_same_as_token
    assert second.credentials.secret_field.text() == ""  # never kept
    assert CERT not in (tmp_path / "settings.ini").read_text(encoding="utf-8")


@pytest.mark.parametrize("stored", ["custom:²", "²", "custom:" + "9" * 5000, "9" * 5000, "custom:"])
def test_a_damaged_remembered_expiry_opens_the_tab(qtbot, tmp_path: Path, stored: str) -> None:  # type: ignore[no-untyped-def]
    # '²'.isdigit() is true but int('²') fails; 5,000 digits is past int()'s limit.
    first = RtcTab(make_context(tmp_path))
    qtbot.addWidget(first)
    first.expiry.set_custom_text("900")
    first.shutdown()
    settings = first.context.settings.qsettings
    key = "forms/RtcTab/expiry"
    assert settings.value(key) == "custom:900"
    settings.setValue(key, stored)
    settings.sync()

    second = RtcTab(make_context(tmp_path))
    qtbot.addWidget(second)
    request, _ok = second.check()
    if stored.startswith("custom:"):
        assert request is None  # the odd text is shown in the form and named, not dropped
    else:
        assert request is not None and request.expire == 3600  # nothing usable: the default
    second.expiry.unit.setCurrentIndex(second.expiry.unit.findText("min"))
    second.expiry.raw_value()  # a unit times a number that is not one: no crash either


def test_rtm_form_is_restored(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = RtmTab(make_context(tmp_path))
    qtbot.addWidget(first)
    first.user_id.setText("bob")
    first.legacy.setChecked(True)
    first.shutdown()
    second = RtmTab(make_context(tmp_path))
    qtbot.addWidget(second)
    assert second.user_id.text() == "bob" and second.legacy.isChecked()


def test_a_secret_field_cannot_be_remembered(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    context = make_context(tmp_path)
    field = ValidatedField(password=True)
    qtbot.addWidget(field)
    field.setText(CUSTOMER_SECRET)
    memory = FormMemory(context.settings.qsettings, "test")
    with pytest.raises(ValueError, match="secret"):
        memory.add("secret", field)
    memory.save()
    assert CUSTOMER_SECRET not in str(context.settings.qsettings.allKeys())
