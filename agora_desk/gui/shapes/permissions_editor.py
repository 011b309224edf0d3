"""RTM2 permissions as rows: resource type, permission, resource names; no JSON to type."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from agora_desk.core.formats.v007_services import PERMISSION_TYPES, RESOURCE_TYPES, Permissions
from agora_desk.core.validation import Issue
from agora_desk.gui.shapes.rows import RowList
from agora_desk.gui.translation import translate
from agora_desk.gui.widgets import MessageLabel
from agora_desk.gui.widgets.message_label import Level
from agora_desk.gui.widgets.validated_field import first_issue


class PermissionRow(QWidget):
    """One (resource type, permission, names) entry; names are comma-separated."""

    changed = Signal()
    removed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.resource = QComboBox(self)
        for number, name in RESOURCE_TYPES.items():
            self.resource.addItem(f"{name} ({number})", number)
        self.resource.setAccessibleName(translate("PermissionRow", "resource type"))
        self.permission = QComboBox(self)
        for number, name in PERMISSION_TYPES.items():
            self.permission.addItem(name, number)
        self.permission.setAccessibleName(translate("PermissionRow", "permission"))
        self.names = QLineEdit(self)
        self.names.setPlaceholderText(
            translate("PermissionRow", "names, comma-separated (empty: none)")
        )
        self.names.setAccessibleName(translate("PermissionRow", "resource names"))
        self.remove = QToolButton(self)
        self.remove.setText(translate("PermissionRow", "Remove"))
        self.remove.setToolTip(translate("PermissionRow", "Remove this permission"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.resource)
        row.addWidget(self.permission)
        row.addWidget(self.names, 1)
        row.addWidget(self.remove)
        self.resource.currentIndexChanged.connect(self.changed)
        self.permission.currentIndexChanged.connect(self.changed)
        self.names.textChanged.connect(self.changed)
        self.remove.clicked.connect(lambda: self.removed.emit(self))

    def set(self, resource_type: int, permission_type: int, names: list[str]) -> None:
        self.resource.setCurrentIndex(self.resource.findData(resource_type))
        self.permission.setCurrentIndex(self.permission.findData(permission_type))
        self.names.setText(", ".join(names))

    def key(self) -> tuple[int, int]:
        return int(self.resource.currentData()), int(self.permission.currentData())

    def resource_names(self) -> list[str]:
        return [n.strip() for n in self.names.text().split(",") if n.strip()]


class PermissionsEditor(QWidget):
    """Add / remove permission rows; :meth:`permissions` merges rows of the same key."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows_box = QVBoxLayout()
        self._rows_box.setContentsMargins(0, 0, 0, 0)
        self._rows: RowList[PermissionRow] = RowList(self._rows_box, self.changed)
        self.rows = self._rows.items
        self.add_button = QPushButton(translate("PermissionsEditor", "Add &permission"), self)
        self.message = MessageLabel(self)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self._rows_box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        column.addWidget(self.message)
        self.add_button.clicked.connect(lambda: self.add_row())

    def add_row(
        self, resource_type: int = 0, permission_type: int = 0, names: list[str] | None = None
    ) -> PermissionRow:
        row = PermissionRow(self)
        row.set(resource_type, permission_type, names or [])
        row.changed.connect(self.changed)
        row.removed.connect(self._rows.remove)
        return self._rows.add(row)

    def set_permissions(self, permissions: Permissions) -> None:
        """One row per resource type and permission, replacing the rows shown."""
        self._rows.clear()
        for rtype, by_perm in permissions.items():
            for ptype, names in by_perm.items():
                self.add_row(rtype, ptype, list(names))

    def permissions(self) -> Permissions:
        """Resource type -> permission -> names; rows with the same pair are joined."""
        out: Permissions = {}
        for row in self.rows:
            rtype, ptype = row.key()
            names = out.setdefault(rtype, {}).setdefault(ptype, [])
            names.extend(n for n in row.resource_names() if n not in names)
        return out

    def set_issues(self, issues: list[Issue]) -> None:
        issue = first_issue(issues)
        if issue is None:
            self.message.clear_message()
        else:
            self.message.set_message(Level(issue.level), issue.message)
