"""Where Inspect's App Certificate comes from: typed, the profile's, or any saved profile's.

The profile's certificates are read from the keyring off the GUI thread, once
per profile, and only when a token first needs them. With no profile
selected, the certificates of every saved profile whose App ID is the
token's are read the same way and tried, as ``agora-desk decode`` does, so
the verdict can name the profile that signed it. :class:`CertificateSource`
holds that small state machine; the tab asks it for the certificate, the
plan of signers, the expected App ID, the line under the field and the
checks-list note, and hears back through ``on_change``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

from agora_desk.core.credentials import Credentials
from agora_desk.core.diagnostics import Candidate, SignerLookup
from agora_desk.core.errors import AgoraDeskError
from agora_desk.core.secret import Secret
from agora_desk.core.validation import check_hex32
from agora_desk.gui.context import APP_CERTIFICATE, APP_CERTIFICATE_SECONDARY, AppContext
from agora_desk.gui.inspect.checks import CheckRow, RowState
from agora_desk.gui.jobs import Job, run_job
from agora_desk.gui.translation import QT_TRANSLATE_NOOP, translate

_TYPE_CERT_FIX = QT_TRANSLATE_NOOP(
    "CertificateSource", "Type the App Certificate above to verify the signature for this session."
)


class CertState(Enum):
    IDLE = "idle"  # not asked for yet (or the profile changed)
    LOADING = "loading"  # a keyring read is running
    READY = "ready"  # read (it may still be absent)
    FAILED = "failed"  # the keyring read failed


class SavedProfilesUnreadable(AgoraDeskError):
    """The keyring would not give the saved profiles' certificates."""


class SavedSigners:
    """The saved profiles as the diagnosis asks for them, from what was already read.

    A :class:`SignerLookup` that never touches the disk or the keyring, so a
    decode may use it on any thread: the profile list is a snapshot and the
    certificates are those :class:`CertificateSource` read off the GUI thread.
    """

    def __init__(
        self,
        profiles: Sequence[tuple[str, str]],
        read: Mapping[str, tuple[Candidate, ...] | str],
    ) -> None:
        self._profiles = tuple(profiles)
        self._read = dict(read)

    def profiles_with(self, app_id: str) -> Sequence[str]:
        key = app_id.lower()
        return [name for name, profile_app_id in self._profiles if profile_app_id.lower() == key]

    def candidates(self, app_id: str) -> Sequence[Candidate]:
        found = self._read.get(app_id.lower(), ())
        if isinstance(found, str):
            raise SavedProfilesUnreadable(found)
        return found


@dataclass(frozen=True)
class SignerPlan:
    """What a decode tries: these certificates in turn (None: the expected one), and the lookup."""

    signers: tuple[Candidate, ...] | None
    lookup: SignerLookup | None


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
        # Saved profiles (name, App ID), read once per reset; their certificates
        # by lower-case App ID: the candidates, or why they could not be read.
        self._profiles: tuple[tuple[str, str], ...] | None = None
        self._saved: dict[str, tuple[Candidate, ...] | str] = {}
        self._saved_loading: str | None = None
        self._saved_job: Job | None = None

    # -- answers ------------------------------------------------------------------
    def typed(self) -> tuple[Secret | None, str]:
        """(certificate, problem) from the password field."""
        typed = self._typed_text().strip()
        if not typed:
            return None, ""
        issues = check_hex32(translate("CertificateSource", "App Certificate"), typed, secret=True)
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
        name = creds.profile
        if name is None:
            return None  # a certificate typed for the session: the expected one
        found = [
            Candidate(cert, name, which)
            for cert, which in (
                (creds.app_certificate, "primary"),
                (creds.app_certificate_secondary, "secondary"),
            )
            if cert is not None
        ]
        return tuple(found) or None

    def plan(self) -> SignerPlan:
        """The signers to try and the saved profiles, for one decode (cheap: no I/O)."""
        typed, problem = self.typed()
        if typed is not None or problem:
            return SignerPlan(None, None)  # the typed certificate alone, as with the CLI's
        read = self._saved if self._searches_saved() else {}
        return SignerPlan(self.signers(), SavedSigners(self._saved_profiles(), read))

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
                translate("CertificateSource", "certificate"),
                translate("CertificateSource", "the App Certificate you typed {problem}").format(
                    problem=problem
                ),
                translate(
                    "CertificateSource", "Copy the 32-character App Certificate from Agora Console."
                ),
            )
        if typed is not None:
            return None
        name = self.profile_name()
        if self._saved_loading is not None and self._searches_saved():
            shown = ", ".join(repr(n) for n in self._names_with(self._saved_loading))
            return CheckRow(
                RowState.INFO,
                translate("CertificateSource", "signature"),
                translate(
                    "CertificateSource", "reading the App Certificates of saved profile {shown}…"
                ).format(shown=shown),
            )
        if self.state is CertState.LOADING:
            who = (
                translate("CertificateSource", "profile {name!r}").format(name=name)
                if name
                else translate("CertificateSource", "the session")
            )
            return CheckRow(
                RowState.INFO,
                translate("CertificateSource", "signature"),
                translate("CertificateSource", "reading the App Certificate of {who}…").format(
                    who=who
                ),
            )
        if self.state is CertState.FAILED:
            return CheckRow(
                RowState.WARNING,
                translate("CertificateSource", "signature"),
                translate(
                    "CertificateSource",
                    "not verified: the App Certificate could not be read ({error})",
                ).format(error=self._error),
                translate("CertificateSource", _TYPE_CERT_FIX),
            )
        if self.state is CertState.READY and (
            self._creds is None
            or (
                self._creds.app_certificate is None
                and self._creds.app_certificate_secondary is None
            )
        ):
            why = (
                translate("CertificateSource", "profile {name!r} has no App Certificate").format(
                    name=name
                )
                if name
                else translate("CertificateSource", "no profile is selected")
            )
            return CheckRow(
                RowState.INFO,
                translate("CertificateSource", "signature"),
                translate("CertificateSource", "not verified: {why}").format(why=why),
                translate(
                    "CertificateSource",
                    "Type the App Certificate above, or select a profile that has one.",
                ),
            )
        if self.state is CertState.IDLE:
            return CheckRow(
                RowState.INFO,
                translate("CertificateSource", "signature"),
                translate("CertificateSource", "not verified yet"),
            )
        return None

    def label_text(self) -> str:
        """The line under the certificate field."""
        typed, problem = self.typed()
        name = self.profile_name()
        if typed is not None or problem:
            return translate(
                "CertificateSource", "Verifying with the certificate typed for this session."
            )
        if self.state is CertState.LOADING:
            return translate("CertificateSource", "Reading the App Certificate of the profile…")
        if self.state is CertState.FAILED:
            return translate(
                "CertificateSource",
                "The profile's App Certificate could not be read: type it to verify.",
            )
        if name:
            return translate(
                "CertificateSource", "Verifying with the App Certificate of profile {name!r}."
            ).format(name=name)
        return translate(
            "CertificateSource",
            "No profile selected: the saved profiles with the token's App ID are tried, "
            "or type an App Certificate.",
        )

    # -- transitions ---------------------------------------------------------------
    def ensure(self, app_id: str = "") -> None:
        """Read the certificates a token of ``app_id`` needs, once, off the GUI thread."""
        typed, problem = self.typed()
        if typed is not None or problem:
            return
        if self.state is not CertState.IDLE:
            self._ensure_saved(app_id)
            return
        self._generation += 1
        generation = self._generation
        context = self.context
        if (
            context.profile() is None
            and APP_CERTIFICATE not in context.session_secrets
            and not context.session_ids.get("app_id")
        ):
            # Nothing of the session to read: no thread, no second decode.
            self._ready(generation, Credentials(profile=None))
            self._ensure_saved(app_id)
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
        self._profiles = None
        self._saved = {}

    def cancel(self) -> None:
        for job in (self._job, self._saved_job):
            if job is not None:
                job.cancel()
        self._job = self._saved_job = None
        self._saved_loading = None
        self._generation += 1

    # -- the saved profiles of the token's App ID ------------------------------------
    def _searches_saved(self) -> bool:
        """True when nothing else is meant: no typed certificate, profile or session one."""
        typed, problem = self.typed()
        if typed is not None or problem or self.context.profile() is not None:
            return False
        return self.state is CertState.READY and self.certificate() is None

    def _saved_profiles(self) -> tuple[tuple[str, str], ...]:
        if self._profiles is None:
            try:
                listed = self.context.profiles.list()
            except AgoraDeskError:
                listed = []  # a damaged profiles file: the Profiles dialog says why
            self._profiles = tuple((p.name, p.app_id) for p in listed if p.app_id)
        return self._profiles

    def _names_with(self, app_id: str) -> list[str]:
        return list(SavedSigners(self._saved_profiles(), {}).profiles_with(app_id))

    def _ensure_saved(self, app_id: str) -> None:
        key = app_id.lower()
        if not key or not self._searches_saved() or key in self._saved:
            return
        if self._saved_loading == key:
            return
        names = self._names_with(app_id)
        if not names:
            return
        if self._saved_job is not None:
            self._saved_job.cancel()
        generation = self._generation
        store = self.context.profiles

        def work(job: Job) -> tuple[Candidate, ...]:
            found: list[Candidate] = []
            for name in names:
                for which, secret in (
                    ("primary", store.app_certificate(name)),
                    ("secondary", store.secret(name, APP_CERTIFICATE_SECONDARY)),
                ):
                    if secret is not None:
                        found.append(Candidate(secret, name, which))
            return tuple(found)

        self._saved_loading = key
        self._saved_job = run_job(
            work,
            lambda found: self._saved_ready(generation, key, found),
            lambda exc: self._saved_ready(generation, key, _reason(exc)),
        )
        self._on_change(False)

    def _saved_ready(self, generation: int, key: str, found: tuple[Candidate, ...] | str) -> None:
        if generation != self._generation:
            return  # the profiles changed meanwhile
        self._saved_job = None
        self._saved_loading = None
        self._saved[key] = found
        self._on_change(True)

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
        self._error = _reason(exc)
        self._on_change(True)


def _reason(exc: BaseException) -> str:
    # Keyring errors are built from fixed text, never from the secret.
    return str(exc) if isinstance(exc, AgoraDeskError) else type(exc).__name__
