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
import json
import logging
import os
import time
from collections.abc import Collection, Iterator, Mapping
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any, Final

from agora_desk.core.atomic import write_text_atomic
from agora_desk.core.errors import InputError
from agora_desk.core.secret import Secret
from agora_desk.secrets.errors import ConfigError, ProfileExists, ProfileNotFound
from agora_desk.secrets.fields import (
    APP_CERTIFICATE,
    APP_CERTIFICATE_SECONDARY,
    CERTIFICATE_KINDS,
    CUSTOMER_SECRET,
    KINDS,
    LABELS,
    MIN_SCAN_LENGTH,
    Kind,
    check_kind,
    validate_app_id,
    validate_customer_id,
    validate_profile_name,
    validate_secret,
)
from agora_desk.secrets.store import SecretStore

log = logging.getLogger(__name__)

CONFIG_DIR_ENV: Final = "AGORA_DESK_CONFIG_DIR"
CONFIG_FILE: Final = "profiles.json"
FORMAT_VERSION: Final = 1
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
            raise InputError("notes", f"are {len(self.notes)} characters; at most {NOTES_MAX}")
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
        with self._locked():
            doc, profiles = self._load_for_change()
            if profile.name in profiles and not replace:
                raise ProfileExists(profile.name)
            doc["profiles"][profile.name] = profile.to_json()
            self._commit(profile.name, doc, wanted)

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
                raise InputError(LABELS[kind], "cannot be both given and removed")
        with self._locked():
            doc, profiles = self._load_for_change()
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
            self._commit(name, doc, wanted)
        return updated

    def remove(self, name: str) -> None:
        """Remove the profile and its secrets; fails (changing nothing) if the store does."""
        with self._locked():
            doc, profiles = self._load_for_change()
            _lookup(profiles, name)
            del doc["profiles"][name]
            self._commit(name, doc, dict.fromkeys(KINDS))

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

    def _commit(self, name: str, doc: dict[str, Any], wanted: Mapping[Kind, Secret | None]) -> None:
        """Secrets first, then the file; on failure put the secrets back."""
        text = json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
        _refuse_secret_in_text(text, wanted)
        previous = self._apply_secrets(name, wanted)
        try:
            _write_atomic(self._path, text)
        except BaseException:
            self._restore_secrets(name, previous)
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
        doc = self._read()
        return doc, _parse(self._path, doc)

    def _read(self) -> dict[str, Any]:
        try:
            raw = self._path.read_bytes()
        except FileNotFoundError:
            return _empty_doc()
        except OSError as exc:
            raise ConfigError(self._path, f"cannot read it: {exc.strerror or exc}") from exc
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise ConfigError(self._path, _corrupt("it is not UTF-8 text"), True) from None
        if not text.strip():
            return _empty_doc()
        try:
            doc = json.loads(text, object_pairs_hook=_no_duplicate_keys)
        except _DuplicateKey as exc:
            raise ConfigError(
                self._path, _corrupt(f"the key {exc.key!r} appears twice"), True
            ) from None
        except json.JSONDecodeError as exc:
            raise ConfigError(
                self._path,
                _corrupt(f"not valid JSON at line {exc.lineno}, column {exc.colno} ({exc.msg})"),
                True,
            ) from None
        if not isinstance(doc, dict):
            raise ConfigError(self._path, _corrupt("the top level is not a JSON object"), True)
        return doc

    def _load_for_change(self) -> tuple[dict[str, Any], dict[str, Profile]]:
        doc, profiles = self._load()
        version = doc.get("version", FORMAT_VERSION)
        if version > FORMAT_VERSION:
            raise ConfigError(
                self._path,
                f"written by a newer agora-desk (format {version}; this one writes "
                f"{FORMAT_VERSION}); not changing it. Upgrade agora-desk to edit profiles",
            )
        doc["version"] = FORMAT_VERSION
        doc.setdefault("profiles", {})
        return doc, profiles

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """Hold an advisory lock on the config dir around read-change-write.

        On the directory, not a lock file, so a failed first ``add`` leaves no
        file behind; with no directory yet there is nothing to protect.
        Windows has no ``fcntl``: changes there are atomic but not serialised.
        """
        try:
            import fcntl
        except ImportError:
            yield
            return
        try:
            fd = os.open(self._path.parent, os.O_RDONLY)
        except FileNotFoundError:
            yield
            return
        try:
            deadline = time.monotonic() + LOCK_TIMEOUT
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise ConfigError(
                            self._path,
                            "another agora-desk is changing the profiles (a window waiting for "
                            "a keyring prompt?); try again when it is done",
                        ) from None
                    time.sleep(0.05)
            yield
        finally:
            os.close(fd)  # also releases the lock


def _empty_doc() -> dict[str, Any]:
    return {"version": FORMAT_VERSION, "profiles": {}}


def _corrupt(problem: str) -> str:
    return (
        f"{problem}. Nothing was changed; fix the file, or move it aside to start "
        "again without profiles"
    )


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        self.key = key
        super().__init__(key)


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # json.loads would keep the last of two same-named profiles and a later
    # write would silently drop the other.
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


def _parse(path: Path, doc: dict[str, Any]) -> dict[str, Profile]:
    """Profiles from a loaded document; ConfigError on any structural problem.

    Only types and names are checked here, not App ID syntax: a hand-edited
    typo should surface where the value is used, not hide every profile.
    """
    version = doc.get("version", FORMAT_VERSION)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ConfigError(path, _corrupt(f"'version' is {version!r}, not a positive integer"), True)
    entries = doc.get("profiles", {})
    if not isinstance(entries, dict):
        raise ConfigError(path, _corrupt("'profiles' is not a JSON object"), True)
    profiles: dict[str, Profile] = {}
    for name, entry in entries.items():
        try:
            validate_profile_name(name)
        except InputError as exc:
            raise ConfigError(path, _corrupt(f"profile name {exc.problem}"), True) from None
        if not isinstance(entry, dict):
            raise ConfigError(path, _corrupt(f"profile {name!r} is not a JSON object"), True)
        fields: dict[str, str] = {}
        for key, required in (("app_id", True), ("customer_id", False), ("notes", False)):
            value = entry.get(key, None if required else "")
            if not isinstance(value, str):
                problem = "has no 'app_id'" if value is None else f"'{key}' is not a string"
                raise ConfigError(path, _corrupt(f"profile {name!r} {problem}"), True)
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
                "is the same as the App ID; the certificate is the other 32-character value, "
                "under 'Primary Certificate' in Agora Console",
            )
    return dict(secrets)


def _refuse_secret_in_text(text: str, secrets: Mapping[Kind, Secret | None]) -> None:
    """The last guard before the file is written: no secret in its text.

    Catches a certificate pasted into the notes or the Customer ID field.
    """
    for kind, secret in secrets.items():
        if secret is not None and len(secret) >= MIN_SCAN_LENGTH and secret.reveal() in text:
            raise InputError(
                LABELS[kind],
                "also appears in a non-secret field (App ID, Customer ID or notes), which is "
                "saved in plain text; remove it from there",
            )


def _write_atomic(path: Path, text: str) -> None:
    try:
        write_text_atomic(path, text)
    except OSError as exc:
        raise ConfigError(path, f"cannot write it: {exc.strerror or exc}") from exc
