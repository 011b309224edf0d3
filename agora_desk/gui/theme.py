"""Every colour and font the app sets itself, for a light and a dark scheme.

The app never paints a background of its own except the compare highlight;
everything else is a text colour on the system palette's window or base
colour, plus the outline of radio buttons and check boxes (drawn by
:class:`agora_desk.gui.indicator_style.IndicatorStyle`: Fusion draws it a shade off the
window colour, invisible in a dark scheme). So each scheme lists, besides its text
colours, the backgrounds it is checked against (``tests/gui/test_theme.py`` computes the WCAG contrast of
every pair: 4.5:1 or better for text, 3:1 for an indicator's outline). Which scheme applies is decided by one rule,
:func:`is_dark`, on the palette's window colour; widgets re-pick their colour
when the palette changes, so switching the system scheme keeps text readable.
Colour is never the only signal: messages start with a symbol.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QPalette
from PySide6.QtWidgets import QWidget


class Tone(str, Enum):
    """What a coloured text says; the values are the core's node status words."""

    OK = "ok"
    WARNING = "warning"
    ERROR = "error"
    MUTED = "missing"  # a placeholder row ("(absent)") in compare mode


@dataclass(frozen=True)
class Scheme:
    name: str
    tones: dict[Tone, str]
    highlight: str  # background of a differing row in compare mode
    indicator: str  # outline of radio buttons and check boxes (a UI component: 3:1)
    backgrounds: tuple[str, ...]  # window, base, alternate-base colours of common themes


LIGHT = Scheme(
    "light",
    {
        Tone.OK: "#176b24",
        Tone.WARNING: "#8a5300",
        Tone.ERROR: "#b3261e",
        Tone.MUTED: "#5c5c5c",
    },
    highlight="#ffe8a3",
    indicator="#6b6b6b",
    # Fusion / Adwaita / Breeze light: base, window, alternate rows.
    backgrounds=("#ffffff", "#efefef", "#f7f7f7", "#e6e6e6"),
)

DARK = Scheme(
    "dark",
    {
        Tone.OK: "#8fd694",
        Tone.WARNING: "#ffc061",
        Tone.ERROR: "#ff8a80",
        Tone.MUTED: "#b8b8b8",
    },
    highlight="#453810",
    indicator="#a3a3a3",
    # Adwaita / Breeze / Fusion dark: base, window, alternate rows.
    backgrounds=("#1e1e1e", "#2a2a2a", "#323232", "#353535", "#3c3c3c"),
)

SCHEMES = (LIGHT, DARK)

# A QR code is dark modules on a light quiet zone in every scheme: phone
# cameras read that reliably (21:1), inverted codes often not at all.
QR_DARK = "#000000"
QR_LIGHT = "#ffffff"


def is_dark(palette: QPalette | None = None) -> bool:
    """The one rule: a dark window colour means the dark scheme."""
    palette = palette if palette is not None else QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def scheme(palette: QPalette | None = None) -> Scheme:
    return DARK if is_dark(palette) else LIGHT


def tone_colour(tone: Tone, palette: QPalette | None = None) -> QColor:
    return QColor(scheme(palette).tones[tone])


def highlight_colour(palette: QPalette | None = None) -> QColor:
    return QColor(scheme(palette).highlight)


def set_text_tone(widget: QWidget, tone: Tone | None) -> None:
    """Colour a widget's text through its palette (a style sheet would restyle it).

    ``None`` returns to the inherited text colour. Only an actual change is
    applied, so a caller may re-apply it from a PaletteChange without looping.
    """
    if tone is None:
        from PySide6.QtCore import Qt  # not at import: see main_window.TOOLTIP_ROLE

        if widget.testAttribute(Qt.WidgetAttribute.WA_SetPalette):
            widget.setPalette(QPalette())
        return
    palette = widget.palette()
    wanted = tone_colour(tone, palette)
    if palette.color(QPalette.ColorRole.WindowText) != wanted:
        palette.setColor(QPalette.ColorRole.WindowText, wanted)
        palette.setColor(QPalette.ColorRole.Text, wanted)
        widget.setPalette(palette)


def mark_error(edit: QWidget, error: bool) -> None:
    """A red frame around a field in error (beside its message: colour is not the only sign).

    Called again on a palette change, so the red follows the scheme.
    """
    if not error:
        if edit.styleSheet():
            edit.setStyleSheet("")
        return
    red = scheme(edit.palette()).tones[Tone.ERROR]
    sheet = f"border: 2px solid {red}; border-radius: 3px; padding: 1px;"
    if edit.styleSheet() != sheet:
        edit.setStyleSheet(sheet)


def monospace_font() -> QFont:
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two opaque ``#rrggbb`` colours (1.0 to 21.0)."""

    def luminance(colour: str) -> float:
        value = colour.lstrip("#")
        channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)
