"""Where a request goes and how it gets there.

:class:`EnvironmentPicker` sits beside the base URL: its combo sets the URL to a
known environment's, and its badge says which environment the typed URL is.
:class:`ConnectionBox` holds the transport settings: extra CA bundle, timeout
and failover.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from agora_desk.core.rest.environments import ENVIRONMENTS, environment_of
from agora_desk.gui.text_slots import relabel
from agora_desk.gui.theme import Tone, set_text_tone
from agora_desk.gui.translation import translate
from agora_desk.gui.widgets import add_row


class EnvironmentPicker(QWidget):
    """The environment combo and badge that follow (and set) ``base_url_edit``."""

    def __init__(self, base_url_edit: QLineEdit) -> None:
        super().__init__()
        self._base_url_edit = base_url_edit
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.env_combo = QComboBox()
        for env in ENVIRONMENTS.values():
            self.env_combo.addItem(env.label, env.name)
        self.env_combo.addItem(translate("RequestForm", "Other host (typed)"), "")
        self.env_badge = QLabel()
        self.env_badge.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(self.env_combo)
        row.addWidget(self.env_badge, 1)
        self.env_combo.activated.connect(self._env_chosen)
        base_url_edit.textChanged.connect(self._follow_base_url)
        self._follow_base_url()

    def language_changed(self) -> None:
        """The window's language changed: the environments' labels and the badge again."""
        # "Other host (typed)" (no data) is the window's own text: retranslate() redoes it.
        relabel(self.env_combo, lambda name: ENVIRONMENTS[str(name)].label if name else None)
        self._follow_base_url()

    def _env_chosen(self, *_: object) -> None:
        name = self.env_combo.currentData()
        if name:
            self._base_url_edit.setText(ENVIRONMENTS[name].base_url)
        else:
            self._base_url_edit.setFocus()

    def _follow_base_url(self, *_: object) -> None:
        """The combo and the badge say which environment the typed base URL is."""
        text = self._base_url_edit.text().strip()
        env = environment_of(text)
        self.env_combo.setCurrentIndex(self.env_combo.findData(env.name if env else ""))
        if env is not None:
            self.env_badge.setText(f"● {env.badge}")
            set_text_tone(self.env_badge, Tone.WARNING if env.name == "production" else Tone.OK)
        else:
            host = text.split("://", 1)[-1].split("/", 1)[0] or translate("RequestForm", "no host")
            self.env_badge.setText(f"● {host}")
            set_text_tone(self.env_badge, Tone.MUTED)

    @property
    def environment(self) -> str:
        """The badge's words, for history and the status line."""
        return self.env_badge.text().removeprefix("● ")


class ConnectionBox(QGroupBox):
    """The Connection group: extra CA bundle, timeout and failover."""

    def __init__(self, ca_file: str, timeout: float) -> None:
        super().__init__(translate("RequestForm", "Connection"))
        tform = QFormLayout(self)
        ca_row = QHBoxLayout()
        self.ca_edit = QLineEdit(ca_file)
        self.ca_edit.setPlaceholderText(
            translate("RequestForm", "extra CA bundle (PEM), added to the system's")
        )
        self.ca_browse = QPushButton(translate("RequestForm", "Browse…"))
        ca_row.addWidget(self.ca_edit, 1)
        ca_row.addWidget(self.ca_browse)
        ca_widget = QWidget()
        ca_widget.setLayout(ca_row)
        ca_row.setContentsMargins(0, 0, 0, 0)
        add_row(tform, translate("RequestForm", "&CA file:"), ca_widget)
        self.timeout_spin = QDoubleSpinBox()
        self.timeout_spin.setRange(0.1, 3600)
        self.timeout_spin.setDecimals(1)
        self.timeout_spin.setSuffix(translate("RequestForm", " s"))
        self.timeout_spin.setValue(timeout)
        add_row(tform, translate("RequestForm", "T&imeout:"), self.timeout_spin)
        self.failover_check = QCheckBox(
            translate(
                "RequestForm",
                "Failover: on a connection failure, try the same domain, the other primary, "
                "the next region (1 s / 3 s / 6 s apart)",
            )
        )
        tform.addRow(self.failover_check)
        self.ca_browse.clicked.connect(self._browse_ca)

    def _browse_ca(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            translate("RequestForm", "CA bundle"),
            "",
            translate("RequestForm", "PEM files (*.pem *.crt *.cer);;All files (*)"),
        )
        if path:
            self.ca_edit.setText(path)

    def values(self) -> tuple[str, float]:
        """CA file and timeout as typed."""
        return self.ca_edit.text().strip(), float(self.timeout_spin.value())

    def set_values(self, ca_file: str, timeout: float) -> None:
        self.ca_edit.setText(ca_file)
        self.timeout_spin.setValue(timeout)
