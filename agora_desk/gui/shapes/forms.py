"""One small form per official shape; each turns its fields into a core request.

A form knows its fields and which issue field names belong to which widget
(:meth:`ShapeForm.targets`); the rules themselves are the core's
(:mod:`agora_desk.core.shapes`), so the window says what the CLI says.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar, Protocol

from PySide6.QtCore import Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QWidget,
)

from agora_desk.core import shapes
from agora_desk.core.builders import RtcRequest
from agora_desk.core.validation import Issue, parse_uid
from agora_desk.gui.shapes.permissions_editor import PermissionsEditor
from agora_desk.gui.translation import QT_TRANSLATE_NOOP, translate
from agora_desk.gui.widgets import ExpiryChooser, UserChooser, ValidatedField, add_row, role_combo


class IssueTarget(Protocol):
    def set_issues(self, issues: list[Issue]) -> None: ...


class ShapeForm(QWidget):
    """The fields of one shape. Subclasses add rows to ``self.rows``."""

    changed = Signal()
    TITLE: ClassVar[str] = ""  # in the shape picker
    OFFICIAL: ClassVar[str] = ""  # the official builder it reproduces (default: REQUEST's)
    DEFAULT_EXPIRE: ClassVar[int | None] = None  # None: the Settings default
    REQUEST: ClassVar[type]  # the core request it makes (Rebuild picks the form by it)

    def __init_subclass__(cls) -> None:
        super().__init_subclass__()
        request = cls.__dict__.get("REQUEST")
        if "OFFICIAL" not in cls.__dict__ and request is not None:
            cls.OFFICIAL = request.OFFICIAL

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = QFormLayout(self)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)

    def shape(self, expire: int) -> shapes.Shape:
        """The request for the fields as they are; raises InputError for a bad number."""
        raise NotImplementedError

    def fill(self, request: shapes.Shape) -> None:
        """Show ``request``'s inputs (of type :attr:`REQUEST`); the tab sets the expiry."""

    def targets(self) -> Mapping[str, IssueTarget]:
        """Issue field name -> the widget that shows it."""
        return {}

    def target_for(self, field: str) -> IssueTarget | None:
        """The widget that shows issues of ``field``; None: the form's general line."""
        return self.targets().get(field)

    def summary(self) -> str:
        """What the token is for, for the result's details line (after the services)."""
        return translate("ShapeForm", "app token")

    def note(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setWordWrap(True)
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.rows.addRow(label)
        return label

    def field(self, label: str, placeholder: str, text: str = "") -> ValidatedField:
        widget = ValidatedField(placeholder, text=text, parent=self)
        add_row(self.rows, label, widget)
        widget.textChanged.connect(self.changed)
        return widget


class UserForm(ShapeForm):
    """A shape whose one input is a user: ``REQUEST(user, expire)``."""

    REQUEST: ClassVar[type[shapes.ChatUserRequest] | type[shapes.ApaasUserRequest]]
    LABEL: ClassVar[str] = QT_TRANSLATE_NOOP("ShapeForms", "&User ID:")
    PLACEHOLDER: ClassVar[str] = ""
    FIELD: ClassVar[str] = "user ID"  # the field name of the request's issues

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.user = self.field(
            translate("ShapeForms", self.LABEL), translate("ShapeForms", self.PLACEHOLDER)
        )

    def shape(self, expire: int) -> shapes.Shape:
        return self.REQUEST(self.user.text(), expire)

    def fill(self, request: shapes.Shape) -> None:
        if isinstance(request, shapes.ChatUserRequest):
            self.user.setText(request.user_id)
        elif isinstance(request, shapes.ApaasUserRequest):
            self.user.setText(request.user_uuid)

    def targets(self) -> Mapping[str, IssueTarget]:
        return {self.FIELD: self.user}

    def summary(self) -> str:
        return translate("ShapeForms", "user “{user}”").format(user=self.user.text())


class NoteForm(ShapeForm):
    """A shape with no input of its own but the expiry: ``REQUEST(expire)``, and a note."""

    REQUEST: ClassVar[
        type[shapes.ChatAppRequest] | type[shapes.ApaasAppRequest] | type[shapes.FpaRequest]
    ]
    NOTE: ClassVar[str] = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note(translate("ShapeForms", self.NOTE))

    def shape(self, expire: int) -> shapes.Shape:
        return self.REQUEST(expire)


class ChatUserForm(UserForm):
    TITLE = QT_TRANSLATE_NOOP("Tabs", "Chat: user token")
    REQUEST = shapes.ChatUserRequest
    PLACEHOLDER = QT_TRANSLATE_NOOP("ShapeForms", "the Chat user ID (privilege user)")


class ChatAppForm(NoteForm):
    TITLE = QT_TRANSLATE_NOOP("Tabs", "Chat: app token")
    REQUEST = shapes.ChatAppRequest
    NOTE = QT_TRANSLATE_NOOP(
        "ShapeForms", "An app token (privilege app), for the Chat RESTful API. No user."
    )


class ApaasRoomUserForm(ShapeForm):
    TITLE = QT_TRANSLATE_NOOP("Tabs", "APaaS: room user")
    REQUEST = shapes.ApaasRoomUserRequest

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.room_uuid = self.field(
            translate("ApaasRoomUserForm", "R&oom UUID:"),
            translate("ApaasRoomUserForm", "the classroom's UUID"),
        )
        self.user_uuid = self.field(
            translate("ApaasRoomUserForm", "U&ser UUID:"),
            translate("ApaasRoomUserForm", "the user's UUID (also the RTM user ID)"),
        )
        self.role = self.field(
            translate("ApaasRoomUserForm", "Ro&le:"),
            translate("ApaasRoomUserForm", "a number, e.g. 1 teacher, 2 student"),
        )
        self.note(
            translate(
                "ApaasRoomUserForm",
                "As the official builder: APaaS roomUser + RTM login for the user UUID + a Chat "
                "user whose ID is the MD5 of the user UUID.",
            )
        )

    def shape(self, expire: int) -> shapes.Shape:
        role = shapes.parse_apaas_role(self.role.text())
        return shapes.ApaasRoomUserRequest(
            self.room_uuid.text(), self.user_uuid.text(), role, expire
        )

    def fill(self, request: shapes.Shape) -> None:
        if isinstance(request, shapes.ApaasRoomUserRequest):
            self.room_uuid.setText(request.room_uuid)
            self.user_uuid.setText(request.user_uuid)
            self.role.setText(str(request.role))

    def targets(self) -> Mapping[str, IssueTarget]:
        return {"room UUID": self.room_uuid, "user UUID": self.user_uuid, "role": self.role}

    def summary(self) -> str:
        return translate("ApaasRoomUserForm", "room “{room}”, user “{user}”").format(
            room=self.room_uuid.text(), user=self.user_uuid.text()
        )


class ApaasUserForm(UserForm):
    TITLE = QT_TRANSLATE_NOOP("Tabs", "APaaS: user")
    REQUEST = shapes.ApaasUserRequest
    LABEL = QT_TRANSLATE_NOOP("ShapeForms", "U&ser UUID:")
    PLACEHOLDER = QT_TRANSLATE_NOOP("ShapeForms", "the user's UUID")
    FIELD = "user UUID"


class ApaasAppForm(NoteForm):
    TITLE = QT_TRANSLATE_NOOP("Tabs", "APaaS: app")
    REQUEST = shapes.ApaasAppRequest
    NOTE = QT_TRANSLATE_NOOP("ShapeForms", "An APaaS app token (privilege app). No room, no user.")


class FpaForm(NoteForm):
    TITLE = QT_TRANSLATE_NOOP("Tabs", "FPA (Full-path Acceleration)")
    REQUEST = shapes.FpaRequest
    DEFAULT_EXPIRE = shapes.FPA_EXPIRE
    NOTE = QT_TRANSLATE_NOOP(
        "ShapeForms",
        "As the official builder: the login privilege is 0 (no limit of its own) and the "
        "token lasts 24 hours; the token expiry above changes the token's only.",
    )

    def summary(self) -> str:
        return translate("FpaForm", "login privilege 0 (no limit of its own)")


class Rtm2Form(ShapeForm):
    TITLE = QT_TRANSLATE_NOOP("Tabs", "RTM2 with permissions")
    REQUEST = shapes.Rtm2Request

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.user_id = self.field(
            translate("Rtm2Form", "&User ID:"), translate("Rtm2Form", "the Signaling user ID")
        )
        self.editor = PermissionsEditor(self)
        self.rows.addRow(translate("Rtm2Form", "Permissions:"), self.editor)
        self.editor.changed.connect(self.changed)
        self.note(
            translate(
                "Rtm2Form",
                "Per-resource permissions (an interface Agora enables on request). The login "
                "privilege and the token expire together.",
            )
        )

    def shape(self, expire: int) -> shapes.Shape:
        return shapes.Rtm2Request(self.user_id.text(), self.editor.permissions(), expire)

    def fill(self, request: shapes.Shape) -> None:
        if isinstance(request, shapes.Rtm2Request):
            self.user_id.setText(request.user_id)
            self.editor.set_permissions(request.permissions)

    def targets(self) -> Mapping[str, IssueTarget]:
        targets: dict[str, IssueTarget] = {"user ID": self.user_id}
        for rtype, by_perm in self.editor.permissions().items():
            for ptype in by_perm:
                targets[f"permissions[{rtype}][{ptype}] resource"] = self.editor
        return targets

    def summary(self) -> str:
        count = sum(len(p) for p in self.editor.permissions().values())
        return (
            translate("Rtm2Form", "user “{user}”, %n permission(s)", None, 0)
            .counted(count)
            .format(user=self.user_id.text())
        )


class AgentForm(ShapeForm):
    """ConvoAI / STT: RTC for a channel and uid or account, RTM, the agent's service."""

    REQUEST: ClassVar[type[shapes.AgentRequest]] = shapes.AgentRequest

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.channel = self.field(
            translate("AgentForm", "C&hannel:"),
            translate("AgentForm", "the channel the agent joins"),
        )
        self.who = UserChooser(self.rows, self)
        self.user = self.who.user
        self.who.changed.connect(self.changed)
        self.role = role_combo(self)
        add_row(self.rows, translate("AgentForm", "&Role:"), self.role)
        self.rtm_user = self.field(
            translate("AgentForm", "R&TM user ID:"),
            translate("AgentForm", "default: the uid or account as text"),
        )
        self.rtm_expiry = ExpiryChooser(None, same_as_token=True, parent=self)
        add_row(self.rows, translate("AgentForm", "RTM login e&xpiry:"), self.rtm_expiry)
        self.role.currentIndexChanged.connect(self.changed)
        self.rtm_expiry.changed.connect(self.changed)

    def shape(self, expire: int) -> shapes.Shape:
        uid, account = 0, None
        if self.who.is_account:
            account = self.user.text()
        elif self.user.text():
            uid = parse_uid(self.user.text())
        rtm_user = self.rtm_user.text()
        rtc = RtcRequest(
            channel=self.channel.text(),
            uid=uid,
            account=account,
            role=self.role.currentData(),
            expire=expire,
            rtm_user_id=rtm_user or None,
            rtm_expire=self.rtm_expiry.seconds("RTM expire"),
        )
        return self.REQUEST(rtc)

    def fill(self, request: shapes.Shape) -> None:
        if isinstance(request, shapes.AgentRequest):
            rtc = request.rtc
            self.channel.setText(rtc.channel)
            self.who.set_user(rtc.uid, rtc.account)
            self.role.setCurrentIndex(max(0, self.role.findData(rtc.role)))
            self.rtm_user.setText(rtc.rtm_user_id or "")
            if rtc.rtm_expire is None:
                self.rtm_expiry.set_same_as_token()
            else:
                self.rtm_expiry.set_seconds(rtc.rtm_expire)

    def targets(self) -> Mapping[str, IssueTarget]:
        return {
            "channel": self.channel,
            "uid": self.user,
            "account": self.user,
            "RTM user ID": self.rtm_user,
            "RTM expire": self.rtm_expiry,
        }

    def summary(self) -> str:
        who = self.user.text() or "0"
        return translate("AgentForm", "channel “{channel}”, user {who}").format(
            channel=self.channel.text(), who=who
        )


class ConvoAiForm(AgentForm):
    TITLE = QT_TRANSLATE_NOOP("Tabs", "Conversational AI agent")
    REQUEST = shapes.ConvoAiRequest


class SttForm(AgentForm):
    TITLE = QT_TRANSLATE_NOOP("Tabs", "Real-time STT agent")
    REQUEST = shapes.SttRequest
