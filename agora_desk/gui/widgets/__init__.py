"""Widgets the forms share, one per module; import them from here.

Each name is loaded on first use (a module ``__getattr__``): the window's first
frame needs two of these modules, and importing the package must not load them
all. :data:`_HOMES` is where each name lives; the block for type checkers says
the same (tests/gui/test_widgets_package.py checks they agree).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from agora_desk.gui.reporting import failure_message as failure_message
    from agora_desk.gui.theme import monospace_font as monospace_font
    from agora_desk.gui.widgets.credentials_panel import CredentialKind as CredentialKind
    from agora_desk.gui.widgets.credentials_panel import CredentialsPanel as CredentialsPanel
    from agora_desk.gui.widgets.expiry_chooser import ExpiryChooser as ExpiryChooser
    from agora_desk.gui.widgets.expiry_display import ExpiryDisplay as ExpiryDisplay
    from agora_desk.gui.widgets.expiry_display import countdown as countdown
    from agora_desk.gui.widgets.forms import add_row as add_row
    from agora_desk.gui.widgets.forms import group as group
    from agora_desk.gui.widgets.forms import role_combo as role_combo
    from agora_desk.gui.widgets.message_label import Level as Level
    from agora_desk.gui.widgets.message_label import MessageLabel as MessageLabel
    from agora_desk.gui.widgets.qr_code import QrDialog as QrDialog
    from agora_desk.gui.widgets.result_box import COPY_SHORTCUT as COPY_SHORTCUT
    from agora_desk.gui.widgets.result_box import ResultBox as ResultBox
    from agora_desk.gui.widgets.server_indicator import ServerIndicator as ServerIndicator
    from agora_desk.gui.widgets.user_chooser import UserChooser as UserChooser
    from agora_desk.gui.widgets.validated_field import ValidatedField as ValidatedField
    from agora_desk.gui.widgets.validated_field import first_issue as first_issue
    from agora_desk.gui.widgets.warnings_list import WarningsList as WarningsList

_HOMES: dict[str, str] = {
    "COPY_SHORTCUT": "result_box",
    "CredentialKind": "credentials_panel",
    "CredentialsPanel": "credentials_panel",
    "ExpiryChooser": "expiry_chooser",
    "ExpiryDisplay": "expiry_display",
    "Level": "message_label",
    "MessageLabel": "message_label",
    "QrDialog": "qr_code",
    "ResultBox": "result_box",
    "ServerIndicator": "server_indicator",
    "UserChooser": "user_chooser",
    "ValidatedField": "validated_field",
    "WarningsList": "warnings_list",
    "add_row": "forms",
    "countdown": "expiry_display",
    "failure_message": "agora_desk.gui.reporting",  # kept here for the Test request tab
    "first_issue": "validated_field",
    "group": "forms",
    "monospace_font": "agora_desk.gui.theme",  # kept here for the Test request tab
    "role_combo": "forms",
}


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = importlib.import_module(home if "." in home else f"{__name__}.{home}")
    value = getattr(module, name)
    globals()[name] = value
    return value
