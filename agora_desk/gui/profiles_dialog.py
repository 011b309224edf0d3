"""Profiles: add, edit and remove; the secrets go to the keyring (or this session only).

Every call that may touch the keyring (reading which secrets are stored,
saving, removing) runs through :func:`run_job`: an unlock prompt or a hung
keyring daemon must not freeze the window. The form is disabled meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from agora_desk.gui.context import AppContext, storage_of
from agora_desk.gui.jobs import Job, run_job
from agora_desk.gui.profiles_secrets import SecretRows, show_storage
from agora_desk.gui.profiles_unsaved import UnsavedWork, unsaved_what
from agora_desk.gui.prompts import Unsaved, ask_unsaved, confirm_remove
from agora_desk.gui.reporting import failure_message
from agora_desk.gui.translation import QT_TRANSLATE_NOOP, translate
from agora_desk.gui.widgets import Level, MessageLabel, ValidatedField, add_row
from agora_desk.secrets import fields
from agora_desk.secrets.errors import ConfigError, ProfileExists
from agora_desk.secrets.profiles import Profile

BUSY_TEXT = QT_TRANSLATE_NOOP(
    "ProfilesDialog", "Working with the keyring… (answer the unlock prompt if one appears)"
)


class ProfilesDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ProfilesDialog", "Profiles"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(820, 560)
        self.context = context
        self._busy = False
        self._editing: str | None = None  # None: a new profile
        self._profiles: dict[str, Profile] = {}
        self._lookup: Job | None = None  # the keyring read behind "checking…"
        # The questions asked, replaceable in tests (a modal box would block them).
        self.ask_unsaved: Callable[[str], Unsaved] = lambda what: ask_unsaved(self, what)
        self.confirm: Callable[[str], bool] = lambda text: confirm_remove(
            self, translate("ProfilesDialog", "Remove profile"), text
        )

        self.storage = MessageLabel(self)

        self.list = QListWidget(self)
        self.list.setMinimumWidth(180)
        self.new_button = QPushButton(translate("ProfilesDialog", "Ne&w"), self)
        self.remove_button = QPushButton(translate("ProfilesDialog", "&Remove…"), self)
        self.set_aside_button = QPushButton(
            translate("ProfilesDialog", "Move the broken file aside"), self
        )
        self.set_aside_button.hide()
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addWidget(self.remove_button)
        left.addLayout(row)
        left.addWidget(self.set_aside_button)

        self.form_widget = QWidget(self)
        form = QFormLayout(self.form_widget)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.name = ValidatedField(
            translate("ProfilesDialog", "letters, digits, - _ . (no slash)"),
            parent=self.form_widget,
        )
        add_row(form, translate("ProfilesDialog", "&Name:"), self.name)
        self.app_id = ValidatedField(
            translate("ProfilesDialog", "32 hexadecimal characters"), parent=self.form_widget
        )
        add_row(form, translate("ProfilesDialog", "App &ID:"), self.app_id)
        # The secrets' rows: field, what the keyring holds, the box to remove it.
        self.secrets = SecretRows(form, self.form_widget)
        certificate = self.secrets.add(
            fields.APP_CERTIFICATE, translate("ProfilesDialog", "App Cer&tificate:")
        )
        secondary = self.secrets.add(
            fields.APP_CERTIFICATE_SECONDARY,
            translate("ProfilesDialog", "Secon&dary certificate:"),
        )
        self.app_certificate = certificate.field
        self.app_certificate_secondary = secondary.field
        self.app_certificate_secondary.edit.setPlaceholderText(
            translate(
                "ProfilesDialog", "optional: the project's secondary App Certificate (for rotation)"
            )
        )
        self.customer_id = ValidatedField(
            translate("ProfilesDialog", "optional: for REST requests"), parent=self.form_widget
        )
        add_row(form, translate("ProfilesDialog", "C&ustomer ID:"), self.customer_id)
        customer = self.secrets.add(
            fields.CUSTOMER_SECRET, translate("ProfilesDialog", "Customer S&ecret:")
        )
        self.customer_secret = customer.field
        self._secret_rows = self.secrets.rows
        self.secret_rows = self.secrets.by_kind
        self.unsaved = UnsavedWork(self._snapshot, lambda: self.secrets.edited)
        self._fields = (
            self.name,
            self.app_id,
            self.app_certificate,
            self.app_certificate_secondary,
            self.customer_id,
            self.customer_secret,
        )
        self.notes = QPlainTextEdit(self.form_widget)
        self.notes.setPlaceholderText(
            translate("ProfilesDialog", "optional; saved in plain text, so never a secret here")
        )
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(80)
        add_row(form, translate("ProfilesDialog", "N&otes:"), self.notes)

        self.status = MessageLabel(self)
        self.save_button = QPushButton(translate("ProfilesDialog", "&Save"), self)
        self.save_button.setDefault(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        right = QVBoxLayout()
        right.addWidget(self.form_widget)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.storage)
        layout.addLayout(columns, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

        self.list.currentItemChanged.connect(self._selection_changed)
        self.new_button.clicked.connect(self._new_clicked)
        self.remove_button.clicked.connect(self.confirm_remove)
        self.save_button.clicked.connect(self.save)
        self.set_aside_button.clicked.connect(self.set_aside_broken_file)
        for field in self._fields:
            field.textChanged.connect(self.revalidate)
        context.profilesChanged.connect(self._show_storage)
        self._show_storage()
        current = context.profile()
        self.reload(select=current.name if current is not None else None)

    # -- unsaved work ------------------------------------------------------------

    def _snapshot(self) -> tuple[str, ...]:
        return (self.name.text(), self.app_id.text(), self.customer_id.text(),
                self.notes.toPlainText())  # fmt: skip

    def _mark_clean(self) -> None:
        self.unsaved.mark_clean()

    @property
    def dirty(self) -> bool:
        """Unsaved edits: a changed field, a typed secret, a ticked "Remove the stored…"."""
        return self.unsaved.dirty

    def _settle(self, proceed: Callable[[], None]) -> bool:
        """Before leaving the form: ask about unsaved edits. False: stay (Cancel)."""
        if self._busy:
            proceed()
            return True
        return self.unsaved.settle(
            proceed,
            lambda: self.ask_unsaved(unsaved_what(self._editing)),
            self.revalidate,
            self.save,
        )

    def _selection_changed(self, item: QListWidgetItem | None, previous: object = None) -> None:
        if item is None or (self._editing is not None and item.text() == self._editing):
            return
        target = item.text()

        def go() -> None:
            self._select_name(target)

        if not self._settle(go):
            self._restore_row()

    def _select_name(self, name: str) -> None:
        rows = [self.list.item(i).text() for i in range(self.list.count())]
        if name in rows:
            self.list.blockSignals(True)
            self.list.setCurrentRow(rows.index(name))
            self.list.blockSignals(False)
            self._selected(self.list.currentItem())

    def _restore_row(self) -> None:
        """Back to the row being edited (or none for a new profile), without reloading it."""
        rows = [self.list.item(i).text() for i in range(self.list.count())]
        self.list.blockSignals(True)
        if self._editing in rows:
            self.list.setCurrentRow(rows.index(self._editing))
        else:
            self.list.clearSelection()
            self.list.setCurrentRow(-1)
        self.list.blockSignals(False)

    def _new_clicked(self) -> None:
        self._settle(self.start_new)

    def reject(self) -> None:
        # Close, Escape and the window's close button all come here.
        self._settle(super().reject)

    # -- state -----------------------------------------------------------------

    @property
    def session_only(self) -> bool:
        return not storage_of(self.context)[1]

    def _show_storage(self) -> None:
        show_storage(self.storage, self.context)

    def language_changed(self) -> None:
        """What the core names (the keyring, the secrets) in the new language."""
        self._show_storage()
        self.secrets.language_changed()

    def reload(self, select: str | None = None) -> None:
        """Refill the list from the profiles file (a small local read)."""
        problem: str | None = None
        try:
            profiles = self.context.profiles.list()
        except ConfigError as exc:
            problem = str(exc)
            profiles = []
        self._profiles = {p.name: p for p in profiles}
        self.list.blockSignals(True)
        self.list.clear()
        for profile in profiles:
            item = QListWidgetItem(profile.name, self.list)
            item.setToolTip(
                translate("ProfilesDialog", "App ID {app_id}").format(app_id=profile.app_id)
            )
        self.list.blockSignals(False)
        names = list(self._profiles)
        if names:
            # Loaded directly: a reload is not the person leaving unsaved edits.
            self.list.blockSignals(True)
            self.list.setCurrentRow(names.index(select) if select in self._profiles else 0)
            self.list.blockSignals(False)
            self._selected(self.list.currentItem())
        else:
            self.start_new()
        # Last: selecting a row clears the status line.
        self.set_aside_button.setVisible(problem is not None)
        if problem is not None:
            self._error(problem)

    def _selected(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is None:
            return
        profile = self._profiles.get(item.text())
        if profile is None:
            return
        self._editing = profile.name
        self.name.setText(profile.name)
        self.name.edit.setReadOnly(True)
        self.app_id.setText(profile.app_id)
        self.customer_id.setText(profile.customer_id)
        self.notes.setPlainText(profile.notes)
        self._clear_secrets()
        self.secrets.show_checking()
        self.remove_button.setEnabled(True)
        self.status.clear_message()
        self.revalidate()
        self._mark_clean()
        name = profile.name
        store = self.context.profiles
        self._cancel_lookup()
        self._lookup = self._run(
            lambda job: store.stored_secrets(name),
            lambda stored: self._show_stored(name, stored),
            busy=False,
            on_failed=self.secrets.show_unknown,
        )

    def _cancel_lookup(self) -> None:
        if self._lookup is not None:
            self._lookup.cancel()
            self._lookup = None

    def _show_stored(self, name: str, stored: dict[str, str | None]) -> None:
        if name == self._editing:
            self.secrets.show_stored(stored)

    def start_new(self) -> None:
        self._editing = None
        self.list.blockSignals(True)
        self.list.clearSelection()
        self.list.setCurrentRow(-1)
        self.list.blockSignals(False)
        self.name.edit.setReadOnly(False)
        for field in (self.name, self.app_id, self.customer_id):
            field.setText("")
        self.notes.clear()
        self._clear_secrets()
        self.secrets.show_new()
        self.remove_button.setEnabled(False)
        self.status.clear_message()
        self.revalidate()
        self._mark_clean()
        self.name.setFocus()

    def _clear_secrets(self) -> None:
        self.secrets.clear()

    # -- validation --------------------------------------------------------------

    def _problems(self) -> dict[ValidatedField, str]:
        # (field, its key in secrets.fields, required): the rule itself lives there.
        checked = (
            (self.name, fields.PROFILE_NAME, True),
            (self.app_id, fields.APP_ID, True),
            (self.app_certificate, fields.APP_CERTIFICATE, False),
            (self.app_certificate_secondary, fields.APP_CERTIFICATE_SECONDARY, False),
            (self.customer_id, fields.CUSTOMER_ID, False),
            (self.customer_secret, fields.CUSTOMER_SECRET, False),
        )
        problems: dict[ValidatedField, str] = {}
        for field, key, required in checked:
            if not field.text() and not required:
                continue  # optional, or "keep the stored one"
            value = field.secret() if key in fields.KINDS else field.text()
            problem = fields.problem(key, value)
            if problem is not None:
                problems[field] = problem
        return problems

    def revalidate(self) -> bool:
        """Show problems beside non-empty fields; True when the form can be saved."""
        problems = self._problems()
        for field in self._fields:
            problem = problems.get(field)
            if problem is None or not field.text():
                field.message.clear_message()
            else:
                field.message.set_message(Level.ERROR, problem)
        shown = any(field.text() for field in problems)
        self.save_button.setEnabled(not shown and not self._busy)
        return not problems

    # -- changes -----------------------------------------------------------------

    def save(self) -> None:
        if self._busy:
            return
        if not self.revalidate():
            for field, problem in self._problems().items():
                field.message.set_message(Level.ERROR, problem)
            self.status.set_message(
                Level.ERROR, translate("ProfilesDialog", "Fix the fields marked in red first.")
            )
            return
        store = self.context.profiles
        profile = Profile(
            name=self.name.text(),
            app_id=self.app_id.text(),
            customer_id=self.customer_id.text(),
            notes=self.notes.toPlainText(),
        )
        certificate = self.app_certificate.secret() or None
        secondary = self.app_certificate_secondary.secret() or None
        secret = self.customer_secret.secret() or None
        editing = self._editing
        remove = self.secrets.to_remove()
        # The first profile ever saved is the one the tabs use from now on.
        first = editing is None and not self._profiles and self.context.profile() is None

        def work(job: Job) -> None:
            if editing is None:
                store.add(
                    profile,
                    app_certificate=certificate,
                    customer_secret=secret,
                    app_certificate_secondary=secondary,
                )
            else:
                store.update(
                    editing,
                    app_id=profile.app_id,
                    customer_id=profile.customer_id,
                    notes=profile.notes,
                    app_certificate=certificate,
                    customer_secret=secret,
                    remove_secrets=remove,
                    app_certificate_secondary=secondary,
                )

        def saved(_: object) -> None:
            if first:
                self.context.set_profile(profile)
            self._changed(
                translate("ProfilesDialog", "Saved profile “{name}”.").format(name=profile.name),
                profile.name,
            )
            self.unsaved.saved(isValid(self))

        self._run(work, saved)

    def confirm_remove(self) -> None:
        name = self._editing
        if name is None:
            return
        if self.confirm(
            translate(
                "ProfilesDialog", "Remove the profile “{name}” and its secrets from the keyring?"
            ).format(name=name)
        ):
            self.remove(name)

    def remove(self, name: str) -> None:
        store = self.context.profiles
        self._run(
            lambda job: store.remove(name),
            lambda _: self._changed(
                translate("ProfilesDialog", "Removed profile “{name}”.").format(name=name), None
            ),
        )

    def set_aside_broken_file(self) -> None:
        store = self.context.profiles

        def done(backup: Any) -> None:
            self._changed(
                translate("ProfilesDialog", "The unreadable file was moved to {backup}.").format(
                    backup=backup
                ),
                None,
            )

        self._run(lambda job: store.set_aside_corrupt_file(), done)

    def _changed(self, message: str, select: str | None) -> None:
        # The rest of the window hears of it even if this dialog is gone by now.
        self.context.profilesChanged.emit()
        self.context.status(message)
        if not isValid(self):
            return
        self.reload(select=select)
        self.status.set_message(Level.INFO, message)

    # -- jobs --------------------------------------------------------------------

    def _run(
        self,
        fn: Callable[[Job], Any],
        on_done: Callable[[Any], None],
        *,
        busy: bool = True,
        on_failed: Callable[[], None] | None = None,
    ) -> Job:
        """Run ``fn`` off the GUI thread.

        ``busy``: a change; the form is locked meanwhile and ``on_done`` runs
        even after the dialog is gone (``_changed`` tells the window). Otherwise
        a read whose result only this dialog shows: dropped once it is gone.
        """
        if busy:
            self._set_busy(True)

        def done(result: Any) -> None:
            alive = isValid(self)
            if busy and alive:
                self._set_busy(False)
            if busy or alive:
                on_done(result)

        def failed(exc: BaseException) -> None:
            if busy and isValid(self):
                self.unsaved.after_save = None  # the edits are still there: stay
                self._set_busy(False)
            if on_failed is not None and isValid(self):
                on_failed()
            message = failure_message(exc, translate("ProfilesDialog", "the change"))
            self.context.report_error("Profiles", message)
            if isValid(self):
                self._error(message)
                if isinstance(exc, ProfileExists):
                    self.name.message.set_message(Level.ERROR, exc.problem)

        # A change is not cancelled when the dialog closes: it completes and
        # the window still hears of it (``_changed``).
        return run_job(fn, done, failed)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.form_widget, self.list, self.new_button, self.remove_button):
            widget.setEnabled(not busy)
        if busy:
            self.status.set_message(Level.INFO, translate("ProfilesDialog", BUSY_TEXT))
        elif self.status.level is Level.INFO and self.status.message == translate(
            "ProfilesDialog", BUSY_TEXT
        ):
            self.status.clear_message()
        if not busy:
            self.remove_button.setEnabled(self._editing is not None)
        self.revalidate()

    def _error(self, message: str) -> None:
        self.status.set_message(Level.ERROR, message)

    @property
    def busy(self) -> bool:
        return self._busy

    def done(self, result: int) -> None:
        # Secrets typed but not saved do not outlive the dialog, and what it
        # was still reading to show arrives nowhere.
        self._cancel_lookup()
        self._clear_secrets()
        super().done(result)
