"""The "More tokens" tab: pick an official shape (or compose), fill its form, Generate.

The flow, result box, copy, countdown and warnings are the RTC tab's
(:class:`~agora_desk.gui.generator_tab.GeneratorTab`); each shape's fields
are a :class:`~agora_desk.gui.shapes.forms.ShapeForm`.
"""

from __future__ import annotations

from PySide6.QtGui import QPalette, QShowEvent
from PySide6.QtWidgets import QComboBox, QLabel, QStackedWidget, QWidget

from agora_desk.core import shapes, timefmt
from agora_desk.core.compose import ComposeRequest
from agora_desk.core.credentials import Credentials
from agora_desk.core.errors import InputError
from agora_desk.core.validation import Issue
from agora_desk.gui.context import AppContext
from agora_desk.gui.generator_tab import GeneratorTab, Output, credentials_source
from agora_desk.gui.shapes.composer import ComposerForm
from agora_desk.gui.shapes.forms import (
    ApaasAppForm,
    ApaasRoomUserForm,
    ApaasUserForm,
    ChatAppForm,
    ChatUserForm,
    ConvoAiForm,
    FpaForm,
    IssueTarget,
    Rtm2Form,
    ShapeForm,
    SttForm,
)
from agora_desk.gui.tabs import tab_title
from agora_desk.gui.translation import QT_TRANSLATE_NOOP, translate
from agora_desk.gui.widgets import ExpiryChooser, Level, MessageLabel, add_row

FORMS: tuple[type[ShapeForm], ...] = (
    ChatUserForm,
    ChatAppForm,
    ApaasRoomUserForm,
    ApaasUserForm,
    ApaasAppForm,
    FpaForm,
    Rtm2Form,
    ConvoAiForm,
    SttForm,
    ComposerForm,
)


class ShapesTab(GeneratorTab[shapes.Shape]):
    TITLE = QT_TRANSLATE_NOOP("Tabs", "More tokens")

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        form_widget, _column, box, form = self.token_form()
        self.picker = QComboBox(box)
        for cls in FORMS:
            self.picker.addItem(tab_title(cls.TITLE))
        add_row(form, translate("ShapesTab", "Sha&pe:"), self.picker)
        self.official = QLabel(box)
        self.official.setWordWrap(True)
        self.official.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        form.addRow(self.official)
        self.expiry = ExpiryChooser(self._settings_expire(), parent=box)
        add_row(form, translate("ShapesTab", "Token e&xpiry:"), self.expiry)

        self.stack = QStackedWidget(box)
        self.forms: list[ShapeForm] = []
        for cls in FORMS:
            shape_form = cls(self.stack)
            shape_form.changed.connect(self.on_input_changed)
            self.stack.addWidget(shape_form)
            self.forms.append(shape_form)
        form.addRow(self.stack)
        self.form_message = MessageLabel(box)
        form.addRow(self.form_message)

        self.finish_layout(form_widget)
        self.picker.currentIndexChanged.connect(self._shape_changed)
        self.expiry.changed.connect(self.on_input_changed)
        self._shape_changed(0)

    @property
    def current(self) -> ShapeForm:
        return self.forms[self.picker.currentIndex()]

    def pick(self, cls: type[ShapeForm]) -> ShapeForm:
        """Show the form of ``cls`` (tests, screenshots) and return it."""
        self.picker.setCurrentIndex(FORMS.index(cls))
        return self.current

    def _settings_expire(self) -> int:
        return int(self.context.settings.get("default_expire_s"))

    def _shape_changed(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        shape_form = self.forms[index]
        self.official.setText(
            translate("ShapesTab", "Official builder: {builder}").format(
                builder=translate("ShapesTab", shape_form.OFFICIAL)
            )
        )
        # FPA's official token lasts 24 h; others follow Settings. A custom value stays.
        default = shape_form.DEFAULT_EXPIRE or self._settings_expire()
        self.expiry.follow_default(default)
        self.on_input_changed()

    def showEvent(self, event: QShowEvent) -> None:
        self.expiry.follow_default(self.current.DEFAULT_EXPIRE or self._settings_expire())
        super().showEvent(event)

    # -- GeneratorTab ------------------------------------------------------------

    def fill(self, request: shapes.Shape) -> None:
        cls = next((c for c in FORMS if type(request) is c.REQUEST), None)
        if cls is None:
            # Composed services that another tab's request makes (a plain RTC token,
            # say), from this tab's history: they stay in the composer.
            from agora_desk.core.rebuild import services_of

            services, expire = services_of(request)
            request, cls = ComposeRequest(services, expire), ComposerForm
        self.pick(cls).fill(request)
        self.expiry.set_seconds(request.token_expire)

    def check(self) -> tuple[shapes.Shape | None, bool]:
        shape_form = self.current
        expire_issues = self.expiry.issues("expire")
        shown = self.show_field_issues(self.expiry, expire_issues)
        issues: list[Issue] = []
        request: shapes.Shape | None = None
        if not any(i.level == "error" for i in expire_issues):
            expire = self.expiry.seconds("expire")
            assert expire is not None
            try:
                request = shape_form.shape(expire)
            except InputError as exc:
                issues = [Issue("error", exc.field, exc.problem)]
            else:
                issues = [i for i in request.issues() if i.field != "expire"]
        shown |= self._route(shape_form, issues)
        if any(i.level == "error" for i in issues):
            request = None
        return request, shown

    def _route(self, shape_form: ShapeForm, issues: list[Issue]) -> bool:
        """Errors beside their fields (an empty field only after a Generate)."""
        if not self.attempted:
            # A fresh form: "is empty" is not yet worth red text.
            issues = [i for i in issues if "is empty" not in i.message]
        errors = [i for i in issues if i.level == "error"]
        by_target: dict[int, tuple[IssueTarget, list[Issue]]] = {}
        for target in shape_form.targets().values():
            by_target[id(target)] = (target, [])
        general: list[Issue] = []
        for issue in errors:
            found_target = shape_form.target_for(issue.field)
            if found_target is None:
                general.append(issue)
            else:
                by_target.setdefault(id(found_target), (found_target, []))[1].append(issue)
        for target, found in by_target.values():
            target.set_issues(found)
        if general:
            self.form_message.set_message(Level.ERROR, str(general[0]))
        else:
            self.form_message.clear_message()
        return bool(errors)

    def produce(self, creds: Credentials, request: shapes.Shape) -> Output:
        result = shapes.build(creds, request, self.stamp)
        issued = result.issued_at
        expiries = [
            (
                translate("ShapesTab", "Token expires"),
                issued + result.expire if result.expire else 0,
            )
        ]
        names = []
        for service in request.services():
            names.append(service.NAME)
            for pid, seconds in service.privileges.items():
                if seconds != result.expire:
                    when = issued + seconds if seconds else 0
                    label = translate("ShapesTab", "{service} {privilege} expires").format(
                        service=service.NAME, privilege=service.privilege_name(pid)
                    )
                    expiries.append((label, when))  # 0: shown as "no time limit"
        details = translate(
            "ShapesTab",
            "007 · {services} · {summary} · from {source}\nIssued {issued} · salt {salt}",
        ).format(
            services=" + ".join(names),
            summary=self.current.summary(),
            source=credentials_source(creds),
            issued=timefmt.local(issued),
            salt=result.salt,
        )
        return Output(result.token, details, expiries, result.warnings)
