"""Widgets the forms share, one per module; import them from here."""

from agora_desk.gui.reporting import failure_message
from agora_desk.gui.theme import monospace_font
from agora_desk.gui.widgets.credentials_panel import CredentialKind, CredentialsPanel
from agora_desk.gui.widgets.expiry_chooser import ExpiryChooser
from agora_desk.gui.widgets.expiry_display import ExpiryDisplay, countdown
from agora_desk.gui.widgets.forms import add_row, group, role_combo
from agora_desk.gui.widgets.message_label import Level, MessageLabel
from agora_desk.gui.widgets.qr_code import QrDialog
from agora_desk.gui.widgets.result_box import COPY_SHORTCUT, ResultBox
from agora_desk.gui.widgets.server_indicator import ServerIndicator
from agora_desk.gui.widgets.user_chooser import UserChooser
from agora_desk.gui.widgets.validated_field import ValidatedField, first_issue
from agora_desk.gui.widgets.warnings_list import WarningsList

__all__ = [
    "COPY_SHORTCUT",
    "CredentialKind",
    "CredentialsPanel",
    "ExpiryChooser",
    "ExpiryDisplay",
    "Level",
    "MessageLabel",
    "QrDialog",
    "ResultBox",
    "ServerIndicator",
    "UserChooser",
    "ValidatedField",
    "WarningsList",
    "add_row",
    "countdown",
    "failure_message",  # kept here for the Test request tab's import
    "first_issue",
    "group",
    "monospace_font",  # kept here for the Test request tab's import
    "role_combo",
]
