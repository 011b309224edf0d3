"""Each generator's token history: inputs, time and profile (never the token or a secret), Regenerate."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from _gui_helpers import (
    APP_ID,
    CERT,
    OTHER_APP_ID,
    OTHER_CERT,
    add_demo_profile,
    generate,
    make_context,
    make_store,
    type_credentials,
)

pytest.importorskip("PySide6.QtWidgets")

from agora_desk.core.builders import RtcRequest
from agora_desk.core.decode import parse_any
from agora_desk.core.formats import v007
from agora_desk.core.rebuild import rebuild_request
from agora_desk.core.token_history import LIMIT, entry_for
from agora_desk.gui.basic_tab import BasicTab
from agora_desk.gui.context import AppContext
from agora_desk.gui.rtc_tab import RtcTab
from agora_desk.gui.rtm_tab import RtmTab
from agora_desk.gui.shapes.forms import ChatUserForm
from agora_desk.gui.shapes.tab import ShapesTab

pytestmark = pytest.mark.gui


def _rtc(open_tab: Any, context: AppContext) -> RtcTab:
    tab: RtcTab = open_tab(RtcTab, context)
    type_credentials(tab)
    return tab


def _files(tmp_path: Path) -> str:
    """Every file the app wrote (settings, histories), as text."""
    return "".join(p.read_text(encoding="utf-8") for p in sorted(tmp_path.iterdir()) if p.is_file())


def test_each_generate_is_kept_without_token_or_secret(
    qtbot, open_tab, context, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    tab = _rtc(open_tab, context)
    tab.channel.setText("first")
    token1 = generate(qtbot, tab)
    tab.channel.setText("second")
    tab.rtm_user.setText("bob")
    token2 = generate(qtbot, tab)
    assert tab.history is not None
    titles = [tab.history.combo.itemText(i) for i in range(tab.history.combo.count())]
    assert len(titles) == 2 and "“second”" in titles[0] and "“first”" in titles[1]
    assert "RTM “bob”" in titles[0] and "typed credentials" in titles[0]
    tab.shutdown()
    context.settings.qsettings.sync()
    written = _files(tmp_path)
    assert "second" in written  # the history file is there...
    for secret in (token1, token2, CERT, CERT.lower()):
        assert secret not in written  # ...and neither token nor certificate is in any file
    assert (tmp_path / "rtc-token-history.json").stat().st_mode & 0o077 == 0


def test_regenerate_refills_the_form_and_signs_a_fresh_token(qtbot, open_tab, context) -> None:  # type: ignore[no-untyped-def]
    tab = _rtc(open_tab, context)
    tab.channel.setText("kept")
    tab.who.by_account.setChecked(True)
    tab.user.setText("alice")
    tab.role.setCurrentIndex(1)
    tab.expiry.set_seconds(600)
    first = generate(qtbot, tab)
    wanted = rebuild_request(parse_any(first).decoded)
    tab.channel.setText("changed")
    tab.who.by_uid.setChecked(True)
    assert tab.output is None
    assert tab.history is not None
    tab.history.combo.setCurrentIndex(0)
    tab.history.regenerate_button.click()
    qtbot.waitUntil(lambda: tab.output is not None)
    assert tab.output is not None
    assert tab.channel.text() == "kept" and tab.user.text() == "alice"
    assert tab.output.text != first
    assert rebuild_request(parse_any(tab.output.text).decoded) == wanted
    assert tab.history.combo.count() == 2  # the Regenerate is a Generate of its own


def test_history_survives_a_restart_and_clear_empties_it(
    qtbot, open_tab, context, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    tab = _rtc(open_tab, context)
    tab.channel.setText("lasting")
    generate(qtbot, tab)
    again: RtcTab = open_tab(RtcTab, make_context(tmp_path))
    assert again.history is not None and "“lasting”" in again.history.combo.itemText(0)
    assert again.history.regenerate_button.isEnabled()
    again.history.clear_button.click()
    assert again.history.entries == [] and not again.history.regenerate_button.isEnabled()
    third: RtcTab = open_tab(RtcTab, make_context(tmp_path))
    assert third.history is not None and third.history.entries == []


def test_the_history_is_bounded(open_tab, context) -> None:  # type: ignore[no-untyped-def]
    tab = _rtc(open_tab, context)
    assert tab.history is not None
    for n in range(LIMIT + 5):
        tab.history.add(entry_for(RtcRequest(f"c{n}"), profile=None, at=1_700_000_000 + n))
    assert len(tab.history.entries) == LIMIT and tab.history.combo.count() == LIMIT
    assert "“c34”" in tab.history.combo.itemText(0)
    assert len(tab.history.store.load().entries) == LIMIT


def test_a_damaged_history_is_reported_and_kept(qtbot, open_tab, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    damaged = b'{"version": 1, "entries": [{"at": "soon"'
    (tmp_path / "rtc-token-history.json").write_bytes(damaged)
    context = make_context(tmp_path)
    reported: list[tuple[str, str]] = []
    context.errorReported.connect(lambda title, text: reported.append((title, text)))
    tab = _rtc(open_tab, context)
    assert reported and reported[0][0] == "RTC token"
    assert "damaged" in reported[0][1] and "rtc-token-history.json.damaged" in reported[0][1]
    assert (tmp_path / "rtc-token-history.json.damaged").read_bytes() == damaged
    tab.channel.setText("new")
    generate(qtbot, tab)  # a new history starts; the damaged one stays beside it
    assert (tmp_path / "rtc-token-history.json.damaged").read_bytes() == damaged
    assert tab.history is not None and len(tab.history.store.load().entries) == 1


def test_legacy_profile_and_the_other_generators(qtbot, open_tab, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = make_store(tmp_path)
    profile = add_demo_profile(store)
    context = make_context(tmp_path, store)
    context.set_profile(profile)
    rtm: RtmTab = open_tab(RtmTab, context)
    rtm.user_id.setText("bob")
    rtm.legacy.setChecked(True)
    generate(qtbot, rtm)
    assert rtm.history is not None
    entry = rtm.history.entries[0]
    assert entry.legacy and entry.profile == "demo" and "(profile demo)" in entry.title
    rtm.legacy.setChecked(False)
    rtm.history.regenerate_button.click()
    qtbot.waitUntil(lambda: rtm.output is not None)
    assert rtm.legacy.isChecked() and rtm.output is not None
    assert rtm.output.text.startswith("006")
    shapes_tab: ShapesTab = open_tab(ShapesTab, context)
    form = shapes_tab.pick(ChatUserForm)
    assert isinstance(form, ChatUserForm)
    form.user.setText("carol")
    generate(qtbot, shapes_tab)
    assert shapes_tab.history is not None and "Chat “carol”" in shapes_tab.history.entries[0].title
    basic: BasicTab = open_tab(BasicTab, context)
    assert basic.history is None  # a Basic header is a secret: no history
    assert not (tmp_path / "basic-credential-history.json").exists()


def test_composed_services_regenerate_in_the_composer(qtbot, open_tab, context) -> None:  # type: ignore[no-untyped-def]
    from agora_desk.gui.shapes.composer import ComposerForm

    tab: ShapesTab = open_tab(ShapesTab, context)
    type_credentials(tab)
    form = tab.pick(ComposerForm)
    assert isinstance(form, ComposerForm)
    editor = form.add_service(1)  # one RTC service: what the RTC tab would make, too
    editor.fields["channel_name"].setText("composed")
    first = generate(qtbot, tab)
    tab.pick(ChatUserForm)
    assert tab.history is not None
    tab.history.regenerate_button.click()
    qtbot.waitUntil(lambda: tab.output is not None)
    assert tab.current is form and len(form.editors) == 1
    assert form.editors[0].fields["channel_name"].text() == "composed"
    assert tab.output is not None and tab.output.text != first


def _window_with_two_profiles(qtbot: Any, tmp_path: Path) -> Any:
    from agora_desk.gui.main_window import MainWindow

    store = make_store(tmp_path)
    add_demo_profile(store)
    add_demo_profile(store, "other", app_id=OTHER_APP_ID, cert=OTHER_CERT)
    window = MainWindow(make_context(tmp_path, store))
    qtbot.addWidget(window)
    window.show()
    return window


def test_regenerate_switches_to_the_profile_its_entry_was_made_with(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = _window_with_two_profiles(qtbot, tmp_path)
    picker = window.profile_picker
    picker.setCurrentIndex(picker.findData("demo"))
    tab = window.show_tab("rtc")
    tab.channel.setText("made-with-demo")
    generate(qtbot, tab)
    picker.setCurrentIndex(picker.findData("other"))
    assert window.context.profile().name == "other"
    tab.history.combo.setCurrentIndex(0)
    tab.history.regenerate_button.click()
    qtbot.waitUntil(lambda: tab.output is not None, timeout=5000)
    parsed = v007.parse(tab.output.text)
    assert parsed.app_id == APP_ID and v007.verify(parsed, CERT)  # demo's, not other's
    assert window.context.profile().name == "demo"
    assert picker.currentData() == "demo"  # the picker shows what was used
    assert tab.status_label.message == ""
    window.close()


def test_regenerate_of_a_removed_profile_says_so_and_uses_none(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = _window_with_two_profiles(qtbot, tmp_path)
    picker = window.profile_picker
    tab = window.show_tab("rtc")
    typed_id, typed_cert = "abcdef" * 5 + "ab", "1234567890abcdef" * 2
    type_credentials(tab, typed_id, typed_cert)  # what "no profile" signs with
    picker.setCurrentIndex(picker.findData("other"))
    tab.channel.setText("made-with-other")
    generate(qtbot, tab)
    picker.setCurrentIndex(picker.findData("demo"))
    window.context.profiles.remove("other")
    window.context.profilesChanged.emit()
    tab.history.combo.setCurrentIndex(0)
    tab.history.regenerate_button.click()
    qtbot.waitUntil(lambda: tab.output is not None, timeout=5000)
    assert window.context.profile() is None
    assert picker.currentIndex() == 0
    assert "“other”" in tab.status_label.message and "no longer exists" in tab.status_label.message
    parsed = v007.parse(tab.output.text)
    assert parsed.app_id == typed_id and v007.verify(parsed, typed_cert)  # not demo's
    assert tab.channel.text() == "made-with-other"
    window.close()
