"""The checks list of the Inspect tab: one row per core check, note and warning."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from agora_desk.core.decoded import DecodedToken
from agora_desk.gui.theme import Tone
from agora_desk.gui.translation import QT_TRANSLATE_NOOP, translate

PASTE_FIX = QT_TRANSLATE_NOOP(
    "InspectChecks",
    "The token was decoded after this clean-up; if it is stored or sent like this, "
    "remove these characters there too: the SDK uses the token exactly as given.",
)


class RowState(str, Enum):
    OK = "ok"
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class CheckRow:
    """One line of the checks list."""

    state: RowState
    name: str
    detail: str
    fix: str = ""

    @property
    def text(self) -> str:
        line = translate("InspectChecks", "{name}: {detail}").format(
            name=self.name, detail=self.detail
        )
        if self.fix and self.state is not RowState.OK:
            return translate("InspectChecks", "{line}\n→ {fix}").format(line=line, fix=self.fix)
        return line


def check_rows(decoded: DecodedToken, certificate_note: CheckRow | None = None) -> list[CheckRow]:
    """The checks list: core checks, why the signature was not checked, paste clean-up, warnings."""
    rows = [
        CheckRow(
            {True: RowState.OK, False: RowState.ERROR, None: RowState.WARNING}[c.ok],
            c.name.label,
            c.detail,
            c.fix,
        )
        for c in decoded.checks
    ]
    if certificate_note is not None and decoded.signature_valid is None:
        rows.append(certificate_note)
    paste, fix = translate("InspectChecks", "paste"), _paste_fix()
    rows.extend(CheckRow(RowState.WARNING, paste, note, fix) for note in decoded.cleaned)
    warnings = list(decoded.warnings)
    for note in decoded.cleaned:  # parse_any puts the clean-up notes first in warnings
        if note in warnings:
            warnings.remove(note)
    warning = translate("InspectChecks", "warning")
    rows.extend(CheckRow(RowState.WARNING, warning, w) for w in warnings)
    return rows


def _paste_fix() -> str:
    return translate("InspectChecks", PASTE_FIX)


def summarize(rows: list[CheckRow]) -> tuple[RowState, str]:
    """(state, text) for the line above the checks list."""
    failed = [r.name for r in rows if r.state is RowState.ERROR]
    checks = sum(1 for r in rows if r.state in (RowState.OK, RowState.ERROR))
    warned = sum(1 for r in rows if r.state is RowState.WARNING)
    tail = translate("InspectChecks", "; %n warning(s)", None, 0).counted(warned) if warned else ""
    if failed:
        text = translate(
            "InspectChecks", "✗ {failed} of %n check(s) failed: {names}{tail}", None, 0
        )
        return RowState.ERROR, text.counted(checks).format(
            failed=len(failed), names=", ".join(failed), tail=tail
        )
    if checks:
        text = translate("InspectChecks", "✓ all %n check(s) passed{tail}", None, 0)
        state = RowState.WARNING if warned else RowState.OK
        return state, text.counted(checks).format(tail=tail)
    text = translate("InspectChecks", "no checks ran{tail}")
    return (RowState.WARNING if warned else RowState.INFO), text.format(tail=tail)


def row_tone(state: RowState) -> Tone | None:
    """The text colour of a row (info rows use the palette's own)."""
    return _TONES.get(state)


_TONES = {RowState.OK: Tone.OK, RowState.ERROR: Tone.ERROR, RowState.WARNING: Tone.WARNING}
