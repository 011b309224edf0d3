"""Where Inspect's App Certificate comes from: typed for the session, or the profile's.

The profile's certificate is read from the keyring off the GUI thread, once
per profile, and only when a token first needs it. :class:`CertificateSource`
holds that small state machine; the tab asks it for the certificate, the
expected App ID, the line under the field and the checks-list note, and
hears back through ``on_change``.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from agora_desk.core.credentials import Credentials
from agora_desk.core.diagnostics import Candidate
from agora_desk.core.errors import AgoraDeskError
from agora_desk.core.secret import Secret
from agora_desk.core.validation import check_hex32
from agora_desk.gui.context import APP_CERTIFICATE, APP_CERTIFICATE_SECONDARY, AppContext
from agora_desk.gui.inspect.checks import CheckRow, RowState
from agora_desk.gui.jobs import Job

_TYPE_CERT_FIX = "Type the App Certificate above to verify the signature for this session."


class CertState(Enum):
    IDLE = "idle"  # not asked for yet (or the profile changed)
    LOADING = "loading"  # a keyring read is running
    READY = "ready"  # read (it may still be absent)
    FAILED = "failed"  # the keyring read failed


class CertificateSource:
    """The certificate and expected App ID Inspect checks against.

    ``typed`` returns the text of the password field. ``on_change(recheck)``
    is called when the answer changes: ``recheck`` is True when the
    expectations changed (decode again), False when only the note did.
    """

    def __init__(
        self,
        context: AppContext,
        typed: Callable[[], str],
        on_change: Callable[[bool], None],
    ) -> None:
        self.context = context
        self._typed_text = typed
        self._on_change = on_change
        self.state = CertState.IDLE
        self._generation = 0
        self._job: Job | None = None
        self._creds: Credentials | None = None
        self._error = ""

    # -- answers ------------------------------------------------------------------
    def typed(self) -> tuple[Secret | None, str]:
        """(certificate, problem) from the password field."""
        typed = self._typed_text().strip()
        if not typed:
            return None, ""
        issues = check_hex32("App Certificate", typed, secret=True)
        if issues:
            return None, issues[0].message
        return Secret(typed), ""

    def certificate(self) -> Secret | None:
        typed, problem = self.typed()
        if typed is not None or problem:
            return typed
        if self.state is CertState.READY and self._creds is not None:
            return self._creds.app_certificate
        return None

    def signers(self) -> tuple[Candidate, ...] | None:
        """The profile's certificates to try in turn, or None to use :meth:`certificate`.

        A typed certificate is the one the user means: only it is tried.
        """
        typed, problem = self.typed()
        creds = self._creds
        if typed is not None or problem or self.state is not CertState.READY or creds is None:
            return None
        if creds.app_certificate_secondary is None:
            return None
        name = self.profile_name()
        found = [
            Candidate(cert, name, which)
            for cert, which in (
                (creds.app_certificate, "primary"),
                (creds.app_certificate_secondary, "secondary"),
            )
            if cert is not None
        ]
        return tuple(found)

    def expected_app_id(self) -> str | None:
        if self.state is CertState.READY and self._creds is not None and self._creds.app_id:
            return self._creds.app_id
        profile = self.context.profile()
        return (profile.app_id if profile is not None else "") or None

    def profile_name(self) -> str | None:
        profile = self.context.profile()
        return profile.name if profile is not None else None

    def note(self) -> CheckRow | None:
        """Why the signature was not checked (shown when it was not)."""
        typed, problem = self.typed()
        if problem:
            return CheckRow(
                RowState.ERROR,
                "certificate",
                f"the App Certificate you typed {problem}",
                "Copy the 32-character App Certificate from Agora Console.",
            )
        if typed is not None:
            return None
        name = self.profile_name()
        if self.state is CertState.LOADING:
            who = f"profile {name!r}" if name else "the session"
            return CheckRow(RowState.INFO, "signature", f"reading the App Certificate of {who}…")
        if self.state is CertState.FAILED:
            return CheckRow(
                RowState.WARNING,
                "signature",
                f"not verified: the App Certificate could not be read ({self._error})",
                _TYPE_CERT_FIX,
            )
        if self.state is CertState.READY and (
            self._creds is None
            or (
                self._creds.app_certificate is None
                and self._creds.app_certificate_secondary is None
            )
        ):
            why = f"profile {name!r} has no App Certificate" if name else "no profile is selected"
            return CheckRow(
                RowState.INFO,
                "signature",
                f"not verified: {why}",
                "Type the App Certificate above, or select a profile that has one.",
            )
        if self.state is CertState.IDLE:
            return CheckRow(RowState.INFO, "signature", "not verified yet")
        return None

    def label_text(self) -> str:
        """The line under the certificate field."""
        typed, problem = self.typed()
        name = self.profile_name()
        if typed is not None or problem:
            return "Verifying with the certificate typed for this session."
        if self.state is CertState.LOADING:
            return "Reading the App Certificate of the profile…"
        if self.state is CertState.FAILED:
            return "The profile's App Certificate could not be read: type it to verify."
        if name:
            return f"Verifying with the App Certificate of profile {name!r}."
        return "No profile selected: type an App Certificate to verify the signature."

    # -- transitions ---------------------------------------------------------------
    def ensure(self) -> None:
        """Read the profile's certificate once, when a token first needs it."""
        typed, problem = self.typed()
        if typed is not None or problem or self.state is not CertState.IDLE:
            return
        self._generation += 1
        generation = self._generation
        context = self.context
        if (
            context.profile() is None
            and APP_CERTIFICATE not in context.session_secrets
            and not context.session_ids.get("app_id")
        ):
            # Nothing to read: no thread, no second decode.
            self._ready(generation, Credentials(profile=None))
            return
        self.state = CertState.LOADING
        self._job = context.credentials_async(
            {APP_CERTIFICATE, APP_CERTIFICATE_SECONDARY},
            lambda creds: self._ready(generation, creds),
            lambda exc: self._failed(generation, exc),
        )
        self._on_change(False)

    def reset(self) -> None:
        """The profile (or the profiles) changed: forget what was read."""
        self.cancel()
        self.state = CertState.IDLE
        self._creds = None
        self._error = ""

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self._job = None
        self._generation += 1

    def _ready(self, generation: int, creds: Credentials) -> None:
        if generation != self._generation:
            return  # the profile changed meanwhile
        self._job = None
        self.state = CertState.READY
        self._creds = creds
        self._on_change(bool(creds.app_certificate or creds.app_id))

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._job = None
        self.state = CertState.FAILED
        # Keyring errors are built from fixed text, never from the secret.
        self._error = str(exc) if isinstance(exc, AgoraDeskError) else type(exc).__name__
        self._on_change(True)
