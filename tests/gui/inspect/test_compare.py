"""Compare mode: rows aligned by path, differences found, named and highlighted."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from _gui_helpers import make_context
from _inspect_helpers import (
    CERT,
    ISSUED,
    FakeProfiles,
    rtc_token,
    token_006,
)
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.qtbot import QtBot

from agora_desk.core.decode import parse_any
from agora_desk.core.decoded import Node, to_tree
from agora_desk.core.formats import v007
from agora_desk.core.formats.v007 import RtcService, RtmService
from agora_desk.gui.inspect.compare import ABSENT, CompareView, align
from agora_desk.gui.inspect.model import HIGHLIGHT_ROLE, MISSING, STATUS_ROLE, VALUE_COLUMN
from agora_desk.gui.inspect.tab import InspectTab

pytestmark = pytest.mark.gui

NOW = ISSUED + 60


def tree(token: str) -> Node:
    return to_tree(parse_any(token).decoded)


def rtc_rtm(uid: str = "42", user: str = "alice") -> str:
    services = [
        RtcService(privileges={1: 3600}, channel_name="demo", uid=uid),
        RtmService(privileges={1: 3600}, user_id=user),
    ]
    return v007.build(
        "970CA35de60c44645bbae8a215061b33",
        CERT,
        services,
        expire=3600,
        issued_at=ISSUED,
        salt=12345,
    )


# -- align (pure) --------------------------------------------------------------------


def test_identical_tokens_have_no_differences() -> None:
    a = align(tree(rtc_token()), tree(rtc_token()))
    assert a.names == [] and a.paths == []
    assert a.summary().startswith("No differences")


def test_differences_are_named() -> None:
    customer = rtc_token(uid="43", expire=600, privileges={1: 600, 2: 600})
    fresh = rtc_token(uid="42", expire=3600, privileges={1: 3600, 2: 3600})
    a = align(tree(customer), tree(fresh))
    assert a.names[:2] == ["expire", "expires at"]
    assert "uid" in a.names and "signature" in a.names
    assert "1 joinChannel" in a.names
    assert "channel_name" not in a.names and "salt" not in a.names  # same salt in both
    # The summary puts what differs in the inputs first, the stamp last.
    # Salt, issue time and signature differ for any two tokens: noted, not counted.
    assert a.summary() == (
        "4 differences: expire, uid, 1 joinChannel, 2 publishAudioStream "
        "(also expires at, signature, which differ between any two tokens)"
    )
    assert "services/1 RTC/uid" in a.paths


def test_stamp_only_differences_are_explained() -> None:
    a = align(tree(rtc_token()), tree(rtc_token(issued_at=ISSUED + 5)))
    assert set(a.names) <= {"issued at", "expires at", "signature"}
    assert "built from the same inputs" in a.summary()


def test_rows_missing_on_one_side_are_padded() -> None:
    a = align(tree(rtc_token()), tree(rtc_rtm()))
    assert "2 RTM" in a.names
    left_services = next(n for n in a.left.children if n.label == "services")
    right_services = next(n for n in a.right.children if n.label == "services")
    assert [n.label for n in left_services.children] == [n.label for n in right_services.children]
    rtm_left = left_services.children[1]
    assert rtm_left.value == ABSENT and rtm_left.status == MISSING
    assert [c.label for c in rtm_left.children] == ["user_id", "privileges"]
    assert "services/2 RTM/user_id" in a.paths  # the whole missing subtree is marked


def test_different_versions_align() -> None:
    a = align(tree(rtc_token()), tree(token_006()))
    assert "version" in a.names
    assert "crc channel name" in a.names and "services" in a.names


def _shape(node: Node) -> list[object]:
    return [(c.label, _shape(c)) for c in node.children]


def test_both_sides_always_have_the_same_shape() -> None:
    pairs = [
        (rtc_token(), rtc_rtm()),
        (rtc_rtm(), rtc_token()),
        (token_006(), rtc_rtm()),
        (rtc_rtm(uid="1"), rtc_rtm(user="bob")),
    ]
    for x, y in pairs:
        a = align(tree(x), tree(y))
        assert _shape(a.left) == _shape(a.right)


# -- the view -------------------------------------------------------------------------


@pytest.fixture
def view(qtbot: QtBot) -> Iterator[CompareView]:
    widget = CompareView(clock=lambda: NOW)
    qtbot.addWidget(widget)
    for side in (widget.left, widget.right):
        side.model.set_live(False)
        side.model._tester = QAbstractItemModelTester(  # type: ignore[attr-defined]
            side.model, QAbstractItemModelTester.FailureReportingMode.Fatal
        )
    yield widget
    widget.shutdown()


def test_compare_highlights_the_differing_rows(view: CompareView) -> None:
    customer = rtc_token(uid="43", expire=600, privileges={1: 600, 2: 600})
    fresh = rtc_token(uid="42", expire=3600, privileges={1: 3600, 2: 3600})
    view.set_tokens(customer, fresh)
    assert view.summary_label.text().startswith("4 differences: expire")
    for side, uid in ((view.left, '"43"'), (view.right, '"42"')):
        index = side.model.index_for_path("services/1 RTC/uid", VALUE_COLUMN)
        assert index.data() == uid
        assert index.data(HIGHLIGHT_ROLE) is True
        assert index.data(Qt.ItemDataRole.BackgroundRole) is not None
        same = side.model.index_for_path("services/1 RTC/channel_name", VALUE_COLUMN)
        assert same.data(Qt.ItemDataRole.BackgroundRole) is None
    assert view.left.view.isExpanded(view.left.model.index_for_path("services/1 RTC"))


def test_compare_absent_rows_and_identical(view: CompareView) -> None:
    view.set_tokens(rtc_token(), rtc_rtm())
    absent = view.left.model.index_for_path("services/2 RTM", VALUE_COLUMN)
    assert absent.data() == ABSENT and absent.data(STATUS_ROLE) == MISSING
    assert absent.data(Qt.ItemDataRole.FontRole).italic()
    present = view.right.model.index_for_path("services/2 RTM/user_id", VALUE_COLUMN)
    assert present.data() == '"alice"' and present.data(HIGHLIGHT_ROLE)
    assert view.left.model.paths() == view.right.model.paths()
    view.set_tokens(rtc_token(), rtc_token())
    assert view.summary_label.text().startswith("No differences")
    assert view.left.model.highlighted() == frozenset()


def test_compare_with_a_bad_side(view: CompareView) -> None:
    view.set_tokens("garbage", rtc_token())
    assert "not an Agora token" in view.left.error.text()
    assert view.right.error.text() == ""
    assert view.left.model.is_empty() and not view.right.model.is_empty()
    assert view.alignment is None
    assert "Paste a token on each side" in view.summary_label.text()


def test_a_core_bug_is_a_one_line_reason_not_a_dialog(
    view: CompareView, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise ZeroDivisionError("core bug")

    monkeypatch.setattr("agora_desk.gui.inspect.input.diagnose", broken)
    view.set_tokens(rtc_token(), rtc_token())
    assert "internal error ZeroDivisionError" in view.left.error.text()
    assert view.alignment is None


def test_expanding_one_side_expands_the_other(view: CompareView) -> None:
    view.set_tokens(rtc_token(), rtc_rtm())
    left_rtc = view.left.model.index_for_path("services/1 RTC")
    right_rtc = view.right.model.index_for_path("services/1 RTC")
    view.left.view.collapse(left_rtc)
    assert not view.right.view.isExpanded(right_rtc)
    view.right.view.expand(right_rtc)
    assert view.left.view.isExpanded(left_rtc)


def test_typing_in_a_side_recompares(view: CompareView, qtbot: QtBot) -> None:
    view.set_tokens(rtc_token(), rtc_token())
    view.right.edit.setPlainText(rtc_token(channel="other"))
    qtbot.waitUntil(lambda: "channel_name" in view.differences())


def test_compare_from_the_inspect_tab(qtbot: QtBot, tmp_path: Path) -> None:
    context = make_context(tmp_path, FakeProfiles())
    tab = InspectTab(context)
    qtbot.addWidget(tab)
    tab.clock = lambda: NOW
    tab.cert_edit.setText(CERT)
    customer = rtc_token(uid="43")
    tab.set_text(customer)
    qtbot.mouseClick(tab.compare_button, Qt.MouseButton.LeftButton)
    assert tab.stack.currentWidget() is tab.compare
    assert tab.compare_mode_button.isChecked()
    assert tab.compare.left.edit.toPlainText() == customer
    tab.compare.right.edit.setPlainText(rtc_token(uid="42"))
    tab.compare.compare_now()
    assert tab.compare.differences() == ["uid", "signature"]
    assert tab.compare.summary_label.text() == (
        "1 difference: uid (also signature, which differ between any two tokens)"
    )
    # The tab's certificate verifies both sides.
    sig = tab.compare.right.model.index_for_path("signature", VALUE_COLUMN)
    assert "(valid)" in sig.data()
    tab.show_inspect()
    assert tab.stack.currentIndex() == 0
    tab.shutdown()


def test_the_compare_toggle_keeps_the_current_token(qtbot: QtBot, tmp_path: Path) -> None:
    tab = InspectTab(make_context(tmp_path, FakeProfiles()))
    qtbot.addWidget(tab)
    token = rtc_token()
    tab.set_text(token)
    tab.compare_mode_button.click()
    assert tab.stack.currentWidget() is tab.compare
    assert tab.compare.left.edit.toPlainText() == token
    tab.inspect_mode_button.click()
    assert tab.token_edit.toPlainText() == token
