"""Saved profiles: a project's App ID and Customer ID under a name.

The non-secret half of a profile lives in a small JSON file; the App
Certificate and Customer Secret live in a :class:`SecretStore` (the OS
keyring by default), keyed by profile name. The file never holds a secret,
so it can be backed up, synced or shown to support staff.

Changes are ordered so that a failure leaves the previous state: everything
is validated first, the secrets are written next (and put back as they were
if anything later fails), and the file is replaced atomically last.
"""

from __future__ import annotations

import builtins
import contextlib
import copy
import logging
import os
import time
from collections.abc import Collection, Iterator, Mapping
from dataclasses import asdict, dataclass, replace
from enum import Enum
from pathlib import Path
from typing import Any, Final

from agora_desk.core.atomic import DIR_MODE
from agora_desk.core.errors import InputError, os_reason
from agora_desk.core.i18n import _
from agora_desk.core.secret import Secret
from agora_desk.secrets.errors import ConfigError, ProfileExists, ProfileNotFound
from agora_desk.secrets.fields import (
    APP_CERTIFICATE,
    APP_CERTIFICATE_SECONDARY,
    CERTIFICATE_KINDS,
    CUSTOMER_SECRET,
    KINDS,
    LABELS,
    Kind,
    check_kind,
    validate_app_id,
    validate_customer_id,
    validate_profile_name,
    validate_secret,
)
from agora_desk.secrets.profile_file import (
    FORMAT_VERSION,
    INDEX_KEY,
    corrupt,
    dump,
    index_of,
    read_doc,
    refuse_secret_in_doc,
    write_doc,
)
from agora_desk.secrets.store import SecretStore

log = logging.getLogger(__name__)

CONFIG_DIR_ENV: Final = "AGORA_DESK_CONFIG_DIR"
CONFIG_FILE: Final = "profiles.json"
NOTES_MAX = 2000
# How long to wait for another agora-desk process (the window, say) to finish
# its change before giving up.
LOCK_TIMEOUT = 15.0


def default_config_dir() -> Path:
    """``$AGORA_DESK_CONFIG_DIR``, else the platform's per-user config dir."""
    override = os.environ.get(CONFIG_DIR_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir("agora-desk", appauthor=False))


def default_config_path() -> Path:
    return default_config_dir() / CONFIG_FILE


class Problem(Enum):
    """What :meth:`ProfileStore.keyring_problems` found."""

    ORPHAN = "orphan"  # a secret in the store, no profile of that name
    MISSING = "missing"  # a profile whose secret was saved but is no longer in the store


@dataclass(frozen=True)
class KeyringProblem:
    profile: str
    secret: Kind
    kind: Problem

    def describe(self) -> str:
        if self.kind is Problem.ORPHAN:
            return (
                f"the keyring holds a {LABELS[self.secret]} for {self.profile!r}, but there is "
                "no such profile (left by an interrupted change)"
            )
        return (
            f"profile {self.profile!r}: its {LABELS[self.secret]} is no longer in the keyring "
            "(deleted outside agora-desk?); save it again with 'profile add --replace'"
        )


@dataclass(frozen=True)
class Profile:
    """The non-secret part of a profile. Holds no secret, so its repr is safe."""

    name: str
    app_id: str
    customer_id: str = ""
    notes: str = ""

    def validate(self) -> Profile:
        """Raises :class:`InputError` naming the first bad field; returns self."""
        validate_profile_name(self.name)
        validate_app_id(self.app_id)
        validate_customer_id(self.customer_id)
        if len(self.notes) > NOTES_MAX:
            raise InputError(
                "notes",
                _("are {count} characters; at most {notes_max}").format(
                    count=len(self.notes), notes_max=NOTES_MAX
                ),
            )
        return self

    def to_json(self) -> dict[str, str]:
        data = asdict(self)
        del data["name"]  # the key in the file
        return data


class ProfileStore:
    """Profiles in ``config_path`` (default :func:`default_config_path`), secrets in ``secrets``.

    ``secrets`` defaults to a :class:`~agora_desk.secrets.keyring_store.KeyringStore`,
    created on first use, so listing profiles never touches the keyring.
    The file is re-read on every call: the window and the CLI may both edit it.
    """

    def __init__(self, config_path: Path | None = None, secrets: SecretStore | None = None) -> None:
        self._path = config_path if config_path is not None else default_config_path()
        self._secrets = secrets

    @property
    def config_path(self) -> Path:
        return self._path

    @property
    def secrets(self) -> SecretStore:
        if self._secrets is None:
            from agora_desk.secrets.keyring_store import KeyringStore

            self._secrets = KeyringStore()
        return self._secrets

    # -- reading ---------------------------------------------------------------

    def list(self) -> list[Profile]:
        _, profiles = self._load()
        return sorted(profiles.values(), key=lambda p: (p.name.casefold(), p.name))

    def names(self) -> builtins.list[str]:
        return [p.name for p in self.list()]

    def get(self, name: str) -> Profile:
        """Raises :class:`ProfileNotFound` (an :class:`InputError`)."""
        _, profiles = self._load()
        return _lookup(profiles, name)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name in self._load()[1]

    def secret(self, name: str, kind: str) -> Secret | None:
        self.get(name)
        return self.secrets.get(name, check_kind(kind))

    def app_certificate(self, name: str) -> Secret | None:
        return self.secret(name, APP_CERTIFICATE)

    def customer_secret(self, name: str) -> Secret | None:
        return self.secret(name, CUSTOMER_SECRET)

    def stored_secrets(self, name: str) -> dict[str, str | None]:
        """``{kind: masked value or None}``: which secrets the profile has, safe to show."""
        self.get(name)
        result: dict[str, str | None] = {}
        for kind in KINDS:
            secret = self.secrets.get(name, kind)
            result[kind] = secret.masked() if secret else None
        return result

    # -- changing --------------------------------------------------------------

    def add(
        self,
        profile: Profile,
        app_certificate: Secret | None = None,
        customer_secret: Secret | None = None,
        replace: bool = False,
        app_certificate_secondary: Secret | None = None,
    ) -> None:
        """Save a new profile; with ``replace``, redefine an existing one entirely.

        A secret not given is not kept: replacing a profile without a
        Customer Secret removes the old Customer Secret.
        """
        profile.validate()
        wanted = _checked_secrets(
            profile,
            {
                APP_CERTIFICATE: app_certificate,
                APP_CERTIFICATE_SECONDARY: app_certificate_secondary,
                CUSTOMER_SECRET: customer_secret,
            },
        )
        with self._locked(create=True):
            doc, profiles = self._load_for_change()
            original = copy.deepcopy(doc)
            if profile.name in profiles and not replace:
                raise ProfileExists(profile.name)
            doc["profiles"][profile.name] = profile.to_json()
            self._commit(profile.name, original, doc, wanted)

    def update(
        self,
        name: str,
        *,
        app_id: str | None = None,
        customer_id: str | None = None,
        notes: str | None = None,
        app_certificate: Secret | None = None,
        customer_secret: Secret | None = None,
        remove_secrets: Collection[str] = (),
        app_certificate_secondary: Secret | None = None,
    ) -> Profile:
        """Change some fields of a profile; what is not mentioned stays as it is."""
        removing = {check_kind(kind) for kind in remove_secrets}
        given: dict[Kind, Secret | None] = {
            APP_CERTIFICATE: app_certificate,
            APP_CERTIFICATE_SECONDARY: app_certificate_secondary,
            CUSTOMER_SECRET: customer_secret,
        }
        for kind in removing:
            if given[kind] is not None:
                raise InputError(LABELS[kind], _("cannot be both given and removed"))
        with self._locked():
            doc, profiles = self._load_for_change()
            original = copy.deepcopy(doc)
            current = _lookup(profiles, name)
            updated = replace(
                current,
                app_id=current.app_id if app_id is None else app_id,
                customer_id=current.customer_id if customer_id is None else customer_id,
                notes=current.notes if notes is None else notes,
            ).validate()
            wanted = _checked_secrets(updated, {k: v for k, v in given.items() if v is not None})
            wanted.update(dict.fromkeys(removing))
            # Keep keys a newer version may have added to the entry.
            doc["profiles"][name].update(updated.to_json())
            self._commit(name, original, doc, wanted)
        return updated

    def remove(self, name: str) -> None:
        """Remove the profile and its secrets; fails (changing nothing) if the store does."""
        with self._locked():
            doc, profiles = self._load_for_change()
            original = copy.deepcopy(doc)
            _lookup(profiles, name)
            del doc["profiles"][name]
            self._commit(name, original, doc, dict.fromkeys(KINDS))

    # -- keyring bookkeeping ---------------------------------------------------------

    def keyring_problems(self) -> builtins.list[KeyringProblem]:
        """Secrets in the store without a profile, and profiles whose secret is gone.

        Found through the file's record of which secrets were written for which
        name (the store itself cannot be listed). Reads the store: may raise
        :class:`~agora_desk.secrets.errors.KeyringUnavailable`.
        """
        doc, profiles = self._load()
        return self._problems(index_of(self._path, doc), profiles)

    def repair(self) -> builtins.list[KeyringProblem]:
        """Delete orphaned secrets from the store and forget missing ones; returns what was done."""
        with self._locked():
            doc, profiles = self._load_for_change()
            index = index_of(self._path, doc)
            problems = self._problems(index, profiles)
            for problem in problems:
                if problem.kind is Problem.ORPHAN:
                    self.secrets.delete(problem.profile, problem.secret)
                kinds = [k for k in index.get(problem.profile, []) if k != problem.secret]
                if kinds:
                    index[problem.profile] = kinds
                else:
                    index.pop(problem.profile, None)
            # Names whose secrets are all gone already have nothing left to track.
            for name in [n for n in index if n not in profiles]:
                if not any(p.profile == name for p in problems):
                    del index[name]
            doc[INDEX_KEY] = index
            write_doc(self._path, dump(doc))
        return problems

    def _problems(
        self, index: Mapping[str, builtins.list[str]], profiles: Mapping[str, Profile]
    ) -> builtins.list[KeyringProblem]:
        problems = []
        for name in sorted(index):
            for kind in index[name]:
                present = self.secrets.get(name, check_kind(kind)) is not None
                if name not in profiles and present:
                    problems.append(KeyringProblem(name, check_kind(kind), Problem.ORPHAN))
                elif name in profiles and not present:
                    problems.append(KeyringProblem(name, check_kind(kind), Problem.MISSING))
        return problems

    def set_aside_corrupt_file(self) -> Path | None:
        """Rename an unreadable profiles file to ``<name>.corrupt-<timestamp>``.

        For the window's "start again" button: the data stays on disk for a
        person to rescue. Returns the backup path, or None if the file was fine.
        """
        with self._locked():
            try:
                self._load()
            except ConfigError as exc:
                if not exc.corrupt:
                    raise
                stamp = time.strftime("%Y%m%d-%H%M%S")
                backup = self._path.with_name(f"{self._path.name}.corrupt-{stamp}")
                os.replace(self._path, backup)
                return backup
            return None

    # -- internals -------------------------------------------------------------

    def _commit(
        self,
        name: str,
        original: dict[str, Any],
        doc: dict[str, Any],
        wanted: Mapping[Kind, Secret | None],
    ) -> None:
        """Record the secrets' names, write the secrets, then the file; undo on failure.

        The record (the file's "keyring" entry) reaches the disk before a new
        secret reaches the store, so a crash in between leaves an entry that
        :meth:`keyring_problems` can name, never an untraceable orphan.
        """
        refuse_secret_in_doc(doc, wanted)
        index = index_of(self._path, doc)
        before = set(index.get(name, ()))
        setting = {kind for kind, secret in wanted.items() if secret is not None}
        final = (before | setting) - {kind for kind, secret in wanted.items() if secret is None}
        if name in doc["profiles"] and final:
            index[name] = sorted(final)
        else:
            index.pop(name, None)
        doc[INDEX_KEY] = index
        text = dump(doc)
        journaled = False
        existed = self._path.exists()
        if setting - before:
            journal = copy.deepcopy(original)
            journal_index = index_of(self._path, journal)
            journal_index[name] = sorted(before | setting)
            journal[INDEX_KEY] = journal_index
            write_doc(self._path, dump(journal))
            journaled = True
        previous: dict[Kind, Secret | None] = {}
        try:
            previous = self._apply_secrets(name, wanted)
            write_doc(self._path, text)
        except BaseException:
            self._restore_secrets(name, previous)
            if journaled:
                with contextlib.suppress(ConfigError, OSError):
                    if existed:
                        write_doc(self._path, dump(original))
                    else:
                        self._path.unlink()
            raise

    def _apply_secrets(
        self, name: str, wanted: Mapping[Kind, Secret | None]
    ) -> dict[Kind, Secret | None]:
        """Set (or delete, for None) each secret; returns the old values of those changed."""
        store = self.secrets
        previous: dict[Kind, Secret | None] = {}
        try:
            for kind, secret in wanted.items():
                old = store.get(name, kind)
                if secret == old:
                    continue
                # Recorded before the change: a call that fails may still have half-happened.
                previous[kind] = old
                if secret is None:
                    store.delete(name, kind)
                else:
                    store.set(name, kind, secret)
        except BaseException:
            self._restore_secrets(name, previous)
            raise
        return previous

    def _restore_secrets(self, name: str, previous: Mapping[Kind, Secret | None]) -> None:
        for kind, old in previous.items():
            try:
                if old is None:
                    self.secrets.delete(name, kind)
                else:
                    self.secrets.set(name, kind, old)
            except Exception as exc:
                # The original error is the one to report; this one only
                # means the keyring may now differ from the file.
                log.warning(
                    "could not restore the %s of profile %r after a failed change: %s",
                    LABELS[kind],
                    name,
                    type(exc).__name__,
                )

    def _load(self) -> tuple[dict[str, Any], dict[str, Profile]]:
        """The raw document (kept whole, unknown keys included) and its profiles."""
        doc = read_doc(self._path)
        return doc, _parse(self._path, doc)

    def _load_for_change(self) -> tuple[dict[str, Any], dict[str, Profile]]:
        doc, profiles = self._load()
        version = doc.get("version", FORMAT_VERSION)
        if version > FORMAT_VERSION:
            raise ConfigError(
                self._path,
                _(
                    "written by a newer agora-desk (format {version}; this one writes "
                    "{format_version}); not changing it. Upgrade agora-desk to edit profiles"
                ).format(version=version, format_version=FORMAT_VERSION),
            )
        doc["version"] = FORMAT_VERSION
        doc.setdefault("profiles", {})
        return doc, profiles

    @contextlib.contextmanager
    def _locked(self, *, create: bool = False) -> Iterator[None]:
        """Hold an advisory lock on the config dir around read-change-write.

        On the directory, not a lock file, so a failed first ``add`` leaves
        nothing behind. With ``create`` (an add) the directory is made first:
        two first ``add``s into a folder that does not exist yet must queue like
        any others; a folder this call made and left empty is removed again.
        Without ``create`` a missing folder has nothing to protect.
        Windows has no ``fcntl``: changes there are atomic but not serialised.
        """
        try:
            import fcntl
        except ImportError:
            yield
            return
        folder = self._path.parent
        made = False
        deadline = time.monotonic() + LOCK_TIMEOUT
        while True:
            try:
                if create and not folder.is_dir():
                    folder.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
                    made = True
                fd = os.open(folder, os.O_RDONLY)
            except FileNotFoundError:
                yield
                return
            except OSError as exc:
                raise ConfigError(
                    self._path,
                    _("cannot create or open its folder: {error}").format(error=os_reason(exc)),
                ) from exc
            try:
                while True:
                    try:
                        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                        break
                    except BlockingIOError:
                        if time.monotonic() > deadline:
                            raise ConfigError(
                                self._path,
                                _(
                                    "another agora-desk is changing the profiles (a window "
                                    "waiting for a keyring prompt?); try again when it is done"
                                ),
                            ) from None
                        time.sleep(0.05)
                if not _same_folder(fd, folder):
                    # Removed (a failed first add cleaning up) while we waited: the
                    # lock is on a folder no one else will lock. Start again.
                    continue
                try:
                    yield
                finally:
                    if made and not self._path.exists():
                        with contextlib.suppress(OSError):
                            folder.rmdir()  # only when empty: a failed first add
                return
            finally:
                os.close(fd)  # also releases the lock


def _same_folder(fd: int, folder: Path) -> bool:
    try:
        here, there = os.fstat(fd), os.stat(folder)
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


def _parse(path: Path, doc: dict[str, Any]) -> dict[str, Profile]:
    """Profiles from a loaded document; ConfigError on any structural problem.

    Only types and names are checked here, not App ID syntax: a hand-edited
    typo should surface where the value is used, not hide every profile.
    """
    version = doc.get("version", FORMAT_VERSION)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ConfigError(
            path,
            corrupt(_("'version' is {version!r}, not a positive integer").format(version=version)),
            True,
        )
    entries = doc.get("profiles", {})
    if not isinstance(entries, dict):
        raise ConfigError(path, corrupt(_("'profiles' is not a JSON object")), True)
    index_of(path, doc)  # its shape is checked with the rest
    profiles: dict[str, Profile] = {}
    for name, entry in entries.items():
        try:
            validate_profile_name(name)
        except InputError as exc:
            raise ConfigError(
                path, corrupt(_("profile name {problem}").format(problem=exc.problem)), True
            ) from None
        if not isinstance(entry, dict):
            raise ConfigError(
                path,
                corrupt(_("profile {name!r} is not a JSON object").format(name=name)),
                True,
            )
        fields: dict[str, str] = {}
        for key, required in (("app_id", True), ("customer_id", False), ("notes", False)):
            value = entry.get(key, None if required else "")
            if not isinstance(value, str):
                if value is None:
                    problem = _("profile {name!r} has no 'app_id'").format(name=name)
                else:
                    problem = _("profile {name!r}: '{key}' is not a string").format(
                        name=name, key=key
                    )
                raise ConfigError(path, corrupt(problem), True)
            fields[key] = value
        profiles[name] = Profile(name=name, **fields)
    return profiles


def _lookup(profiles: Mapping[str, Profile], name: str) -> Profile:
    try:
        return profiles[name]
    except KeyError:
        raise ProfileNotFound(name, sorted(profiles, key=str.casefold)) from None


def _checked_secrets(
    profile: Profile, secrets: Mapping[Kind, Secret | None]
) -> dict[Kind, Secret | None]:
    for kind, secret in secrets.items():
        if secret is None:
            continue
        validate_secret(kind, secret)
        if kind in CERTIFICATE_KINDS and secret.reveal().lower() == profile.app_id.lower():
            raise InputError(
                LABELS[kind],
                _(
                    "is the same as the App ID; the certificate is the other 32-character "
                    "value, under 'Primary Certificate' in Agora Console"
                ),
            )
    return dict(secrets)
