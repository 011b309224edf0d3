"""The Test request tab: build a REST request the way Agora's docs say, send it, explain the answer.

The tab wires three collaborators — the form, the response view and the
history panel — and runs the send. Nothing here blocks the GUI thread:
credentials come through ``context.credentials_async`` and the request runs
in a job (:func:`agora_desk.gui.jobs.run_job`) that also pretty-prints the
body and builds its tree, so a 20 MB answer costs the GUI thread only the
kept, display-sized part. Cancel stops the transport through the job's event.

History entries hold no secret: tokens and the Customer Secret are rebuilt
from the profile (or pasted again) on replay.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from dataclasses import replace
from enum import Enum
from pathlib import Path
from typing import Final

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from agora_desk.core import rest
from agora_desk.core.credentials import Credentials
from agora_desk.core.diagnostics import Candidate
from agora_desk.core.errors import AgoraDeskError, InputError
from agora_desk.core.redact import redact_json, scrub
from agora_desk.core.rest import AuthScheme
from agora_desk.core.rest.signature import candidates
from agora_desk.gui.context import (
    APP_CERTIFICATE,
    APP_CERTIFICATE_SECONDARY,
    CUSTOMER_SECRET,
    AppContext,
)
from agora_desk.gui.jobs import Job, run_job
from agora_desk.gui.request.form import GENERATE, PASTE, RequestForm
from agora_desk.gui.request.history_panel import HistoryPanel
from agora_desk.gui.request.response_view import Outcome, ResponseView
from agora_desk.gui.translation import QT_TRANSLATE_NOOP, translate
from agora_desk.gui.widgets import failure_message
from agora_desk.gui.widgets.forms import scrolling
from agora_desk.secrets.fields import LABELS
from agora_desk.secrets.profiles import Profile

ERROR_TITLE: Final = QT_TRANSLATE_NOOP("Tabs", "Test request")
PASTED: Final = "pasted"  # HistoryEntry.token_source of a pasted token


class State(str, Enum):
    IDLE = "idle"
    RESOLVING = "resolving"  # reading credentials
    SENDING = "sending"


def default_history_path(context: AppContext) -> Path:
    """Beside the profiles file: one configuration folder for the app."""
    return context.config_file(rest.HISTORY_FILE)


def preload_transport() -> None:
    """Import what Send uses (in a plain thread: nothing of Qt to outlive the window)."""
    from agora_desk.net import failover, http  # noqa: F401


class RequestTab(QWidget):
    """Method, URL, auth, headers, body → Send / Cancel → status, time, headers, body, why."""

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        history_path: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.history_path = history_path or default_history_path(context)
        self.job: Job | None = None  # the credentials or the send job in flight
        self._curl_job: Job | None = None  # credentials for Copy as curl
        self.state = State.IDLE
        self.last_outcome: Outcome | None = None
        self.last_error: str = ""
        # Shows the last transport failure again (its explanation is the core's words).
        self._show_again: Callable[[], None] | None = None
        self.last_curl: str = ""
        self._generation = 0
        self.form = RequestForm(*self._settings_values())
        self.response = ResponseView()
        self.history_panel = HistoryPanel(rest.history_file(self.history_path), context.status)
        self._build_ui()
        self._settings_seen = self._settings_values()
        self._connect()
        self._set_state(State.IDLE)
        self.check()
        # The HTTPS transport (httpx) takes a noticeable time to import: load it
        # off the GUI thread now, so the first Send does not stall the window.
        threading.Thread(target=preload_transport, name="preload-transport", daemon=True).start()

    def _build_ui(self) -> None:
        outer = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        outer.addWidget(splitter, 1)

        scroll = scrolling(self.form, frame=True)
        request_side = QWidget()
        rlayout = QVBoxLayout(request_side)
        rlayout.setContentsMargins(0, 0, 0, 0)
        rlayout.addWidget(scroll, 1)
        self.send_button = QPushButton(translate("RequestTab", "Sen&d"))
        self.send_button.setToolTip(translate("RequestTab", "Send the request (Ctrl+Enter)"))
        self.send_button.setDefault(True)
        self.cancel_button = QPushButton(translate("RequestTab", "Cancel"))
        self.form.request_line.addWidget(self.send_button)
        self.form.request_line.addWidget(self.cancel_button)
        buttons = QHBoxLayout()
        self.curl_button = QPushButton(translate("RequestTab", "Cop&y as curl"))
        self.reveal_check = QCheckBox(translate("RequestTab", "with secrets"))
        self.reveal_check.setToolTip(
            translate(
                "RequestTab",
                "Off: the command uses $AGORA_CUSTOMER_ID, $AGORA_CUSTOMER_SECRET and "
                "$AGORA_TOKEN. On: the real values (the clipboard is cleared after a while).",
            )
        )
        for w in (self.curl_button, self.reveal_check):
            buttons.addWidget(w)
        buttons.addStretch(1)
        rlayout.addLayout(buttons)
        splitter.addWidget(request_side)

        response_side = QWidget()
        resp = QVBoxLayout(response_side)
        resp.addWidget(self.response, 3)
        resp.addWidget(self.history_panel, 1)
        splitter.addWidget(response_side)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)

    def _connect(self) -> None:
        self.form.changed.connect(self.check)
        self.send_button.clicked.connect(self.send)
        self.cancel_button.clicked.connect(self.cancel)
        self.curl_button.clicked.connect(self.copy_curl)
        self.history_panel.replay.connect(self.replay_entry)
        self.history_panel.load.connect(self.load_entry)
        self.context.profileChanged.connect(self._profile_changed)
        self._profile_changed(self.context.profile())

    # -- settings ------------------------------------------------------------------

    def _settings_values(self) -> tuple[str, str, float]:
        settings = self.context.settings
        return (
            str(settings.get("rest_base_url")),
            str(settings.get("rest_ca_file")),
            float(settings.get("rest_timeout_s")),
        )

    def showEvent(self, event: QShowEvent) -> None:
        # Follow a change made in the Settings dialog, unless the fields were edited here.
        current = self._settings_values()
        if current != self._settings_seen and self.form.connection() == self._settings_seen:
            self.form.set_connection(*current)
        self._settings_seen = current
        super().showEvent(event)

    @property
    def expire(self) -> int:
        return int(self.context.settings.get("default_expire_s"))

    # -- tab protocol ------------------------------------------------------------

    def default_action(self) -> None:
        """Ctrl+Enter."""
        self.send()

    def shutdown(self) -> None:
        self._stop_job()
        if self._curl_job is not None:
            # Its callbacks would otherwise reach a closed window.
            self._curl_job.cancel()
            self._curl_job = None

    # -- form ----------------------------------------------------------------------

    def language_changed(self) -> None:
        """The window's language changed: the auth doctor, the profile line, a failure again."""
        self._profile_changed(self.context.profile())
        self.check()
        if self._show_again is not None:
            self._show_again()

    def check(self) -> bool:
        # The App ID is not secret: a pasted token of another project is named while typing.
        profile = self.context.profile()
        app_id = profile.app_id if profile is not None else self.context.session_ids.get("app_id")
        return self.form.check(self.expire, app_id=app_id or "")

    def _profile_changed(self, profile: Profile | None) -> None:
        if profile is None:
            self.form.profile_label.setText(
                translate(
                    "RequestTab",
                    "No profile: the App ID / Certificate and Customer ID / Secret typed in the "
                    "other tabs for this session are used.",
                )
            )
        else:
            customer = profile.customer_id or translate("RequestTab", "none")
            self.form.profile_label.setText(
                translate(
                    "RequestTab",
                    "Profile “{name}”: App ID {app_id}, Customer ID {customer}. "
                    "Secrets are read from the keyring when you send.",
                ).format(name=profile.name, app_id=profile.app_id, customer=customer)
            )
        self.check()

    # -- send / cancel ---------------------------------------------------------------

    def _set_state(self, state: State) -> None:
        self.state = state
        busy = state is not State.IDLE
        self.send_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        self.history_panel.replay_button.setEnabled(not busy)
        if state is State.RESOLVING:
            self.response.show_busy(translate("RequestTab", "Reading credentials…"))
        elif state is State.SENDING:
            self.response.show_busy(translate("RequestTab", "Sending…"))

    @staticmethod
    def _need_set(spec: rest.RequestSpec, *, standins: bool) -> set[str]:
        need = rest.needs(spec, standins=standins)
        wanted: set[str] = set()
        if rest.NEED_APP_CERTIFICATE in need:
            wanted.add(APP_CERTIFICATE)
        if rest.NEED_CUSTOMER_SECRET in need:
            wanted.add(CUSTOMER_SECRET)
        return wanted

    def send(self) -> None:
        if self.state is not State.IDLE:
            return
        self.form.flush_check()
        try:
            spec = self.form.spec(self.expire)
            need = self._need_set(spec, standins=False)
        except InputError as exc:
            self.check()
            self._show_failure(str(exc))
            return
        # The tab never writes Settings: what is typed here is for this request only.
        self._generation += 1
        generation = self._generation
        self._set_state(State.RESOLVING)
        self.job = self.context.credentials_async(
            need,
            lambda creds: self._credentials_ready(generation, spec, creds),
            lambda exc: self._credentials_failed(generation, exc),
        )

    def _credentials_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._set_state(State.IDLE)
        message = failure_message(exc, translate("RequestTab", "reading the credentials"))
        self._show_failure(message)
        self.context.report_error(ERROR_TITLE, message)

    def _credentials_ready(
        self, generation: int, spec: rest.RequestSpec, creds: Credentials
    ) -> None:
        if generation != self._generation:
            return
        if spec.pasted_token is not None and spec.scheme.uses_token and creds.profile:
            # Which of the profile's certificates signed the pasted token (REST takes only
            # the primary's); a keyring that cannot say does not stop the request.
            self.job = self.context.credentials_async(
                {APP_CERTIFICATE, APP_CERTIFICATE_SECONDARY},
                lambda certs: self._assemble_and_send(generation, spec, creds, candidates(certs)),
                lambda _exc: self._assemble_and_send(generation, spec, creds, []),
            )
            return
        self._assemble_and_send(generation, spec, creds, [])

    def _assemble_and_send(
        self,
        generation: int,
        spec: rest.RequestSpec,
        creds: Credentials,
        signers: list[Candidate],
    ) -> None:
        if generation != self._generation:
            return
        try:
            built = _assemble(spec, creds, standins=False, signers=signers)
            prepared = rest.prepare(built.request)
        except AgoraDeskError as exc:
            self._set_state(State.IDLE)
            self._show_failure(_with_hint(exc, creds))
            return
        found = rest.signature_issues(built.signature)
        if found:  # beside the token field, where the doctor's other findings are
            self.form.token_info.set_message("warning", " ".join(i.sentence() for i in found))
        self._start_send(generation, spec, built, prepared, creds.profile)

    def _start_send(
        self,
        generation: int,
        spec: rest.RequestSpec,
        built: rest.Assembled,
        prepared: rest.Prepared,
        profile: str | None,
    ) -> None:
        from agora_desk.net import failover, http

        _base, ca_file, timeout = self.form.connection()
        options = http.Options(timeout=timeout, ca_file=ca_file or None)
        failure = rest.Failure(
            scheme=built.request.auth.scheme,
            token=built.token or None,
            app_id=built.params.app_id or None,
            preset=spec.preset,
            params=built.params,
            timeout=options.timeout,
            signature=built.signature,
        )

        sent = rest.request_text(prepared)
        self.response.show_sent(sent)

        tries: list[str] = []  # failover's log, filled by the worker, read after it ends
        use_failover = self.form.failover_check.isChecked()
        request = built.request

        def work(job: Job) -> Outcome:
            if use_failover:
                response, sent_as = failover.send(
                    request, options, log=tries.append, cancel=job.cancelled
                )
            else:
                response, sent_as = http.send(prepared, options, cancel=job.cancelled), prepared
            view = rest.body_view(
                response.body, response.content_type, truncated=response.truncated
            )
            # A server that echoes the request reflects its credentials: never shown.
            view = replace(
                view,
                text=scrub(view.text, sent_as.secrets),
                json=redact_json(view.json, sent_as.secrets),
            )
            tree = rest.json_tree(view.json) if view.is_json else None
            explanation = rest.explain(
                replace(
                    failure,
                    status=response.status,
                    headers=response.headers_dict(),
                    body=view.value,
                )
            )
            if explanation:
                explanation = scrub(explanation, prepared.secrets)
            shown = rest.request_text(sent_as) if sent_as is not prepared else sent
            return Outcome(response, view, tree, explanation, shown, tuple(tries))

        def done(outcome: Outcome) -> None:
            if generation != self._generation:
                return
            self._set_state(State.IDLE)
            self.last_outcome = outcome
            self.last_error = ""
            self._show_again = None
            self.response.show_outcome(outcome)
            self._remember(
                spec,
                built,
                profile,
                status=outcome.response.status,
                elapsed_ms=outcome.response.elapsed_ms,
            )

        def failed(exc: BaseException) -> None:
            if generation != self._generation:
                return
            self._set_state(State.IDLE)
            if isinstance(exc, http.TransportError):

                def show() -> None:  # again on a language switch: the core's explanation
                    explanation = rest.explain(replace(failure, kind=exc.kind, detail=exc.detail))
                    if tries:
                        explanation = translate(
                            "RequestTab", "{explanation} Tries: {tries}."
                        ).format(explanation=explanation, tries="; ".join(tries))
                    self._show_failure(
                        scrub(str(exc), prepared.secrets), explanation, elapsed_ms=exc.elapsed_ms
                    )
                    self._show_again = show

                show()
                self._remember(spec, built, profile, outcome=exc.kind.value)
                return
            message = failure_message(exc, translate("RequestTab", "the request"))
            self._show_failure(scrub(message, prepared.secrets))

        self._set_state(State.SENDING)
        self.job = run_job(work, done, failed)

    def cancel(self) -> None:
        if self.state is State.IDLE:
            return
        self._stop_job()
        self._set_state(State.IDLE)
        self.response.show_cancelled()
        self.context.status(translate("RequestTab", "Request cancelled"))

    def _stop_job(self) -> None:
        self._generation += 1  # late callbacks of the old job are ignored
        if self.job is not None:
            self.job.cancel()
            self.job = None

    def _show_failure(
        self, message: str, explanation: str | None = None, elapsed_ms: float | None = None
    ) -> None:
        self.last_outcome = None
        self.last_error = message
        self._show_again = None
        self.response.show_failure(message, explanation, elapsed_ms)

    # -- copy as curl ----------------------------------------------------------------------

    def copy_curl(self) -> None:
        reveal = self.reveal_check.isChecked()
        try:
            spec = self.form.spec(self.expire)
            need = self._need_set(spec, standins=not reveal)
        except InputError as exc:
            self._show_failure(str(exc))
            return
        _base, ca_file, timeout = self.form.connection()

        def ready(creds: Credentials) -> None:
            try:
                built = _assemble(spec, creds, standins=not reveal)
                text = rest.curl_command(
                    rest.prepare(built.request),
                    built.curl_auth,
                    reveal=reveal,
                    ca_file=ca_file or None,
                    timeout=timeout,
                )
            except AgoraDeskError as exc:
                self._show_failure(_with_hint(exc, creds))
                return
            self.last_curl = text
            self.context.copy(text, secret=reveal)

        def failed(exc: BaseException) -> None:
            self.context.report_error(
                ERROR_TITLE,
                failure_message(exc, translate("RequestTab", "reading the credentials")),
            )

        if self._curl_job is not None:
            self._curl_job.cancel()
        self._curl_job = self.context.credentials_async(need, ready, failed)

    # -- history -----------------------------------------------------------------------------

    def _remember(
        self,
        spec: rest.RequestSpec,
        built: rest.Assembled,
        profile: str | None,
        *,
        status: int | None = None,
        elapsed_ms: float | None = None,
        outcome: str = "",
    ) -> None:
        request = built.request
        if spec.custom:
            # The template ({app_id}), not the filled path: replay may use another profile.
            request = replace(request, path=spec.path)
        if spec.body is not None:
            # The editor's body (no token in it), not the one the preset filled in.
            request = replace(request, body=spec.body)
        try:
            entry = rest.history_entry(
                request,
                params=replace(built.params, app_id=""),
                token_source=built.token_source or "profile",
                profile=profile,
                status=status,
                elapsed_ms=elapsed_ms,
                outcome=outcome,
            )
        except rest.SecretInHistory as exc:
            self.context.status(str(exc))
            return
        self.history_panel.add(entry)

    @property
    def history(self) -> list[rest.HistoryEntry]:
        return self.history_panel.entries

    def load_entry(self, entry: rest.HistoryEntry) -> None:
        """Fill the form from a history entry; secrets come back from the profile on Send."""
        form = self.form
        form.set_preset(entry.preset)
        if not entry.preset:
            form.method_combo.setCurrentText(entry.method)
            form.path_edit.setText(entry.path)
        form.base_url_edit.setText(entry.base_url)
        with contextlib.suppress(ValueError):
            form.set_scheme(AuthScheme(entry.scheme))
        form.set_params(entry.params)
        form.set_headers(entry.headers)
        form.set_body(entry.body)
        form.set_token_source(PASTE if _was_pasted(entry) else GENERATE)
        form.token_field.setText("")
        self.check()
        if _was_pasted(entry):
            form.token_info.set_message(
                "warning",
                translate("RequestTab", "Paste the token again: pasted tokens are never saved."),
            )

    def replay_entry(self, entry: rest.HistoryEntry) -> None:
        self.load_entry(entry)
        if _was_pasted(entry):
            return  # nothing to send with until the token is pasted again
        self.send()


def _assemble(
    spec: rest.RequestSpec,
    creds: Credentials,
    *,
    standins: bool,
    signers: list[Candidate] | None = None,
) -> rest.Assembled:
    return rest.assemble(
        spec,
        app_id=creds.app_id,
        app_certificate=creds.app_certificate,
        customer_id=creds.customer_id,
        customer_secret=creds.customer_secret,
        standins=standins,
        signers=signers or (),
    )


def _was_pasted(entry: rest.HistoryEntry) -> bool:
    return entry.token_source in (PASTE, PASTED)


def _with_hint(exc: AgoraDeskError, creds: Credentials) -> str:
    """The message; when a typed credential is missing, where to type it."""
    missing = isinstance(exc, InputError) and exc.field in set(LABELS.values())
    if creds.profile is None and missing:
        return translate(
            "RequestTab",
            "{message} (choose a profile, or type the credentials in the RTC token / Basic "
            "credential tab)",
        ).format(message=str(exc))
    return str(exc)
