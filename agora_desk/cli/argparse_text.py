"""argparse's own words ("usage:", "options", "invalid choice" ...) in the active language.

argparse looks its strings up through the ``gettext`` module's global functions, that is in
the ``messages`` domain and the system's locale folders, where no catalogue has them for this
program. :func:`install` hands argparse our lookup instead, and the strings below put its
messages into our catalogue (tests/cli/test_i18n.py checks they cover the running Python's
argparse). This is the only place that touches argparse's translation.
"""

from __future__ import annotations

import argparse

from agora_desk.core import i18n
from agora_desk.core.i18n import N_, N_plural

# Python 3.10 to 3.13; a message only some versions have is harmless in the others.
ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("optional arguments"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_('argument "-" with mode %r'),
    N_("can't open '%(filename)s': %(error)s"),
    N_("argument '%(argument_name)s' is deprecated"),
    N_("option '%(option)s' is deprecated"),
    N_("command '%(parser_name)s' is deprecated"),
)
PLURAL_MESSAGES = (N_plural("expected %s argument", "expected %s arguments"),)
# The messages about a mistake in the program's own parser definition
# ("conflicting option string", "dest= is required" ...) are for its developers and
# stay English: they are listed so the catalogue check knows they are left out on purpose.
DEVELOPER_MESSAGES = (
    ".__call__() not defined",
    "conflicting subparser: %s",
    "conflicting subparser alias: %s",
    "cannot merge actions - two groups are named %r",
    "'required' is an invalid argument for positionals",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r",
    "dest= is required for options like %r",
    "invalid conflict_resolution value: %r",
    "conflicting option string: %s",
    "conflicting option strings: %s",
    "mutually exclusive arguments must be optional",
    "cannot have multiple subparser arguments",
    "%r is not callable",
)


def install() -> None:
    """From now on argparse speaks the language :mod:`agora_desk.core.i18n` has active."""
    # Module globals that argparse calls at the time it formats a message.
    setattr(argparse, "_", i18n._)  # noqa: B010
    setattr(argparse, "ngettext", i18n.ngettext)  # noqa: B010
