"""The Inspect tab end to end (pytest-qt, offscreen): paste → tree, checks, copy, export, drop."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import base64
import json
import threading
import zlib
from pathlib import Path

import pytest
from _gui_helpers import Errors, Ticker, make_context
from _inspect_helpers import (
    APP_ID,
    CERT,
    ISSUED,
    OTHER_CERT,
    FakeProfile,
    FakeProfiles,
    content_of,
    encode_content,
    expect,
    largest_vector,
    rtc_token,
    token_006,
    token_with_unknown_service,
)
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from agora_desk.core.diagnostics import diagnose
from agora_desk.core.wire import pack_string, pack_u16, pack_u32
from agora_desk.gui.context import AppContext
from agora_desk.gui.inspect.model import VALUE_COLUMN
from agora_desk.gui.inspect.tab import PASTE_FIX, STATE_ROLE, CheckRow, InspectTab
from agora_desk.secrets.errors import KeyringLocked

pytestmark = pytest.mark.gui

NOW = ISSUED + 60


@pytest.fixture
def profiles() -> FakeProfiles:
    return FakeProfiles(certificates={"demo": CERT, "nocert": ""})


@pytest.fixture
def context(qapp: object, tmp_path: Path, profiles: FakeProfiles) -> AppContext:
    return make_context(tmp_path, profiles)


@pytest.fixture
def errors(context: AppContext) -> Errors:
    """Every error dialog the tab asked the window to show."""
    return Errors(context)


def rows(tab: InspectTab) -> list[CheckRow]:
    return list(tab.rows)


def row(tab: InspectTab, name: str) -> CheckRow:
    found = [r for r in tab.rows if r.name == name]
    assert found, f"no {name!r} row in {tab.rows}"
    return found[0]


def has_row(tab: InspectTab, name: str, state: str) -> bool:
    return any(r.name == name and r.state == state for r in tab.rows)


# -- paste → tree --------------------------------------------------------------------


def test_paste_shows_the_tree(tab: InspectTab, errors: list[tuple[str, str]]) -> None:
    token = rtc_token(channel="demo", uid="42", expire=3600)
    tab.set_text(token)
    m = tab.model
    assert tab.error_label.text() == ""
    assert m.value("version") == "007 (AccessToken2)"
    assert m.value("App ID") == APP_ID
    assert "issued 1 min ago" in (m.value("issued at") or "")
    assert m.value("expire") == "3600 s"
    assert "expires in 59 min" in (m.value("expires at") or "")
    assert m.value("salt") == "12345"
    assert m.value("services/1 RTC/channel_name") == '"demo"'
    assert m.value("services/1 RTC/uid") == '"42"'
    assert "3600 s →" in (m.value("services/1 RTC/privileges/1 joinChannel") or "")
    # The tree opens fully expanded on a new token.
    services = m.index_for_path("services/1 RTC/privileges")
    assert tab.tree_view.isExpanded(services)
    assert tab.export_action.isEnabled()
    assert errors == []


def test_typing_decodes_as_you_type(qtbot: QtBot, tab: InspectTab) -> None:
    token = rtc_token()
    tab.set_text(token[:-8])
    assert tab.decoded is None and "cut off after" in tab.error_label.text()
    tab.token_edit.moveCursor(tab.token_edit.textCursor().MoveOperation.End)
    qtbot.keyClicks(tab.token_edit, token[-8:])
    qtbot.waitUntil(lambda: tab.model.value("services/1 RTC/channel_name") == '"demo"')
    assert tab.token_edit.toPlainText() == token


def test_paste_artefacts_are_cleaned_and_listed(tab: InspectTab) -> None:
    token = rtc_token()
    tab.cert_edit.setText(CERT)
    tab.set_text(f'  agora token="{token}"\n')
    assert tab.model.value("services/1 RTC/channel_name") == '"demo"'
    paste = [r for r in tab.rows if r.name == "paste"]
    assert any("removed the prefix" in r.detail for r in paste)
    assert any("quotes" in r.detail for r in paste)
    assert any("whitespace" in r.detail for r in paste)
    assert all(r.state == "warning" and r.fix == PASTE_FIX for r in paste)
    assert row(tab, "signature").state == "ok"  # cleaned, the token is genuine


def test_every_kind_of_token_decodes(tab: InspectTab) -> None:
    tab.set_text(token_006(channel="demo", uid="42"))
    assert tab.model.value("version") == "006 (AccessToken (006))"
    assert tab.model.value("crc channel name")
    tab.set_text(token_with_unknown_service(42))
    assert "unknown service" in (tab.model.value("services/type 42") or "")
    assert any("service type 42" in r.detail for r in tab.rows if r.state == "warning")
    case = largest_vector()
    tab.clock = lambda: case["issued_at"] + 10
    tab.set_text(case["token"])
    assert tab.model.value("services/8 RTM2/permissions") is not None


def test_model_contract_holds_while_the_token_changes(tab: InspectTab) -> None:
    tester = QAbstractItemModelTester(
        tab.model, QAbstractItemModelTester.FailureReportingMode.Fatal
    )
    for text in (rtc_token(), "garbage", token_006(), "", token_with_unknown_service(), "007"):
        tab.set_text(text)
    assert tester is not None


def test_a_cut_off_token_still_shows_its_app_id_and_times(tab: InspectTab) -> None:
    tab.set_text(rtc_token())
    tab.set_text("007" + base64.b64encode(zlib.compress(CONTENT)[:-6]).decode())
    assert "cut off after" in tab.error_message
    model = tab.model
    rows = {model.index(r, 0).data(): model.index(r, 1).data() for r in range(model.rowCount())}
    assert rows["version"] == "007" and rows["App ID"] == APP_ID
    assert rows["expire"] == "3600 s" and "issued 1 min ago" in rows["issued at"]
    assert tab.decoded is None and not tab.export_action.isEnabled()


# -- bad input: one line, no dialog -----------------------------------------------------

CONTENT = content_of(rtc_token())

BAD_INPUTS = {
    "garbage": ("hello world", "not an Agora token"),
    "truncated base64": (rtc_token()[:50] + "!", "characters that are not part of a token"),
    "corrupt zlib": ("007" + "QUJDREVGR0g=", "the token is damaged"),
    "cut-short zlib": (
        "007" + base64.b64encode(zlib.compress(CONTENT)[:-6]).decode(),
        "cut off after",
    ),
    "length past the end": (
        encode_content((len(CONTENT) + 10).to_bytes(2, "little") + CONTENT[2:]),
        "contents are inconsistent",
    ),
    "a Basic header": ("Basic YWJjOmRlZg==", "Basic credential header"),
    "huge paste": ("x" * 200_000, "paste just the token"),
}
# A damaged token of a known version: the tree keeps what its bytes still show.
DAMAGED = {"truncated base64", "corrupt zlib", "cut-short zlib", "length past the end"}


@pytest.mark.parametrize("kind", list(BAD_INPUTS))
def test_bad_input_gives_a_one_line_reason(
    tab: InspectTab, errors: list[tuple[str, str]], kind: str
) -> None:
    tab.set_text(rtc_token())
    assert not tab.model.is_empty()
    text, reason = BAD_INPUTS[kind]
    tab.set_text(text)
    assert tab.error_label.text() == tab.error_message != ""
    assert reason in tab.error_label.text()
    assert "\n" not in tab.error_label.text()
    if kind in DAMAGED:
        assert tab.model.index(0, 1).data() == "007"  # the version row
    else:
        assert tab.model.is_empty()
    assert tab.checks_view.count() == 0
    assert not tab.export_action.isEnabled()
    assert errors == []  # no dialog


def test_clearing_the_input_clears_everything(tab: InspectTab) -> None:
    tab.set_text("nonsense")
    tab.token_edit_clear()
    assert tab.error_label.text() == ""
    assert tab.model.is_empty()


# -- checks -------------------------------------------------------------------------------


def test_checks_without_a_certificate(tab: InspectTab, qtbot: QtBot) -> None:
    tab.set_text(rtc_token())
    qtbot.waitUntil(lambda: "no profile is selected" in row(tab, "signature").detail)
    sig = row(tab, "signature")
    assert sig.state == "info" and "Type the App Certificate" in sig.fix
    assert row(tab, "expiry").state == "ok"
    assert "(not verified)" in (tab.model.value("signature") or "")
    assert tab.summary_label.text().startswith("✓")


def test_checks_with_a_typed_certificate(tab: InspectTab, profiles: FakeProfiles) -> None:
    tab.cert_edit.setText(CERT)
    tab.set_text(rtc_token())
    assert row(tab, "signature").state == "ok"
    assert "(valid)" in (tab.model.value("signature") or "")
    assert profiles.calls == []  # a typed certificate needs no keyring
    assert "typed for this session" in tab.certificate_label.text()


def test_token_signed_with_another_certificate(tab: InspectTab) -> None:
    tab.cert_edit.setText(CERT)
    tab.set_text(rtc_token(certificate=OTHER_CERT))
    sig = row(tab, "signature")
    assert sig.state == "error" and "different App Certificate" in sig.fix
    item = next(
        tab.checks_view.item(i)
        for i in range(tab.checks_view.count())
        if tab.checks_view.item(i).text().startswith("signature")
    )
    assert item.data(STATE_ROLE) == "error"
    assert "→ The token was signed with a different App Certificate" in item.text()
    assert tab.summary_label.text().startswith("✗ 1 of")
    assert (
        tab.model.index_for_path("signature", VALUE_COLUMN)
        .data()
        .endswith("(does NOT match the certificate)")
    )


def test_malformed_typed_certificate_is_named(tab: InspectTab) -> None:
    tab.cert_edit.setText("abc123")
    tab.set_text(rtc_token())
    cert = row(tab, "certificate")
    assert cert.state == "error" and "32 hexadecimal" in cert.detail
    assert "signature" not in [r.name for r in tab.rows]


def test_certificate_from_the_profile_off_the_gui_thread(
    tab: InspectTab, context: AppContext, profiles: FakeProfiles, qtbot: QtBot
) -> None:
    context.set_profile(FakeProfile("demo", APP_ID))
    profiles.hold = threading.Event()  # the keyring "prompt" is open
    tab.set_text(rtc_token())
    # The tree is there while the certificate is still being read.
    assert tab.model.value("App ID") == APP_ID
    assert "reading the App Certificate of profile 'demo'" in row(tab, "signature").detail
    profiles.hold.set()
    qtbot.waitUntil(lambda: has_row(tab, "signature", "ok"))
    assert profiles.calls == ["demo"]
    assert profiles.threads and profiles.threads[0] != threading.main_thread().name
    assert row(tab, "app id").state == "ok"
    assert "profile 'demo'" in tab.certificate_label.text()
    # Re-decoding does not read the keyring again.
    tab.set_text(rtc_token(uid="7"))
    assert profiles.calls == ["demo"]


def test_profile_with_another_app_id(tab: InspectTab, context: AppContext, qtbot: QtBot) -> None:
    context.set_profile(FakeProfile("demo", "f" * 32))
    tab.set_text(rtc_token())
    qtbot.waitUntil(lambda: has_row(tab, "signature", "ok"))
    app = row(tab, "app id")
    assert app.state == "error" and APP_ID in app.detail and app.fix


def test_profile_without_a_certificate(tab: InspectTab, context: AppContext, qtbot: QtBot) -> None:
    context.set_profile(FakeProfile("other", APP_ID))
    tab.set_text(rtc_token())
    qtbot.waitUntil(lambda: "has no App Certificate" in row(tab, "signature").detail)


def test_keyring_failure_is_a_row_not_a_dialog(
    tab: InspectTab,
    context: AppContext,
    profiles: FakeProfiles,
    errors: list[tuple[str, str]],
    qtbot: QtBot,
) -> None:
    profiles.fail = KeyringLocked("the keyring is locked", "unlock it and try again")
    context.set_profile(FakeProfile("demo", APP_ID))
    tab.set_text(rtc_token())
    qtbot.waitUntil(lambda: row(tab, "signature").state == "warning")
    sig = row(tab, "signature")
    assert "keyring is locked" in sig.detail and "Type the App Certificate" in sig.fix
    assert errors == []
    # Typing the certificate instead works at once.
    tab.cert_edit.setText(CERT)
    tab.decode_now()
    assert row(tab, "signature").state == "ok"


def test_switching_profile_refetches(
    tab: InspectTab, context: AppContext, profiles: FakeProfiles, qtbot: QtBot
) -> None:
    context.set_profile(FakeProfile("demo", APP_ID))
    tab.set_text(rtc_token(certificate=OTHER_CERT))
    qtbot.waitUntil(lambda: has_row(tab, "signature", "error"))
    profiles.certificates["second"] = OTHER_CERT
    context.set_profile(FakeProfile("second", APP_ID))
    qtbot.waitUntil(lambda: has_row(tab, "signature", "ok"))
    assert profiles.calls == ["demo", "second"]


def test_expected_channel_and_uid_007(tab: InspectTab) -> None:
    tab.set_text(rtc_token(channel="demo", uid="42"))
    tab.channel_edit.setText("demo")
    tab.uid_edit.setText("42")
    tab.decode_now()
    assert row(tab, "channel").state == "ok" and row(tab, "uid").state == "ok"
    tab.channel_edit.setText("Demo")
    tab.uid_edit.setText("0")
    tab.decode_now()
    assert row(tab, "channel").state == "error" and "case-sensitive" in row(tab, "channel").fix
    assert (
        row(tab, "uid").state == "error"
        and "you join as uid 0 (any user)" in row(tab, "uid").detail
    )


def test_expected_channel_006_via_crc(tab: InspectTab, qtbot: QtBot) -> None:
    tab.cert_edit.setText(CERT)
    tab.set_text(token_006(channel="demo", uid="42"))
    assert row(tab, "signature").state == "warning"  # cannot tell without channel and uid
    assert "covers the channel name and uid" in row(tab, "signature").detail
    qtbot.keyClicks(tab.channel_edit, "wrong")
    qtbot.keyClicks(tab.uid_edit, "42")
    qtbot.waitUntil(lambda: has_row(tab, "channel", "error"))
    assert row(tab, "uid").state == "ok"
    # The signature covers the channel: with the wrong one it is not judged, never blamed.
    assert row(tab, "signature").state == "warning"
    tab.channel_edit.setText("demo")
    tab.decode_now()
    assert row(tab, "channel").state == "ok"
    assert row(tab, "signature").state == "ok"


def test_expired_and_not_yet_valid(tab: InspectTab) -> None:
    tab.clock = lambda: ISSUED + 7200
    tab.set_text(rtc_token(expire=3600))
    expiry = row(tab, "expiry")
    assert expiry.state == "error" and "expired 1 h ago" in expiry.detail
    assert "Generate a new token" in expiry.fix
    assert tab.model.index_for_path("expires at", VALUE_COLUMN).data(Qt.ItemDataRole.ForegroundRole)
    tab.clock = lambda: ISSUED - 3600
    tab.decode_now()
    assert row(tab, "expiry").detail.startswith("not yet valid")


def test_expiry_turns_red_while_the_tab_is_open(tab: InspectTab) -> None:
    tab.set_text(rtc_token(expire=120))
    assert row(tab, "expiry").state == "ok"
    tab.clock = lambda: ISSUED + 200
    tab._recheck_times()  # what the one-second timer does
    assert row(tab, "expiry").state == "error"


def test_privileges_expiring_before_the_token(tab: InspectTab) -> None:
    tab.set_text(rtc_token(expire=3600, privileges={1: 3600, 2: 30}))
    assert row(tab, "privileges").state == "error"
    tab.clock = lambda: ISSUED + 10
    tab.decode_now()
    assert any(r.detail.startswith("privileges that expire before the token") for r in tab.rows)


# -- copy and export -------------------------------------------------------------------------


def test_copy_value_with_ctrl_c_and_menu_action(
    tab: InspectTab, context: AppContext, qtbot: QtBot
) -> None:
    QGuiApplication.clipboard().setText("before")
    tab.set_text(rtc_token(channel="demo"))
    index = tab.model.index_for_path("services/1 RTC/channel_name", VALUE_COLUMN)
    tab.tree_view.setCurrentIndex(index)
    qtbot.keyClick(tab.tree_view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "demo"
    assert not context.clipboard.pending  # a field value is not a secret: no timed clearing
    tab.tree_view.setCurrentIndex(tab.model.index_for_path("expires at", VALUE_COLUMN))
    tab.copy_action.trigger()
    assert QGuiApplication.clipboard().text() == str(ISSUED + 3600)
    tab.copy_row_action.trigger()
    assert QGuiApplication.clipboard().text() == f"expires at: {ISSUED + 3600}"


def test_expand_and_collapse_all(tab: InspectTab) -> None:
    tab.set_text(rtc_token())
    services = tab.model.index_for_path("services")
    tab.collapse_action.trigger()
    assert not tab.tree_view.isExpanded(services)
    tab.expand_action.trigger()
    assert tab.tree_view.isExpanded(services)
    assert tab.tree_view.isExpanded(tab.model.index_for_path("services/1 RTC/privileges"))


def test_export_json_matches_the_cli(
    tab: InspectTab,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    token = rtc_token(expire=3600, privileges={1: 3600, 2: 30})
    tab.cert_edit.setText(CERT)
    tab.channel_edit.setText("demo")
    tab.set_text(f'"{token}"')
    target = tmp_path / "out.json"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    tab.export_action.trigger()
    exported = json.loads(target.read_text(encoding="utf-8"))
    expected = diagnose(f'"{token}"', expect(certificate=CERT, channel="demo", now=NOW)).to_json()
    assert exported == expected
    assert exported["signature_valid"] is True
    # Causal order, the failed check that explains the others first.
    names = [c["name"] for c in exported["checks"]]
    assert names[0] == "privileges" and set(names) >= {"expiry", "signature", "channel"}

    from agora_desk.cli.main import main

    monkeypatch.setenv("AGORA_APP_CERTIFICATE", CERT)
    main(["decode", f'"{token}"', "--channel", "demo", "--now", str(NOW), "--json"])
    printed = json.loads(capsys.readouterr().out)
    # The CLI also says which certificate signed it (the environment's primary).
    assert printed.pop("signed_by") == {"profile": None, "certificate": "primary"}
    assert printed == exported


def test_copy_json(tab: InspectTab) -> None:
    tab.set_text(rtc_token())
    tab.copy_json_action.trigger()
    assert json.loads(QGuiApplication.clipboard().text())["app_id"] == APP_ID


def test_export_failure_is_reported(
    tab: InspectTab, tmp_path: Path, errors: list[tuple[str, str]]
) -> None:
    tab.set_text(rtc_token())
    assert not tab.export_json(str(tmp_path / "missing-dir" / "out.json"))
    assert errors and errors[0][0] == "Export JSON" and "Could not write" in errors[0][1]


def test_export_keeps_invalid_utf8_as_valid_json(tab: InspectTab, tmp_path: Path) -> None:
    token = rtc_token(channel="bad\udcffname")
    tab.set_text(token)
    assert "bad\\xffname" in (tab.model.value("services/1 RTC/channel_name") or "")
    path = tmp_path / "t.json"
    assert tab.export_json(str(path))
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["services"][0]["channel_name"] == "bad\udcffname"


# -- input routes: clipboard, drop ------------------------------------------------------------


def test_from_clipboard_button(tab: InspectTab, qtbot: QtBot) -> None:
    QGuiApplication.clipboard().setText(f"  {rtc_token()}  ")
    qtbot.mouseClick(tab.paste_button, Qt.MouseButton.LeftButton)
    assert tab.model.value("App ID") == APP_ID
    assert any(r.name == "paste" for r in tab.rows)


def _drop(widget: object, mime: QMimeData) -> QDropEvent:
    event = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    widget.dropEvent(event)  # type: ignore[attr-defined]
    return event


def test_drop_text_replaces_the_input(tab: InspectTab, qtbot: QtBot) -> None:
    tab.set_text("old garbage")
    mime = QMimeData()
    mime.setText(rtc_token(channel="dropped"))
    assert _drop(tab.token_edit, mime).isAccepted()
    qtbot.waitUntil(lambda: tab.model.value("services/1 RTC/channel_name") == '"dropped"')
    assert tab.error_label.text() == ""


def test_drop_a_file_on_the_tab(tab: InspectTab, qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "token.txt"
    path.write_text(rtc_token(channel="fromfile") + "\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    _drop(tab, mime)
    qtbot.waitUntil(lambda: tab.model.value("services/1 RTC/channel_name") == '"fromfile"')


def test_dropping_a_binary_file_says_why(tab: InspectTab, qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\x00\x00")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    _drop(tab.token_edit, mime)
    qtbot.waitUntil(lambda: "binary file" in tab.error_label.text())


def test_default_action_and_shutdown(tab: InspectTab) -> None:
    tab.token_edit.setPlainText(rtc_token())
    tab.default_action()
    assert not tab.model.is_empty()
    tab.shutdown()
    assert not tab._tick.isActive()


def test_reason_is_one_line_that_keeps_its_place(tab: InspectTab) -> None:
    height = tab.error_label.height()
    long_garbage = "not a token " * 200
    tab.set_text(long_garbage)
    assert tab.error_label.height() == height  # no re-layout while typing
    assert tab.error_label.toolTip() == tab.error_label.text() == tab.error_message
    tab.set_text(rtc_token())
    assert tab.error_label.height() == height and tab.error_label.text() == ""


def test_a_token_that_inflates_to_thousands_of_services_stays_responsive(
    qtbot: QtBot, tab: InspectTab
) -> None:
    # 400 characters that inflate to 65 535 empty FPA services.
    content = (
        pack_string(b"")
        + pack_string(APP_ID.encode())
        + pack_u32(ISSUED)
        + pack_u32(0)
        + pack_u32(1)
        + pack_u16(65535)
        + (pack_u16(4) + pack_u16(0)) * 65535
    )
    ticker = Ticker()
    tab.set_text("007" + base64.b64encode(zlib.compress(content, 9)).decode())
    # Decoded off the GUI thread: the tab says so and the event loop keeps turning.
    assert tab.summary_label.text() == "Decoding…"
    qtbot.waitUntil(lambda: tab.model.value("services") == "65535", timeout=60_000)
    assert ticker.ticks >= 0
    ticker.stop()
    # The core decodes the first services only and says how many more there are.
    assert len(tab.model.paths()) < 1000
    assert any("more not shown" in (tab.model.value(p) or "") for p in tab.model.paths())


def test_timeline_shows_every_time_and_now(tab: InspectTab) -> None:
    tab.set_text(rtc_token())
    timeline = tab.timeline
    assert timeline.isVisibleTo(tab)
    labels = [m.label for m in timeline.points]
    assert "issued at" in labels and any("expire" in label for label in labels)
    assert [m.ts for m in timeline.points] == sorted(m.ts for m in timeline.points)
    assert timeline.now == tab.clock()
    tab.set_text("")
    assert not timeline.isVisibleTo(tab)


def test_copy_cleaned_token(tab: InspectTab) -> None:
    from PySide6.QtGui import QGuiApplication

    token = rtc_token()
    tab.set_text(f'  "{token}"\n')
    assert tab.copy_cleaned_button.isEnabled()
    tab.copy_cleaned_button.click()
    assert QGuiApplication.clipboard().text() == token
    tab.set_text(token)  # nothing to clean
    assert not tab.copy_cleaned_button.isEnabled()


def test_only_inputs_that_inflate_far_go_to_the_background() -> None:
    from agora_desk.gui.inspect.input import needs_background

    assert not needs_background(rtc_token())
    assert not needs_background(f'  "{rtc_token()}"  ')
    assert not needs_background("not a token at all")
    bomb = zlib.compress(b"\\x00" * 1_000_000, 9)
    assert needs_background("007" + base64.b64encode(bomb).decode())


def test_the_verdict_comes_first_and_the_error_code_is_explained(tab: InspectTab) -> None:
    tab.set_text(rtc_token(uid="42"))
    verdict = tab.checks.verdict_label
    assert verdict.isVisibleTo(tab) and verdict.text().startswith("RTC publisher token")
    tab.uid_edit.setText("0042x")
    tab.error_edit.setText("110")
    tab.decode_now()
    assert tab.decoded is not None and tab.decoded.verdict is not None
    assert not tab.decoded.verdict.ok
    assert verdict.text() == tab.decoded.verdict.summary
    assert any("110" in r.text for r in tab.rows)


def test_the_chinese_verdict_and_check_rows_use_chinese_punctuation(tab: InspectTab) -> None:
    from agora_desk.core import i18n
    from agora_desk.gui.translation import apply_language

    apply_language("zh_CN")
    try:
        tab.channel_edit.setText("other")
        tab.set_text(rtc_token(uid="42"))
        tab.decode_now()
        rejected = tab.checks.verdict_label.text()
        channel = next(r.text for r in tab.rows if r.name == "频道")
        tab.channel_edit.setText("demo")
        tab.decode_now()
        valid = tab.checks.verdict_label.text()
    finally:
        apply_language(i18n.SYSTEM)
    assert rejected.startswith("会被拒绝：为频道 'demo' 生成，而不是 'other' → 错误 110")
    assert channel.startswith("频道：为频道 'demo' 生成，而不是 'other'\n→ 请加入")
    assert valid.startswith("频道 'demo'、uid 42 的 RTC 主播 Token；")


def test_copy_report_is_safe_to_share(tab: InspectTab) -> None:
    from PySide6.QtGui import QGuiApplication

    token = rtc_token()
    tab.set_text(token)
    tab.report_button.click()
    report = QGuiApplication.clipboard().text()
    assert report and token not in report and APP_ID not in report


@pytest.mark.parametrize(("signed_with", "which"), [(CERT, "primary"), (OTHER_CERT, "secondary")])
def test_both_certificates_of_the_profile_are_tried_and_the_signer_named(
    tab: InspectTab,
    context: AppContext,
    profiles: FakeProfiles,
    qtbot: QtBot,
    signed_with: str,
    which: str,
) -> None:
    profiles.secondaries["demo"] = OTHER_CERT
    context.set_profile(FakeProfile("demo", APP_ID))
    tab.set_text(rtc_token(certificate=signed_with))
    qtbot.waitUntil(lambda: has_row(tab, "signature", "ok"))
    assert tab.decoded is not None and tab.decoded.signed_by is not None
    assert tab.decoded.signed_by.certificate == which
    assert f"Signed with the {which} certificate of profile 'demo'." in (
        tab.checks.verdict_label.text()
    )
