"""Where a command's credentials come from (docs/cli.md, "Where credentials come from").

For each field, the first of: a command-line option (App ID / Customer ID
only: no option takes a secret) → ``--profile NAME`` (the file, and the
keyring for secrets) → the ``AGORA_*`` environment variables → a prompt,
only when stdin is a terminal, with no echo for secrets.

Imports neither ``keyring`` nor ``platformdirs`` until a profile is used,
because every CLI command imports this module.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Collection, Mapping
from typing import TYPE_CHECKING, Final, Protocol

from agora_desk.core.credentials import Credentials
from agora_desk.core.errors import InputError
from agora_desk.core.i18n import LIST_SEPARATOR, _
from agora_desk.core.secret import Secret
from agora_desk.secrets.fields import (
    APP_CERTIFICATE,
    APP_CERTIFICATE_SECONDARY,
    APP_ID,
    CUSTOMER_ID,
    CUSTOMER_SECRET,
    LABELS,
    validate,
)

if TYPE_CHECKING:
    from agora_desk.secrets.profiles import ProfileStore

FIELDS: Final = (APP_ID, APP_CERTIFICATE, APP_CERTIFICATE_SECONDARY, CUSTOMER_ID, CUSTOMER_SECRET)
ENV: Final[dict[str, str]] = {
    APP_ID: "AGORA_APP_ID",
    APP_CERTIFICATE: "AGORA_APP_CERTIFICATE",
    APP_CERTIFICATE_SECONDARY: "AGORA_APP_CERTIFICATE_SECONDARY",
    CUSTOMER_ID: "AGORA_CUSTOMER_ID",
    CUSTOMER_SECRET: "AGORA_CUSTOMER_SECRET",
}
SECRET_FIELDS: Final = frozenset({APP_CERTIFICATE, APP_CERTIFICATE_SECONDARY, CUSTOMER_SECRET})
OPTIONS: Final[dict[str, str]] = {APP_ID: "--app-id", CUSTOMER_ID: "--customer-id"}


class Prompt(Protocol):
    """Asks for one value; ``secret`` means no echo. Returns "" for "skip"."""

    def __call__(self, label: str, *, secret: bool) -> str: ...


def tty_prompt() -> Prompt | None:
    """Prompts on the terminal (stderr, so stdout stays the result); None without a TTY."""
    try:
        interactive = sys.stdin is not None and sys.stdin.isatty()
    except (ValueError, OSError):  # closed or odd stdin
        interactive = False
    if not interactive:
        return None

    def ask(label: str, *, secret: bool) -> str:
        if secret:
            import getpass

            return getpass.getpass(
                _("{label} (not shown): ").format(label=label), stream=sys.stderr
            )
        sys.stderr.write(_("{label}: ").format(label=label))
        sys.stderr.flush()
        return sys.stdin.readline().rstrip("\r\n")

    return ask


def warn_stderr(message: str) -> None:
    sys.stderr.write(_("agora-desk: warning: {message}").format(message=message) + "\n")


def load_credentials(
    profile_name: str | None,
    *,
    need: Collection[str],
    want: Collection[str] = (),
    app_id: str | None = None,
    customer_id: str | None = None,
    profiles: ProfileStore | None = None,
    environ: Mapping[str, str] | None = None,
    prompt: Prompt | bool | None = True,
    warn: Callable[[str], None] = warn_stderr,
) -> Credentials:
    """Gather the fields in ``need`` (error if one is missing) and ``want`` (if at hand).

    Fields are ``"app_id"``, ``"app_certificate"``, ``"customer_id"``,
    ``"customer_secret"``. ``app_id`` / ``customer_id`` are the command-line
    options. ``prompt``: True for :func:`tty_prompt`, False/None for never, or
    a callable; only ``need`` fields are prompted for. Raises
    :class:`InputError` for a missing or malformed value or an unknown
    profile, and :class:`~agora_desk.secrets.errors.KeyringUnavailable` when a
    profile's secret is needed and the keyring cannot give it.
    """
    need_set = set(need)
    wanted = need_set | set(want)
    unknown = wanted - set(FIELDS)
    if unknown:
        raise ValueError(
            _("unknown credential fields: {sorted}").format(sorted=", ".join(sorted(unknown)))
        )
    env = environ if environ is not None else os.environ
    ask = tty_prompt() if prompt is True else (prompt or None)

    options = {APP_ID: app_id, CUSTOMER_ID: customer_id}
    values: dict[str, str | Secret | None] = {}
    store = None
    profile = None
    if profile_name is not None:
        from agora_desk.secrets.profiles import ProfileStore

        store = profiles if profiles is not None else ProfileStore()
        profile = store.get(profile_name)

    for field in FIELDS:
        if field not in wanted:
            continue
        value: str | Secret | None = None
        source = ""
        option = options.get(field)
        if option is not None:
            value, source = option, OPTIONS[field]
            stored = getattr(profile, field, "")
            if stored and stored != option:
                warn(
                    _(
                        "{options} {option} differs from the {labels} of profile {profile_name!r} ({stored}); using {option}"
                    ).format(
                        options=OPTIONS[field],
                        option=option,
                        labels=LABELS[field],
                        profile_name=profile_name,
                        stored=stored,
                    )
                )
        elif store is not None and profile is not None:
            if field in SECRET_FIELDS:
                value = store.secret(profile.name, field)
            else:
                value = getattr(profile, field) or None
        if value is None:
            value, source = _from_env(env, field), ENV[field]
        if value is None and ask is not None and field in need_set:
            answer = ask(LABELS[field], secret=field in SECRET_FIELDS)
            if answer:
                value = Secret(answer) if field in SECRET_FIELDS else answer
                source = _("the value typed in")
        if value is None:
            if field in need_set:
                raise InputError(LABELS[field], _missing(field, profile_name))
            continue
        if profile is not None and source in (ENV[field], _("the value typed in")):
            warn(
                _("profile {profile_name!r} has no {labels}; using {source}").format(
                    profile_name=profile_name, labels=LABELS[field], source=source
                )
            )
        values[field] = validate(field, value)

    return Credentials(
        app_id=str(values.get(APP_ID) or ""),
        app_certificate=_as_secret(values.get(APP_CERTIFICATE)),
        app_certificate_secondary=_as_secret(values.get(APP_CERTIFICATE_SECONDARY)),
        customer_id=str(values.get(CUSTOMER_ID) or ""),
        customer_secret=_as_secret(values.get(CUSTOMER_SECRET)),
        profile=profile_name,
    )


def _from_env(env: Mapping[str, str], field: str) -> str | Secret | None:
    raw = env.get(ENV[field], "")
    if not raw:
        return None
    return Secret(raw) if field in SECRET_FIELDS else raw


def _as_secret(value: str | Secret | None) -> Secret | None:
    return value if isinstance(value, Secret) else None


def _missing(field: str, profile_name: str | None) -> str:
    sources = []
    if field in OPTIONS:
        sources.append(_("give {option}").format(option=OPTIONS[field]))
    sources.append(
        _("use --profile NAME")
        if profile_name is None
        else _("store it in profile {name!r}").format(name=profile_name)
    )
    sources.append(_("set {env}").format(env=ENV[field]))
    return _("is not given: {sources}, or run in a terminal to be asked").format(
        sources=_(LIST_SEPARATOR).join(sources)
    )
