"""`agora-desk profile`: list / add / show / remove saved profiles (docs/cli.md).

Secrets never come from an option: ``add`` reads them from
AGORA_APP_CERTIFICATE / AGORA_CUSTOMER_SECRET or asks without echo, and
``show`` prints them masked. Exit 0 ok, 1 keyring or profiles file unusable
(nothing changed), 2 invalid input.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import sys
from collections.abc import Callable
from typing import Any

from agora_desk.cli.common import error, warn
from agora_desk.core.i18n import _, listed
from agora_desk.core.secret import Secret
from agora_desk.secrets.errors import ConfigError, KeyringUnavailable, ProfileExists
from agora_desk.secrets.fields import (
    APP_CERTIFICATE,
    APP_CERTIFICATE_SECONDARY,
    CUSTOMER_SECRET,
    KINDS,
    LABELS,
    Kind,
    validate_secret,
)
from agora_desk.secrets.profiles import KeyringProblem, Problem, Profile, ProfileStore
from agora_desk.secrets.resolve import ENV, Prompt, tty_prompt

Action = Callable[[argparse.Namespace], int]


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "profile",
        help=_("list / add / show / remove saved profiles"),
        description=_(
            "Saved profiles: App ID and Customer ID in a settings file, App Certificate and Customer Secret in the OS keyring. No option takes a secret."
        ),
    )
    actions = parser.add_subparsers(dest="profile_action", metavar="ACTION", required=True)

    p = actions.add_parser("list", help=_("names, App IDs and Customer IDs; never secrets"))
    p.add_argument("--json", action="store_true", help=_("one JSON object on stdout"))
    p.set_defaults(func=_list)

    p = actions.add_parser(
        "add",
        help=_("save a profile; secrets from the environment or a no-echo prompt"),
        description=_(
            "Save a profile. The App Certificate and Customer Secret are read from {env} / {env2}, or asked for without echo when stdin is a terminal, and stored in the OS keyring, never in a file."
        ).format(env=ENV[APP_CERTIFICATE], env2=ENV[CUSTOMER_SECRET]),
    )
    p.add_argument("name", metavar="NAME", help=_("profile name (no '/', at most 64 characters)"))
    p.add_argument("--app-id", required=True, metavar="ID", help=_("the project's App ID"))
    p.add_argument("--customer-id", default="", metavar="ID", help=_("RESTful API Customer ID"))
    p.add_argument("--replace", action="store_true", help=_("overwrite an existing profile"))
    p.add_argument(
        "--secondary-certificate",
        action="store_true",
        help=_(
            "also ask (no echo) for the project's secondary App Certificate; {env} is read without this option"
        ).format(env=ENV[APP_CERTIFICATE_SECONDARY]),
    )
    p.set_defaults(func=_nothing_changed(_add))

    p = actions.add_parser("show", help=_("a profile and which secrets are stored (masked)"))
    p.add_argument("name", metavar="NAME")
    p.add_argument("--json", action="store_true", help=_("one JSON object on stdout"))
    p.set_defaults(func=_show)

    p = actions.add_parser("remove", help=_("remove a profile and its keyring entries"))
    p.add_argument("name", metavar="NAME")
    p.set_defaults(func=_nothing_changed(_remove))

    p = actions.add_parser(
        "repair",
        help=_("delete keyring entries left without a profile; forget secrets that are gone"),
        description=_(
            "What 'profile list' reports, cleaned up: keyring entries whose profile does not exist (left by an interrupted add or remove) are deleted, and secrets a profile lost are no longer reported (save them again with 'profile add --replace')."
        ),
    )
    p.set_defaults(func=_nothing_changed(_repair))


def _nothing_changed(action: Action) -> Action:
    """Say so when add / remove fail for want of a keyring or a readable file.

    Everything else (input errors: exit 2, Ctrl-C, the one-line format) is
    agora_desk.cli.common.run_command's job, as for every subcommand.
    """

    @functools.wraps(action)
    def run(args: argparse.Namespace) -> int:
        try:
            return action(args)
        except (KeyringUnavailable, ConfigError) as exc:
            error(_("{error} Nothing was changed.").format(error=exc))
            return 1

    return run


def _list(args: argparse.Namespace) -> int:
    store = ProfileStore()
    profiles = store.list()
    problems, unchecked = _keyring_problems(store)
    if args.json:
        data: dict[str, Any] = {
            "profiles": [_profile_json(p) for p in profiles],
            "config_file": str(store.config_path),
            "keyring_problems": [
                {"profile": p.profile, "secret": p.secret, "problem": p.kind.value}
                for p in problems
            ],
        }
        if unchecked:
            data["keyring_unchecked"] = unchecked
        _out(json.dumps(data))
        return 0
    if not profiles:
        _note(_("no profiles yet; add one with: agora-desk profile add NAME --app-id ID"))
    else:
        rows = [("NAME", "APP ID", "CUSTOMER ID")]
        rows += [(p.name, p.app_id, p.customer_id or "-") for p in profiles]
        widths = [max(len(row[i]) for row in rows) for i in range(2)]
        for name, app_id, customer_id in rows:
            _out(f"{name:<{widths[0]}}  {app_id:<{widths[1]}}  {customer_id}")
    for problem in problems:
        warn(problem.describe())
    if problems:
        _note(
            _("'agora-desk profile repair' deletes the orphaned entries and forgets lost secrets")
        )
    if unchecked:
        warn(
            _("keyring not checked for orphaned or missing secrets: {unchecked}").format(
                unchecked=unchecked
            )
        )
    return 0


def _keyring_problems(store: ProfileStore) -> tuple[list[KeyringProblem], str]:
    """The store's problems, or none and why they could not be checked."""
    try:
        return store.keyring_problems(), ""
    except KeyringUnavailable as exc:
        return [], str(exc)


def _repair(args: argparse.Namespace) -> int:
    store = ProfileStore()
    fixed = store.repair()
    for problem in fixed:
        done = "deleted" if problem.kind is Problem.ORPHAN else "no longer expected"
        _note(_("{done}: {describe}").format(done=done, describe=problem.describe()))
    if not fixed:
        _note(_("nothing to repair: every saved secret belongs to a profile and is in the keyring"))
    return 0


def _add(args: argparse.Namespace) -> int:
    store = ProfileStore()
    profile = Profile(name=args.name, app_id=args.app_id, customer_id=args.customer_id).validate()
    # Cheap checks before anyone types a secret that would then be thrown away.
    if not args.replace and profile.name in store:
        raise ProfileExists(profile.name)
    store.secrets.check()

    ask = tty_prompt()
    certificate = _read_secret(APP_CERTIFICATE, profile.name, ask)
    secondary = _read_secret(
        APP_CERTIFICATE_SECONDARY, profile.name, ask if args.secondary_certificate else None
    )
    customer_secret = None
    if profile.customer_id:
        customer_secret = _read_secret(CUSTOMER_SECRET, profile.name, ask)
    elif os.environ.get(ENV[CUSTOMER_SECRET]):
        warn(
            _("{env} is set but --customer-id is not; the Customer Secret is not saved").format(
                env=ENV[CUSTOMER_SECRET]
            )
        )

    store.add(
        profile,
        certificate,
        customer_secret,
        replace=args.replace,
        app_certificate_secondary=secondary,
    )

    given = (
        (APP_CERTIFICATE, certificate),
        (APP_CERTIFICATE_SECONDARY, secondary),
        (CUSTOMER_SECRET, customer_secret),
    )
    saved = [LABELS[k] for k, s in given if s]
    where = (
        _("; {secrets} in {store}").format(secrets=listed(saved), store=store.secrets.description)
        if saved
        else ""
    )
    _note(
        _("saved profile {name!r} in {config_path}{where}").format(
            name=profile.name, config_path=store.config_path, where=where
        )
    )
    if certificate is None:
        warn(
            _(
                "no App Certificate saved (set {env} or run in a terminal to be asked); tokens cannot be built from this profile"
            ).format(env=ENV[APP_CERTIFICATE])
        )
    return 0


def _show(args: argparse.Namespace) -> int:
    store = ProfileStore()
    profile = store.get(args.name)
    stored = store.stored_secrets(profile.name)
    if args.json:
        data: dict[str, Any] = _profile_json(profile)
        data["secrets"] = stored
        data["secret_store"] = store.secrets.description
        _out(json.dumps(data))
        return 0
    lines = [
        ("Profile", profile.name),
        ("App ID", profile.app_id),
        ("Customer ID", profile.customer_id or "(none)"),
    ]
    lines += [(LABELS[kind], stored[kind] or _("not stored")) for kind in KINDS]
    if profile.notes:
        lines.append(("Notes", profile.notes))
    lines.append((_("Secrets in"), store.secrets.description))
    width = max(len(label) for label, _ in lines) + 1
    for label, value in lines:
        _out(f"{label + ':':<{width}} {value}")
    return 0


def _remove(args: argparse.Namespace) -> int:
    store = ProfileStore()
    store.remove(args.name)
    _note(
        _("removed profile {name!r} and its secrets from {description}").format(
            name=args.name, description=store.secrets.description
        )
    )
    return 0


def _read_secret(kind: Kind, profile: str, ask: Prompt | None) -> Secret | None:
    """From the environment, else a no-echo prompt (empty answer = none); validated."""
    raw = os.environ.get(ENV[kind], "")
    if not raw and ask is not None:
        try:
            raw = ask(
                _("{labels} for profile {profile!r}, empty to skip").format(
                    labels=LABELS[kind], profile=profile
                ),
                secret=True,
            )
        except EOFError:
            raw = ""
    if not raw:
        return None
    return validate_secret(kind, Secret(raw))


def _profile_json(profile: Profile) -> dict[str, Any]:
    return {
        "name": profile.name,
        "app_id": profile.app_id,
        "customer_id": profile.customer_id,
        "notes": profile.notes,
    }


def _out(text: str) -> None:
    try:
        sys.stdout.write(text + "\n")
    except UnicodeEncodeError:
        # A terminal that cannot show the mask bullets still gets the last 4.
        sys.stdout.write(text.replace("•", "*") + "\n")


def _note(text: str) -> None:
    sys.stderr.write(f"agora-desk: {text}\n")
