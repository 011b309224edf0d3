"""argparse's own words ("usage:", "options", "invalid choice" ...) in the active language.

argparse looks its strings up through the ``gettext`` module's global functions, that is in
the ``messages`` domain and the system's locale folders, where no catalogue has them for this
program. :func:`install` hands argparse our lookup instead, and the strings below put its
messages into our catalogue (tests/cli/test_i18n.py checks they cover the running Python's
argparse). This is the only place that touches argparse's translation, and
:class:`HelpFormatter` the only place that lays translated help out: argparse counts a
character as one column, a Chinese character takes two.
"""

from __future__ import annotations

import argparse
import re
import unicodedata
from collections.abc import Iterable

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


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes: wide and full-width characters two, combining marks none."""
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


# A line may break between two wide characters, or at a space; a closing mark stays on the
# line before it and an opening mark with what follows (the usual rule for Chinese text).
_NO_LINE_START = "，。、；：？！）》」』】〕〉”’%,.;:?!)]}…·—"
_NO_LINE_END = "（《「『【〔〈“‘([{"
_PIECE = re.compile(r" +|[^ ]")


def _breakable_pieces(text: str) -> list[str]:
    """``text`` cut where a line may break: spaces, words, and single wide characters."""
    pieces: list[str] = []
    glue = False  # the next piece joins the previous one (no break allowed between them)
    for match in _PIECE.finditer(text):
        piece = match.group(0)
        wide = display_width(piece) == 2
        if piece.startswith(" "):
            pieces.append(piece)
            glue = False
            continue
        joins_before = (
            bool(pieces)
            and not pieces[-1].startswith(" ")
            and (
                glue or piece in _NO_LINE_START or (not wide and display_width(pieces[-1][-1]) == 1)
            )
        )
        if joins_before:
            pieces[-1] += piece
        else:
            pieces.append(piece)
        glue = piece in _NO_LINE_END
    return pieces


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` columns (a longer unbreakable piece is cut)."""
    lines: list[str] = []
    line = ""
    for piece in _breakable_pieces(text):
        if piece.startswith(" "):
            if line:
                line += piece
            continue
        if line and display_width(line) + display_width(piece) > width:
            lines.append(line.rstrip())
            line = ""
        while display_width(piece) > width:  # a word longer than the line: cut it
            cut = _fit(piece, width)
            lines.append(piece[:cut])
            piece = piece[cut:]
        line += piece
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _fit(text: str, width: int) -> int:
    """How many leading characters of ``text`` fit in ``width`` columns (at least one)."""
    used = 0
    for index, char in enumerate(text):
        used += display_width(char)
        if used > width:
            return max(index, 1)
    return len(text)


class HelpFormatter(argparse.HelpFormatter):
    """argparse's layout, with lines measured in terminal columns instead of characters."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap(" ".join(text.split()), width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in wrap(" ".join(text.split()), width))

    def start_section(self, heading: str | None) -> None:
        if heading:  # argparse prints a group's title on one line, however long
            lines = wrap(heading, self._width - self._current_indent - 1)  # 1: its ':'
            heading = ("\n" + " " * self._current_indent).join(lines)
        super().start_section(heading)

    def _format_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None,
    ) -> str:
        # argparse aligns the wrapped usage under the prefix by its length: stand in for a
        # translated prefix with as many one-column characters as it takes columns.
        shown = i18n._("usage: ") if prefix is None else prefix
        stand_in = "\x01" * display_width(shown)
        laid_out = super()._format_usage(usage, actions, groups, stand_in)
        return laid_out.replace(stand_in, shown, 1)
