"""The secondary App Certificate in the window: the "Sign with" picker of the credentials panel."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from _gui_helpers import (
    APP_ID,
    CERT,
    OTHER_CERT,
    STAMP,
    WAIT_MS,
    add_demo_profile,
    generate,
    make_context,
    make_store,
)

pytest.importorskip("PySide6.QtWidgets")

from agora_desk.core.builders import RtmRequest, build_rtm
from agora_desk.core.credentials import Credentials
from agora_desk.core.formats import v007
from agora_desk.core.secret import Secret
from agora_desk.gui.rtm_tab import RtmTab
from agora_desk.gui.shapes.forms import FpaForm
from agora_desk.gui.shapes.tab import ShapesTab
from agora_desk.secrets.profiles import Profile

pytestmark = pytest.mark.gui


def test_sign_with_the_secondary(qtbot: Any, tmp_path: Path) -> None:
    store = make_store(tmp_path)
    profile = Profile("demo", APP_ID)
    store.add(profile, Secret(CERT), app_certificate_secondary=Secret(OTHER_CERT))
    context = make_context(tmp_path, store)
    context.set_profile(profile)
    tab = RtmTab(context)
    qtbot.addWidget(tab)
    tab.show()
    tab.stamp = STAMP
    panel = tab.credentials
    assert panel.certificate_row.isVisible()
    tab.user_id.setText("alice")
    primary = generate(qtbot, tab)
    assert primary == build_rtm(Credentials(APP_ID, Secret(CERT)), RtmRequest("alice"), STAMP).token
    panel.certificate_choice.setCurrentIndex(1)
    assert tab.output is None  # another certificate: the old token goes
    assert "Secondary App Certificate" in panel.summary.text()
    secondary = generate(qtbot, tab)
    assert (
        secondary
        == build_rtm(Credentials(APP_ID, Secret(OTHER_CERT)), RtmRequest("alice"), STAMP).token
    )
    assert "profile “demo”, secondary certificate" in tab.details.text()
    tab.shutdown()


def test_a_missing_secondary_is_named(qtbot: Any, tmp_path: Path) -> None:
    store = make_store(tmp_path)
    context = make_context(tmp_path, store)
    context.set_profile(add_demo_profile(store))
    tab = ShapesTab(context)
    qtbot.addWidget(tab)
    tab.show()
    tab.pick(FpaForm)
    tab.credentials.certificate_choice.setCurrentIndex(1)
    tab.generate_button.click()
    qtbot.waitUntil(lambda: not tab.busy, timeout=WAIT_MS)
    assert tab.output is None
    assert "no Secondary App Certificate saved" in tab.status_label.text()
    tab.credentials.certificate_choice.setCurrentIndex(0)
    token = generate(qtbot, tab)
    assert v007.verify(v007.parse(token), CERT)
    tab.shutdown()


def test_typed_credentials_hide_the_picker(qtbot: Any, tmp_path: Path) -> None:
    tab = RtmTab(make_context(tmp_path))
    qtbot.addWidget(tab)
    tab.show()
    assert not tab.credentials.certificate_row.isVisible()
    tab.shutdown()
