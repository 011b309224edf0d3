"""The Inspect tab: decode any Agora token, verify it, and say why it would be rejected.

Decoding and every check come from the core (:mod:`agora_desk.core.decode`,
:mod:`agora_desk.core.diagnostics`, :func:`agora_desk.core.decoded.to_tree`),
the same code behind ``agora-desk decode``, so the tab and the CLI never
disagree. This module wires them to widgets: the input (paste, drop,
clipboard), the tree, the checks list, the certificate (typed, or fetched
from the profile off the GUI thread) and the compare page.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QDragEnterEvent,
    QDropEvent,
    QHideEvent,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from agora_desk.core.checks import Expectations, typed_user
from agora_desk.core.decoded import DecodedToken, to_tree
from agora_desk.gui.context import AppContext
from agora_desk.gui.form_memory import remember_splitter
from agora_desk.gui.inspect.certificate import CertificateSource
from agora_desk.gui.inspect.checks import (
    PASTE_FIX,
    CheckRow,
    check_rows,
)
from agora_desk.gui.inspect.checks_view import STATE_ROLE, ChecksPanel
from agora_desk.gui.inspect.compare import CompareView
from agora_desk.gui.inspect.expected import ExpectedInputs
from agora_desk.gui.inspect.export import DecodedExport, decoded_json
from agora_desk.gui.inspect.input import (
    Decoded,
    ReasonLine,
    TokenEdit,
    Unreadable,
    accept_drop,
    clipboard_text,
    diagnose_input,
    limit_children,
    needs_background,
    read_token_file,
)
from agora_desk.gui.inspect.model import COPY_ROLE, FIELD_COLUMN, CopyingTreeView, TokenTreeModel
from agora_desk.gui.inspect.rebuild import RebuildButton
from agora_desk.gui.inspect.timeline import Moment, moments, under_tree
from agora_desk.gui.jobs import Job, run_job
from agora_desk.gui.theme import set_text_tone
from agora_desk.gui.translation import translate
from agora_desk.gui.widgets.forms import scrolling

# Errors of the export are filed under this title (shown through tabs.tab_title).
__all__ = ["PASTE_FIX", "STATE_ROLE", "CheckRow", "InspectTab", "check_rows", "decoded_json"]


# Rows of the decoded tree that stay in view at the window's minimum size.
TREE_ROWS = 7


class InspectTab(QWidget):
    """Paste a token; see its fields, whether it is genuine, and what is wrong with it."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        # Injectable for tests; every "now" in the tab comes from here.
        self.clock: Callable[[], int] = lambda: int(time.time())
        self.decoded: DecodedToken | None = None
        self.error_message = ""

        self._generation = 0  # of the input being decoded
        self._applied = 0  # of the result on screen
        self._job: Job | None = None
        self.decode_seconds = 0.0  # how long the shown result took to decode
        exporter = DecodedExport(self, context, lambda: self.decoded, lambda: self.clock())
        self.copy_report, self.copy_json = exporter.copy_report, exporter.copy_json
        self.export_json = exporter.export_json
        self._build_ui()
        self.certificate = CertificateSource(
            context, self.cert_edit.text, self._certificate_changed
        )
        self.setAcceptDrops(True)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(10)
        self._debounce.timeout.connect(self.decode_now)
        # Checks name times ("expires in 3 min") and can flip to "expired"
        # while the tab is open; the tree ticks on its own (TokenTreeModel).
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._recheck_times)

        self.token_edit.textChanged.connect(self._debounce.start)
        for edit in (self.cert_edit, self.channel_edit, self.uid_edit, self.error_edit):
            edit.textChanged.connect(self._debounce.start)
        self.cert_edit.textChanged.connect(self._update_certificate_label)
        self.token_edit.fileDropped.connect(self.open_file)
        context.profileChanged.connect(self._profile_changed)
        context.profilesChanged.connect(self._profile_changed)
        self._update_certificate_label()

    # -- UI ---------------------------------------------------------------------
    def _build_ui(self) -> None:
        outer = QVBoxLayout(self)

        modes = QHBoxLayout()
        self.inspect_mode_button = QPushButton(translate("InspectTab", "&Inspect"))
        self.compare_mode_button = QPushButton(translate("InspectTab", "Com&pare"))
        self._modes = QButtonGroup(self)
        for i, button in enumerate((self.inspect_mode_button, self.compare_mode_button)):
            button.setCheckable(True)
            self._modes.addButton(button, i)
            modes.addWidget(button)
        self.inspect_mode_button.setChecked(True)
        modes.addStretch(1)
        outer.addLayout(modes)

        self.stack = QStackedWidget()
        outer.addWidget(self.stack, 1)
        self.stack.addWidget(self._build_inspect_page())
        self.compare = CompareView(
            expectations=lambda: self.expectations(), clock=lambda: self.clock()
        )
        self.stack.addWidget(self.compare)
        # Compare takes the current token along, like "Compare with…" does.
        self.compare_mode_button.clicked.connect(self.show_compare)
        self.inspect_mode_button.clicked.connect(self.show_inspect)

    def _build_inspect_page(self) -> QWidget:
        page = QWidget()
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        # Input above, results below, with a handle between them: at the
        # minimum window size the tree keeps its rows and the person decides.
        # The input side scrolls, so the handle can give the tree all the room it wants.
        self.page_splitter = QSplitter(Qt.Orientation.Vertical, page)
        self.page_splitter.setChildrenCollapsible(False)
        page_layout.addWidget(self.page_splitter)
        top = QWidget()
        layout = QVBoxLayout(top)
        layout.setContentsMargins(0, 0, 0, 0)
        top_scroll = scrolling(top, across=False)
        self.page_splitter.addWidget(top_scroll)

        head = QHBoxLayout()
        token_label = QLabel(translate("InspectTab", "<b>To&ken</b>"))
        head.addWidget(token_label)
        head.addStretch(1)
        self.paste_button = QPushButton(translate("InspectTab", "From clip&board"))
        self.paste_button.setToolTip(
            translate("InspectTab", "Replace the input with the clipboard's text")
        )
        self.paste_button.clicked.connect(self.paste_from_clipboard)
        self.clear_button = QPushButton(translate("InspectTab", "C&lear"))
        self.clear_button.clicked.connect(self.token_edit_clear)
        # Beside the input, where the row has room: the result buttons fill theirs.
        self.rebuild_button = RebuildButton(self.context)
        head.addWidget(self.rebuild_button)
        head.addWidget(self.paste_button)
        head.addWidget(self.clear_button)
        layout.addLayout(head)

        self.token_edit = TokenEdit()
        self.token_edit.setPlaceholderText(
            translate(
                "InspectTab",
                "Paste or drop a token (007…, 006…, 005…). Quotes, whitespace, an "
                "'agora token=' prefix and URL-encoding are cleaned up and reported.",
            )
        )
        self.token_edit.setMaximumHeight(80)
        token_label.setBuddy(self.token_edit)
        layout.addWidget(self.token_edit)
        # However far the handle is dragged, the token box stays in view.
        top_scroll.setMinimumHeight(
            head.sizeHint().height() + self.token_edit.maximumHeight() + 2 * layout.spacing()
        )

        self.error_label = ReasonLine()
        layout.addWidget(self.error_label)

        # What the token is checked against: certificate, channel, uid, error.
        self.expected = ExpectedInputs()
        layout.addWidget(self.expected)
        self.cert_edit = self.expected.cert_edit
        self.show_cert_button = self.expected.show_cert_button
        self.certificate_label = self.expected.certificate_label
        self.channel_edit = self.expected.channel_edit
        self.uid_edit = self.expected.uid_edit
        self.error_edit = self.expected.error_edit

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        self.page_splitter.addWidget(splitter)
        self.page_splitter.setStretchFactor(0, 0)
        self.page_splitter.setStretchFactor(1, 1)

        tree_panel = QWidget()
        tree_layout = QVBoxLayout(tree_panel)
        tree_layout.setContentsMargins(0, 0, 0, 0)
        self.model = TokenTreeModel(self, clock=lambda: self.clock())
        self._reset_pending = False
        self.model.modelReset.connect(self._mark_reset)
        self.tree_view = CopyingTreeView(self.copy_selected)
        self.tree_view.setModel(self.model)
        self.tree_view.setUniformRowHeights(True)
        self.tree_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree_view.setAlternatingRowColors(True)
        self.tree_view.setColumnWidth(FIELD_COLUMN, 240)
        self.tree_view.header().setStretchLastSection(True)
        self.tree_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree_view.customContextMenuRequested.connect(self._context_menu)
        self.tree_view.keep_rows(TREE_ROWS)

        self.copy_action = QAction(translate("InspectTab", "Copy value"), self)
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.triggered.connect(self.copy_selected)
        self.copy_row_action = QAction(translate("InspectTab", "Copy field and value"), self)
        self.copy_row_action.triggered.connect(self.copy_selected_row)
        self.expand_action = QAction(translate("InspectTab", "Expand all"), self)
        self.expand_action.triggered.connect(self.tree_view.expandAll)
        self.collapse_action = QAction(translate("InspectTab", "Collapse all"), self)
        self.collapse_action.triggered.connect(self.tree_view.collapseAll)
        self.copy_json_action = QAction(translate("InspectTab", "Copy JSON"), self)
        self.copy_json_action.triggered.connect(self.copy_json)
        self.export_action = QAction(translate("InspectTab", "Export JSON…"), self)
        self.export_action.triggered.connect(lambda: self.export_json())

        buttons = QHBoxLayout()
        for action in (
            self.expand_action,
            self.collapse_action,
            self.copy_json_action,
            self.export_action,
        ):
            button = QToolButton()
            button.setDefaultAction(action)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.report_button = QPushButton(translate("InspectTab", "Copy report"))
        self.report_button.setToolTip(
            translate(
                "InspectTab",
                "A text safe to paste into a public issue: no token, no signature, no salt, "
                "the App ID masked",
            )
        )
        self.report_button.setEnabled(False)
        self.report_button.clicked.connect(self.copy_report)
        buttons.addWidget(self.report_button)
        self.copy_cleaned_button = QPushButton(translate("InspectTab", "Copy cleaned token"))
        self.copy_cleaned_button.setToolTip(
            translate(
                "InspectTab",
                "The token without the quotes, spaces, escapes or prefix the paste added",
            )
        )
        self.copy_cleaned_button.setEnabled(False)
        self.copy_cleaned_button.clicked.connect(self.copy_cleaned)
        buttons.addWidget(self.copy_cleaned_button)
        self.compare_button = QPushButton(translate("InspectTab", "Compare &with…"))
        self.compare_button.setToolTip(
            translate("InspectTab", "Put this token on side A of the compare page")
        )
        self.compare_button.clicked.connect(self.show_compare)
        buttons.addWidget(self.compare_button)
        page_layout.addLayout(buttons)  # under both panes: the tree's would squeeze the checks
        splitter.addWidget(tree_panel)

        self.checks = ChecksPanel()
        checks_panel = self.checks
        # The tab's names for the panel's parts (tests and the report use them).
        self.summary_label = self.checks.summary_label
        self.timeline = self.checks.timeline
        self.tree_splitter, self.timeline_scroll = under_tree(self.tree_view, self.timeline)
        tree_layout.addWidget(self.tree_splitter, 1)
        self.checks_view = self.checks.view
        splitter.addWidget(checks_panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        qsettings = self.context.settings.qsettings
        remember_splitter(self.page_splitter, qsettings, "InspectTab/page")
        remember_splitter(splitter, qsettings, "InspectTab/tree-checks")
        remember_splitter(self.tree_splitter, qsettings, "InspectTab/tree-timeline")

        self._set_actions_enabled(False)
        return page

    def _set_timeline(self, points: list[Moment], now: int) -> None:
        self.timeline.set_points(points, now)
        self.timeline_scroll.setVisible(bool(points))

    def _set_actions_enabled(self, enabled: bool) -> None:
        actions = (
            self.copy_action,
            self.copy_row_action,
            self.copy_json_action,
            self.export_action,
        )
        for action in actions:
            action.setEnabled(enabled)
        self.report_button.setEnabled(enabled)

    # -- input --------------------------------------------------------------------
    def _mark_reset(self) -> None:
        self._reset_pending = True

    def set_text(self, text: str) -> None:
        """Replace the input and decode at once."""
        self.token_edit.setPlainText(text)
        self.decode_now()

    def paste_from_clipboard(self) -> None:
        text = clipboard_text()
        if not text.strip():
            self.context.status(translate("InspectTab", "The clipboard holds no text"))
            return
        self.set_text(text)

    def token_edit_clear(self) -> None:
        self.set_text("")

    def open_file(self, path: str) -> Job:
        """Read a dropped file off the GUI thread and decode its text."""
        target = self.compare.left.edit if self.stack.currentIndex() == 1 else self.token_edit
        return run_job(
            lambda job: read_token_file(path),
            target.setPlainText,
            lambda exc: self._show_error(str(exc)),
        )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() or event.mimeData().hasText():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        target = self.compare.left.edit if self.stack.currentIndex() == 1 else self.token_edit
        if accept_drop(event.mimeData(), target.setPlainText, self.open_file):
            event.acceptProposedAction()

    # -- decoding -----------------------------------------------------------------
    def expectations(self, now: int | None = None) -> Expectations:
        """What the token is checked against, from the fields and the profile."""
        certificate = self.certificate.certificate()
        uid, account = typed_user(self.uid_edit.text())
        return Expectations(
            certificate=certificate,
            channel=self.channel_edit.text() or None,
            uid=uid,
            account=account,
            app_id=self.certificate.expected_app_id(),
            now=now,
            error=self.error_edit.text().strip() or None,
        )

    def language_changed(self) -> None:
        """The window's language changed: the checks and the verdict are the core's words."""
        if self.token_edit.toPlainText().strip():
            self.decode_now()

    def decode_now(self) -> None:
        """Decode the input, refresh the tree and the checks (the keystroke path).

        Real tokens decode here in microseconds; one that inflates far beyond any
        real token (:func:`needs_background`) is decoded off the GUI thread ("Decoding…").
        """
        self._debounce.stop()
        now, text = self.clock(), self.token_edit.toPlainText()
        expect, plan = self.expectations(now), self.certificate.plan()
        self._generation += 1
        generation = self._generation

        def work(job: Job | None) -> Decoded:
            # CPU time of the decoding thread: a loaded machine must not make a
            # real token look slow and stop its one-second re-check.
            started = time.thread_time()
            result = diagnose_input(text, expect, plan)
            tree = None
            if isinstance(result, DecodedToken):
                try:
                    tree = limit_children(to_tree(result))
                except Exception as exc:  # a core bug must still not become a dialog
                    result = Unreadable(
                        translate(
                            "InspectTab", "cannot show this token (internal error {error})"
                        ).format(error=type(exc).__name__)
                    )
            return Decoded(result, tree, time.thread_time() - started)

        if self._job is not None:
            self._job.cancel()
            self._job = None
        if not needs_background(text):
            self._arrived(generation, now, work(None))
            return
        self._job = run_job(work, lambda d: self._arrived(generation, now, d), self._failed)
        self._show_error("")
        self.summary_label.setText(translate("InspectTab", "Decoding…"))

    def _failed(self, exc: BaseException) -> None:
        self._show_error(
            translate("InspectTab", "cannot decode this input (internal error {error})").format(
                error=type(exc).__name__
            )
        )

    def _arrived(self, generation: int, now: int, decoded: Decoded) -> None:
        if generation != self._generation or generation == self._applied:
            return  # a newer input is on its way, or this one is shown already
        self._applied = generation
        self._job = None
        self.decode_seconds = decoded.seconds
        result = decoded.result
        if not isinstance(result, DecodedToken) or decoded.tree is None:
            self.decoded = None
            # What a damaged token still shows (often its App ID) stays in the tree.
            partial = result.partial if isinstance(result, Unreadable) else None
            if partial is not None:
                self.model.set_root(partial, now)
            else:
                self.model.clear()
            self._set_timeline([], now)
            self.copy_cleaned_button.setEnabled(False)
            self.checks.show_verdict(None)
            self.rebuild_button.show_for(None)
            self._show_error(result.reason if isinstance(result, Unreadable) else "")
            self.checks.show_rows([])
            set_text_tone(self.summary_label, None)
            self.summary_label.setText(translate("InspectTab", "Checks appear here"))
            self._set_actions_enabled(False)
            self._tick.stop()
            return
        self.decoded = result
        self._show_error("")
        self._reset_pending = False
        self.model.set_root(decoded.tree, now)
        self._set_timeline(moments(decoded.tree), now)
        self.copy_cleaned_button.setEnabled(bool(result.cleaned))
        self.checks.show_verdict(result.verdict, result.signed_by)
        self.rebuild_button.show_for(result)
        if self._reset_pending:
            self.tree_view.expandAll()
        self.checks.show_rows(check_rows(result, self.certificate.note()))
        self._set_actions_enabled(True)
        if not self._tick.isActive():
            self._tick.start()
        self.certificate.ensure(result.app_id)

    def _recheck_times(self) -> None:
        if self.decoded is None:
            self._tick.stop()
            return
        self.timeline.set_now(self.clock())
        text = self.token_edit.toPlainText()
        # Decided by size, not by a measured time: on a busy machine a real token
        # can take 10 ms too, and its expiry must still turn red.
        if needs_background(text):
            return  # a slow input: the tree's times still tick (the model does that)
        expect = self.expectations(self.clock())
        result = diagnose_input(text, expect, self.certificate.plan())
        if isinstance(result, DecodedToken):
            self.decoded = result
            self.checks.show_rows(check_rows(result, self.certificate.note()))
            self.checks.show_verdict(result.verdict, result.signed_by)

    def _show_error(self, message: str) -> None:
        self.error_message = message
        self.error_label.show_reason(message)

    @property
    def rows(self) -> list[CheckRow]:
        return self.checks.rows

    # -- certificate ------------------------------------------------------------------
    def _certificate_changed(self, recheck: bool) -> None:
        self._update_certificate_label()
        if recheck:
            self.decode_now()
        elif self.decoded is not None:
            self.checks.show_rows(check_rows(self.decoded, self.certificate.note()))

    def _profile_changed(self, *_: object) -> None:
        self.certificate.reset()
        self._update_certificate_label()
        if self.decoded is not None or self.error_message:
            self.decode_now()

    def _update_certificate_label(self) -> None:
        self.certificate_label.setText(self.certificate.label_text())

    # -- copy / export ------------------------------------------------------------------
    def _context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(self.copy_action)
        menu.addAction(self.copy_row_action)
        menu.addSeparator()
        menu.addAction(self.expand_action)
        menu.addAction(self.collapse_action)
        menu.addSeparator()
        menu.addAction(self.copy_json_action)
        menu.addAction(self.export_action)
        menu.exec(self.tree_view.viewport().mapToGlobal(pos))

    def _selected(self) -> QModelIndex:
        index = self.tree_view.currentIndex()
        if not index.isValid():
            self.context.status(translate("InspectTab", "Select a row to copy"))
        return index

    def copy_selected(self) -> None:
        """Copy the selected row's raw value (no token or secret is in the tree)."""
        index = self._selected()
        if index.isValid():
            self.context.copy(str(index.data(COPY_ROLE)), secret=False)

    def copy_selected_row(self) -> None:
        index = self._selected()
        if index.isValid():
            label = index.siblingAtColumn(FIELD_COLUMN).data()
            self.context.copy(f"{label}: {index.data(COPY_ROLE)}", secret=False)

    def copy_cleaned(self) -> None:
        """The token as the SDK needs it, after the paste clean-up (a secret: cleared later)."""
        if self.decoded is not None and self.decoded.token:
            self.context.copy(self.decoded.token, secret=True)

    # -- compare ------------------------------------------------------------------------
    def show_compare(self) -> None:
        """Open the compare page with this token on side A."""
        text = self.token_edit.toPlainText()
        if text.strip() and not self.compare.left.edit.toPlainText().strip():
            self.compare.left.edit.setPlainText(text)
        self.compare_mode_button.setChecked(True)
        self.stack.setCurrentIndex(1)
        self.compare.compare_now()

    def show_inspect(self) -> None:
        self.inspect_mode_button.setChecked(True)
        self.stack.setCurrentIndex(0)

    # -- tab protocol ------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.model.set_live(True)
        if self.decoded is not None:
            self.model.refresh_times()
            self._recheck_times()
            self._tick.start()

    def hideEvent(self, event: QHideEvent) -> None:
        # Nothing to tick for while another tab is in front.
        super().hideEvent(event)
        self._tick.stop()
        self.model.set_live(False)

    def default_action(self) -> None:
        if self.stack.currentIndex() == 1:
            self.compare.compare_now()
        else:
            self.decode_now()

    def shutdown(self) -> None:
        if self._job is not None:
            self._job.cancel()
        self._generation += 1  # a decode still running is dropped
        self._debounce.stop()
        self._tick.stop()
        self.model.set_live(False)
        self.compare.shutdown()
        self.certificate.cancel()
