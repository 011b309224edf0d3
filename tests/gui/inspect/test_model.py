"""TokenTreeModel: a correct Qt model over real tokens, copy text, status colours, live times."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from _inspect_helpers import (
    ISSUED,
    expect,
    rtc_token,
    sample_cases,
    token_006,
    token_with_unknown_service,
)
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester

from agora_desk.core.decode import parse_any
from agora_desk.core.decoded import Node, to_tree
from agora_desk.core.diagnostics import diagnose
from agora_desk.gui.inspect.model import (
    COPY_ROLE,
    HIGHLIGHT_ROLE,
    PATH_ROLE,
    STATUS_ROLE,
    VALUE_COLUMN,
    TokenTreeModel,
)
from agora_desk.gui.qt import qt_text

pytestmark = pytest.mark.gui


def tree_of(token: str, now: int) -> Node:
    return to_tree(parse_any(token).decoded)


@pytest.fixture
def model(qapp: object) -> TokenTreeModel:
    m = TokenTreeModel(live=False)
    # Fatal: any model-contract violation aborts the test run loudly.
    m._tester = QAbstractItemModelTester(  # type: ignore[attr-defined]
        m, QAbstractItemModelTester.FailureReportingMode.Fatal
    )
    return m


def all_indexes(model: TokenTreeModel, parent: QModelIndex | None = None) -> list[QModelIndex]:
    parent = parent or QModelIndex()
    out = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        out.append(index)
        out.extend(all_indexes(model, index))
    return out


def test_model_tester_over_real_tokens(model: TokenTreeModel) -> None:
    cases = sample_cases()
    assert len(cases) >= 5
    for case in cases:
        now = case.get("issued_at", ISSUED) + 30
        model.set_root(tree_of(case["token"], now), now)
        assert model.rowCount() > 3
        # Every Node is reachable and shown with the same text.
        rows = all_indexes(model)
        assert len(rows) == len(model.paths())
        for index in rows:
            value = index.siblingAtColumn(VALUE_COLUMN)
            assert isinstance(index.data(), str) and index.data()
            assert isinstance(value.data(COPY_ROLE), str)
            assert model.index_for_path(index.data(PATH_ROLE)) == index
        # The same token again: updated in place, no reset (selection survives).
        resets: list[int] = []

        def on_reset(resets: list[int] = resets) -> None:
            resets.append(1)

        model.modelReset.connect(on_reset)
        model.set_root(tree_of(case["token"], now + 1), now + 1)
        assert resets == []
        model.modelReset.disconnect(on_reset)
    model.clear()
    assert model.rowCount() == 0


def test_model_tester_with_unknown_service_006_and_refresh(model: TokenTreeModel) -> None:
    for token in (token_with_unknown_service(), token_006(), rtc_token()):
        model.set_root(tree_of(token, ISSUED), ISSUED)
        model.refresh_times(ISSUED + 4000)
        model.set_highlight(model.paths()[:3])
        model.set_highlight(())


def test_007_rows_and_copy_text(model: TokenTreeModel) -> None:
    token = rtc_token(channel="demo", uid="42", expire=3600)
    model.set_root(tree_of(token, ISSUED + 60), ISSUED + 60)
    assert model.value("version") == "007 (AccessToken2)"
    assert model.value("services/1 RTC/channel_name") == '"demo"'
    assert model.value("services/1 RTC/uid") == '"42"'
    expires = model.index_for_path("expires at", VALUE_COLUMN)
    assert "expires in 59 min" in expires.data()
    assert expires.data(COPY_ROLE) == str(ISSUED + 3600)  # the raw Unix time, not the phrase
    join = model.index_for_path("services/1 RTC/privileges/1 joinChannel", VALUE_COLUMN)
    assert join.data(COPY_ROLE) == "3600"
    assert model.index_for_path("services/1 RTC/channel_name", VALUE_COLUMN).data(COPY_ROLE) == (
        "demo"
    )


def test_006_and_unknown_service_rows(model: TokenTreeModel) -> None:
    model.set_root(tree_of(token_006(channel="demo", uid="42"), ISSUED), ISSUED)
    assert model.value("version") == "006 (AccessToken (006))"
    assert model.value("crc channel name") is not None
    assert model.value("crc uid") is not None
    model.set_root(tree_of(token_with_unknown_service(42), ISSUED), ISSUED)
    unknown = model.index_for_path("services/type 42", VALUE_COLUMN)
    assert "unknown service" in unknown.data()
    assert unknown.data(STATUS_ROLE) == "warning"
    assert unknown.data(Qt.ItemDataRole.ForegroundRole) is not None


def test_live_refresh_emits_only_for_time_rows(model: TokenTreeModel) -> None:
    token = rtc_token(expire=3600)
    model.set_root(tree_of(token, ISSUED + 10), ISSUED + 10)
    changed: list[str] = []
    model.dataChanged.connect(lambda top, bottom, roles: changed.append(top.data(PATH_ROLE)))
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    # 10 s -> 11 s: "issued 10 s ago" ticks; the minutes of the expiries do not.
    assert model.refresh_times(ISSUED + 11) == 1
    assert changed == ["issued at"]
    assert "issued 11 s ago" in model.value("issued at")
    changed.clear()
    # An hour later everything with a time changes, expiries flip to "expired".
    n = model.refresh_times(ISSUED + 3700)
    timed = {
        "issued at",
        "expires at",
        "services/1 RTC/privileges/1 joinChannel",
        "services/1 RTC/privileges/2 publishAudioStream",
    }
    assert set(changed) == timed and n == len(timed)
    assert resets == []
    expired = model.index_for_path("expires at", VALUE_COLUMN)
    assert "expired 1 min ago" in expired.data()
    assert expired.data(STATUS_ROLE) == "error"
    assert expired.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index_for_path("salt", VALUE_COLUMN).data(Qt.ItemDataRole.ForegroundRole) is None


def test_live_timer_runs_only_with_time_rows(qapp: object) -> None:
    model = TokenTreeModel(live=True)
    model.set_root(tree_of(rtc_token(), ISSUED), ISSUED)
    assert model._timer.isActive()
    model.clear()
    assert not model._timer.isActive()


def test_signature_status_follows_the_checks(model: TokenTreeModel) -> None:
    good = diagnose(rtc_token(), expect(certificate="5CFd2fd1755d40ecb72977518be15d3b"))
    model.set_root(to_tree(good), ISSUED)
    sig = model.index_for_path("signature", VALUE_COLUMN)
    assert sig.data(STATUS_ROLE) == "ok" and "(valid)" in sig.data()
    bad = diagnose(rtc_token(), expect(certificate="0" * 32))
    model.set_root(to_tree(bad), ISSUED)
    assert sig.data(STATUS_ROLE) == "error"  # same index: updated in place
    assert "does NOT match" in sig.data()


def test_highlight_roles(model: TokenTreeModel) -> None:
    model.set_root(tree_of(rtc_token(), ISSUED), ISSUED)
    model.set_highlight({"salt"})
    salt = model.index_for_path("salt")
    assert salt.data(HIGHLIGHT_ROLE) is True
    assert salt.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index_for_path("version").data(Qt.ItemDataRole.BackgroundRole) is None


def test_invalid_utf8_is_shown_escaped() -> None:
    assert qt_text("ok") == "ok"
    assert qt_text("a\udcffb") == "a\\xffb"
    assert qt_text("\ud800") == "\\ud800"


def test_repeated_labels_get_distinct_paths(model: TokenTreeModel) -> None:
    root = Node("token")
    services = root.add("services", "2")
    services.add("1 RTC", "").add("uid", '"1"', copy="1")
    services.add("1 RTC", "").add("uid", '"2"', copy="2")
    model.set_root(root, ISSUED)
    assert model.value("services/1 RTC/uid") == '"1"'
    assert model.value("services/1 RTC#1/uid") == '"2"'


def test_returning_no_data_keeps_none_alive(model: TokenTreeModel) -> None:
    # PySide6/shiboken6 6.12.0 on Python < 3.12 releases one reference to None
    # too many whenever a Python data() returns None to C++; a view asks for
    # unset roles hundreds of times per repaint, so without the model's
    # compensation None is "deallocated" and the interpreter aborts.
    model.set_root(tree_of(rtc_token(), ISSUED), ISSUED)
    index = model.index_for_path("salt", VALUE_COLUMN)
    assert index.data(Qt.ItemDataRole.BackgroundRole) is None
    before = sys.getrefcount(None)
    for _ in range(2000):
        index.data(Qt.ItemDataRole.BackgroundRole)  # through C++ QModelIndex::data
    assert sys.getrefcount(None) >= before - 100


def test_times_read_in_local_time_first_with_utc_on_hover(
    model: TokenTreeModel, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    from agora_desk.core import timefmt

    # A zone that is never UTC, so "local first" cannot pass by coincidence.
    monkeypatch.setenv("TZ", "Asia/Kolkata")
    time.tzset()
    try:
        model.set_root(tree_of(rtc_token(expire=3600), ISSUED + 60), ISSUED + 60)
        expires = model.index_for_path("expires at", VALUE_COLUMN)
        shown = expires.data()
        local = timefmt.local(ISSUED + 3600)
        assert shown.startswith(local), shown
        assert "+0530" in local or "IST" in local
        assert timefmt.utc_iso(ISSUED + 3600) not in shown
        assert "expires in 59 min" in shown
        tip = expires.data(Qt.ItemDataRole.ToolTipRole)
        assert f"{timefmt.utc_iso(ISSUED + 3600)} (UTC)" in tip
        assert f"Unix time {ISSUED + 3600}" in tip
    finally:
        monkeypatch.undo()
        time.tzset()
