"""The free composer: any services, each with its fields and privileges, in one token.

What it builds goes through :func:`agora_desk.core.compose.parse_compose`, the
same reader as ``agora-desk compose``, so its rules and messages are the CLI's.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from agora_desk.core import compose
from agora_desk.core.formats.v007_services import SERVICE_CLASSES, Rtm2Service, Service
from agora_desk.core.shapes import Shape
from agora_desk.gui.shapes.forms import IssueTarget, ShapeForm
from agora_desk.gui.shapes.permissions_editor import PermissionsEditor
from agora_desk.gui.shapes.rows import RowList
from agora_desk.gui.translation import QT_TRANSLATE_NOOP, translate
from agora_desk.gui.widgets import MessageLabel, ValidatedField, add_row
from agora_desk.gui.widgets.message_label import Level
from agora_desk.gui.widgets.validated_field import first_issue

# Shown through translate("ServiceEditor", ...).
FIELD_LABELS = {
    "channel_name": QT_TRANSLATE_NOOP("ServiceEditor", "Channel:"),
    "uid": QT_TRANSLATE_NOOP("ServiceEditor", "Uid / account:"),
    "user_id": QT_TRANSLATE_NOOP("ServiceEditor", "User ID:"),
    "account": QT_TRANSLATE_NOOP("ServiceEditor", "Account:"),
    "room_uuid": QT_TRANSLATE_NOOP("ServiceEditor", "Room UUID:"),
    "user_uuid": QT_TRANSLATE_NOOP("ServiceEditor", "User UUID:"),
    "role": QT_TRANSLATE_NOOP("ServiceEditor", "Role:"),
}
FIELD_HINTS = {
    "uid": QT_TRANSLATE_NOOP(
        "ServiceEditor", "the text written: empty = uid 0, digits = a uid, else an account"
    ),
    "role": QT_TRANSLATE_NOOP("ServiceEditor", "a number; -1 = not set"),
    "user_id": QT_TRANSLATE_NOOP("ServiceEditor", "empty for a Chat app token"),
}


class ServiceEditor(QGroupBox):
    """One service: its own fields and a seconds box per privilege it defines."""

    changed = Signal()
    removed = Signal(object)

    def __init__(self, cls: type[Service], parent: QWidget | None = None) -> None:
        super().__init__(
            translate("ServiceEditor", "{name} (type {type})").format(name=cls.NAME, type=cls.TYPE),
            parent,
        )
        self.cls = cls
        self.fields: dict[str, ValidatedField] = {}
        self.permissions: PermissionsEditor | None = None
        self.privileges: dict[int, tuple[QCheckBox, ValidatedField]] = {}
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for name, _default in cls().field_items():
            if name == "permissions":
                self.permissions = PermissionsEditor(self)
                self.permissions.changed.connect(self.changed)
                form.addRow(translate("ServiceEditor", "Permissions:"), self.permissions)
                continue
            text = "-1" if name == "role" else ""
            field = ValidatedField(
                translate("ServiceEditor", FIELD_HINTS[name]) if name in FIELD_HINTS else "",
                text=text,
                parent=self,
            )
            field.textChanged.connect(self.changed)
            label = FIELD_LABELS.get(name)
            add_row(form, translate("ServiceEditor", label) if label else f"{name}:", field)
            self.fields[name] = field
        for pid, pname in cls.PRIVILEGE_NAMES.items():
            box = QCheckBox(f"{pname} ({pid})", self)
            box.setChecked(True)
            seconds = ValidatedField(
                translate("ServiceEditor", "seconds; empty = the token's expiry"), parent=self
            )
            box.toggled.connect(seconds.setEnabled)
            box.toggled.connect(self.changed)
            seconds.textChanged.connect(self.changed)
            form.addRow(box, seconds)
            self.privileges[pid] = (box, seconds)
        if not cls.PRIVILEGE_NAMES:
            form.addRow(
                QLabel(
                    translate("ServiceEditor", "No privileges are defined for this service."), self
                )
            )
        self.message = MessageLabel(self)
        remove = QToolButton(self)
        remove.setText(translate("ServiceEditor", "Remove service"))
        remove.clicked.connect(lambda: self.removed.emit(self))
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(remove)
        form.addRow(bottom)

    def spec(self, expire: int) -> dict[str, Any]:
        """The service in the vectors' format, for :func:`compose.parse_service`."""
        obj: dict[str, Any] = {"type": self.cls.TYPE}
        for name, field in self.fields.items():
            obj[name] = field.text()
        if self.permissions is not None:
            obj["permissions"] = {
                str(r): {str(p): names for p, names in by.items()}
                for r, by in self.permissions.permissions().items()
            }
        obj["privileges"] = {
            str(pid): seconds.text() or str(expire)
            for pid, (box, seconds) in self.privileges.items()
            if box.isChecked()
        }
        return obj

    def set_service(self, service: Service) -> None:
        """Show ``service``'s fields and privileges (of this editor's class)."""
        for name, value in service.field_items():
            if name in self.fields:
                self.fields[name].setText(str(value))
        if isinstance(service, Rtm2Service) and self.permissions is not None:
            self.permissions.set_permissions(service.permissions)
        for pid, (box, seconds) in self.privileges.items():
            box.setChecked(pid in service.privileges)
            seconds.setText(str(service.privileges[pid]) if pid in service.privileges else "")

    def set_issues(self, issues: list[Any]) -> None:
        issue = first_issue(issues)
        if issue is None:
            self.message.clear_message()
        else:
            self.message.set_message(Level(issue.level), f"{issue.field}: {issue.message}")


class ComposerForm(ShapeForm):
    TITLE = QT_TRANSLATE_NOOP("Tabs", "Compose any services")
    REQUEST = compose.ComposeRequest
    OFFICIAL = QT_TRANSLATE_NOOP(
        "ShapesTab", "AccessToken2 with any services (as agora-desk compose)"
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        picker = QWidget(self)
        row = QHBoxLayout(picker)
        row.setContentsMargins(0, 0, 0, 0)
        self.kind = QComboBox(picker)
        for number, cls in SERVICE_CLASSES.items():
            self.kind.addItem(f"{cls.NAME} ({number})", number)
        self.add_button = QPushButton(translate("ComposerForm", "&Add service"), picker)
        row.addWidget(self.kind, 1)
        row.addWidget(self.add_button)
        self.rows.addRow(translate("ComposerForm", "Service:"), picker)
        self._list = QVBoxLayout()
        self.rows.addRow(self._list)
        self._editors: RowList[ServiceEditor] = RowList(self._list, self.changed)
        self.editors = self._editors.items
        self.add_button.clicked.connect(lambda: self.add_service(int(self.kind.currentData())))

    def add_service(self, service_type: int) -> ServiceEditor:
        editor = ServiceEditor(SERVICE_CLASSES[service_type], self)
        editor.changed.connect(self.changed)
        editor.removed.connect(self._editors.remove)
        return self._editors.add(editor)

    def fill(self, request: Shape) -> None:
        if isinstance(request, compose.ComposeRequest):
            self._editors.clear()
            for service in request.services():
                self.add_service(service.TYPE).set_service(service)

    def shape(self, expire: int) -> compose.ComposeRequest:
        spec = {"expire": expire, "services": [e.spec(expire) for e in self.editors]}
        return compose.parse_compose(spec).request

    def targets(self) -> Mapping[str, IssueTarget]:
        targets: dict[str, IssueTarget] = {}
        for index, editor in enumerate(self.editors):
            where = f"services[{index}]"
            targets[where] = editor
            for name, field in editor.fields.items():
                targets[f"{where}.{name}"] = field
            if editor.permissions is not None:
                targets[f"{where}.permissions"] = editor.permissions
            for pid, (_box, seconds) in editor.privileges.items():
                targets[f"{where}.privileges[{pid}]"] = seconds
        return targets

    def target_for(self, field: str) -> IssueTarget | None:
        """The nearest widget for an issue (``services[1].permissions[0][1]`` → service 1)."""
        targets = self.targets()
        while field and field not in targets:
            cut = max(field.rfind("."), field.rfind("["))
            field = field[:cut] if cut > 0 else ""
        return targets.get(field)

    def summary(self) -> str:
        return translate("ComposerForm", "composed of %n service(s)", None, 0).counted(
            len(self.editors)
        )
