"""The profiles dialog's secrets as shown: where they are kept, and what the keyring holds.

Each secret has a row in the form: its field, what the keyring holds for it
("stored: ab…yz", "none stored", "checking…") and the box to remove the stored
one. The dialog reads the keyring off the GUI thread; this only shows the answer.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QCheckBox, QFormLayout, QHBoxLayout, QLabel, QWidget

from agora_desk.gui.context import AppContext, storage_of
from agora_desk.gui.translation import translate
from agora_desk.gui.widgets import Level, MessageLabel, ValidatedField, add_row
from agora_desk.secrets import fields


def show_storage(label: MessageLabel, context: AppContext) -> None:
    """Tell where secrets (and the rest of a profile) are kept."""
    where, persistent = storage_of(context)
    path = context.profiles.config_path
    saved = (
        translate("ProfilesDialog", " Names, App IDs and Customer IDs are saved in {path}.").format(
            path=path
        )
        if path
        else ""
    )
    if persistent:
        label.set_message(
            Level.INFO,
            translate("ProfilesDialog", "Secrets are stored in {where}.{saved}").format(
                where=where, saved=saved
            ),
        )
    else:
        label.set_message(
            Level.WARNING,
            translate(
                "ProfilesDialog",
                "Session only — no keyring: secrets are kept in memory until agora-desk closes, never written to a file.{saved}",
            ).format(saved=saved),
        )


def _remove_text(kind: str) -> str:
    return translate("ProfilesDialog", "Remove the stored {secret}").format(
        secret=fields.LABELS[kind]
    )


@dataclass(frozen=True)
class SecretRow:
    """A secret's field, what the keyring holds for it, and the box to remove it."""

    kind: str
    field: ValidatedField
    state: QLabel
    remove: QCheckBox


class SecretRows:
    """The secret rows of the profile form, in the order they were added."""

    def __init__(self, form: QFormLayout, parent: QWidget) -> None:
        self._form = form
        self._parent = parent
        self.rows: tuple[SecretRow, ...] = ()

    def add(self, kind: str, label: str) -> SecretRow:
        field = ValidatedField(password=True, parent=self._parent)
        add_row(self._form, label, field)
        row = SecretRow(
            kind,
            field,
            QLabel(self._parent),
            QCheckBox(_remove_text(kind), self._parent),
        )
        pair = QWidget(self._parent)
        layout = QHBoxLayout(pair)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(row.state)
        layout.addWidget(row.remove)
        layout.addStretch(1)
        self._form.addRow("", pair)
        self.rows = (*self.rows, row)
        return row

    def language_changed(self) -> None:
        """The secrets' names (the core's) in the new language."""
        for row in self.rows:
            row.remove.setText(_remove_text(row.kind))

    @property
    def by_kind(self) -> dict[str, SecretRow]:
        return {row.kind: row for row in self.rows}

    @property
    def edited(self) -> bool:
        """A secret typed, or a ticked "Remove the stored…"."""
        return any(row.field.text() or row.remove.isChecked() for row in self.rows)

    def to_remove(self) -> list[str]:
        """The kinds whose stored secret is to be removed on saving."""
        return [row.kind for row in self.rows if row.remove.isChecked() and row.remove.isEnabled()]

    def clear(self) -> None:
        """Forget what was typed and ticked."""
        for row in self.rows:
            row.field.setText("")
            row.remove.setChecked(False)
            row.remove.setEnabled(False)
            row.remove.hide()

    def show_new(self) -> None:
        for row in self.rows:
            row.state.setText("")
            row.field.edit.setPlaceholderText(translate("ProfilesDialog", "optional"))

    def show_checking(self) -> None:
        for row in self.rows:
            row.state.setText(translate("ProfilesDialog", "checking…"))

    def show_unknown(self) -> None:
        for row in self.rows:
            row.state.setText(
                translate("ProfilesDialog", "unknown (the keyring could not be read)")
            )

    def show_stored(self, stored: dict[str, str | None]) -> None:
        """``stored``: kind -> the masked stored secret, or None."""
        for row in self.rows:
            masked = stored.get(row.kind)
            row.state.setText(
                translate("ProfilesDialog", "stored: {masked}").format(masked=masked)
                if masked
                else translate("ProfilesDialog", "none stored")
            )
            row.remove.setEnabled(bool(masked))
            row.remove.setVisible(bool(masked))
            row.field.edit.setPlaceholderText(
                translate("ProfilesDialog", "leave empty to keep the stored one")
                if masked
                else translate("ProfilesDialog", "not stored yet")
            )
