"""theme.py is the one home of the app's colours, and each of them reads (WCAG AA)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QRadioButton

from agora_desk.gui import theme
from agora_desk.gui.theme import DARK, LIGHT, SCHEMES, Tone, contrast_ratio

pytestmark = pytest.mark.gui
GUI = Path(theme.__file__).parent
AA = 4.5


def _pairs() -> list[tuple[str, str, str, str]]:
    """(scheme, what, foreground, background) for every text colour the app sets."""
    pairs = []
    for scheme in SCHEMES:
        for tone, colour in scheme.tones.items():
            for background in (*scheme.backgrounds, scheme.highlight):
                pairs.append((scheme.name, tone.name, colour, background))
    return pairs


@pytest.mark.parametrize(("scheme", "tone", "fg", "bg"), _pairs())
def test_every_text_colour_meets_wcag_aa(scheme: str, tone: str, fg: str, bg: str) -> None:
    assert contrast_ratio(fg, bg) >= AA, f"{scheme} {tone} {fg} on {bg}"


def test_contrast_ratio_matches_the_wcag_definition() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    # The issue's own measurement: the old light red on a dark window.
    assert contrast_ratio("#c62828", "#323232") == pytest.approx(2.3, abs=0.1)


def test_every_tone_has_a_colour_in_both_schemes() -> None:
    assert set(LIGHT.tones) == set(DARK.tones) == set(Tone)


def test_one_rule_picks_the_scheme(qtbot) -> None:  # type: ignore[no-untyped-def]
    light, dark = QPalette(), QPalette()
    light.setColor(QPalette.ColorRole.Window, QColor("#efefef"))
    dark.setColor(QPalette.ColorRole.Window, QColor("#2a2a2a"))
    assert theme.scheme(light) is LIGHT
    assert theme.scheme(dark) is DARK
    label = QLabel()
    qtbot.addWidget(label)
    label.setPalette(dark)
    theme.set_text_tone(label, Tone.ERROR)
    assert label.palette().color(QPalette.ColorRole.WindowText).name() == DARK.tones[Tone.ERROR]


def test_no_colour_is_set_outside_the_theme() -> None:
    hex_colour = re.compile(r"#[0-9a-fA-F]{6}\b|setStyleSheet\(")
    found = [
        f"{path.relative_to(GUI)}:{n}"
        for path in sorted(GUI.rglob("*.py"))
        if path.name != "theme.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if hex_colour.search(line)
    ]
    assert found == []


UI_COMPONENT = 3.0  # WCAG 2.1, 1.4.11: a control's boundary against what surrounds it


@pytest.mark.parametrize("scheme", SCHEMES, ids=lambda s: s.name)
def test_indicator_outline_meets_wcag_for_ui_components(scheme: theme.Scheme) -> None:
    for background in scheme.backgrounds:
        ratio = contrast_ratio(scheme.indicator, background)
        assert ratio >= UI_COMPONENT, f"{scheme.name} indicator on {background}: {ratio:.1f}"


def _dark_window() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.Text, "#e6e6e6"),
        (QPalette.ColorRole.WindowText, "#e6e6e6"),
        (QPalette.ColorRole.Button, "#353535"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def _best_indicator_contrast(qtbot, widget, style) -> float:  # type: ignore[no-untyped-def]
    """The strongest contrast any pixel of the drawn indicator has against the window."""
    from PySide6.QtWidgets import QStyle, QStyleOptionButton

    qtbot.addWidget(widget)
    widget.setStyle(style)
    widget.setPalette(_dark_window())
    widget.setAutoFillBackground(True)
    widget.show()
    option = QStyleOptionButton()
    widget.initStyleOption(option)
    element = (
        QStyle.SubElement.SE_RadioButtonIndicator
        if isinstance(widget, QRadioButton)
        else QStyle.SubElement.SE_CheckBoxIndicator
    )
    box = style.subElementRect(element, option, widget)
    image = widget.grab().toImage()
    window = "#2b2b2b"
    scale = image.width() / widget.width()
    return max(
        contrast_ratio(image.pixelColor(int(x * scale), int(y * scale)).name(), window)
        for x in range(box.left(), box.right() + 1)
        for y in range(box.top(), box.bottom() + 1)
    )


@pytest.mark.parametrize("kind", ["radio", "check"])
def test_dark_indicators_are_drawn_visible(qtbot, kind: str) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QCheckBox, QStyleFactory

    from agora_desk.gui.indicator_style import IndicatorStyle

    def make() -> QRadioButton | QCheckBox:
        return QRadioButton("Uid") if kind == "radio" else QCheckBox("Advanced")

    fusion = QStyleFactory.create("Fusion")
    # What the issue saw: Fusion outlines an unchecked indicator a shade off the window.
    assert _best_indicator_contrast(qtbot, make(), fusion) < UI_COMPONENT
    ours = IndicatorStyle(QStyleFactory.create("Fusion"))
    assert _best_indicator_contrast(qtbot, make(), ours) >= UI_COMPONENT
