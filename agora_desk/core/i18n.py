"""The translation layer of the Qt-free core and the CLI (standard gettext, domain ``agora_desk``).

One rule decides the language for the whole program: the window asks
:func:`active_language` too, so its Qt catalogue and this one never disagree.

Usage::

    from agora_desk.core.i18n import N_, _, ngettext

    TITLE = N_("Token expired")            # a module-level constant: marked, translated at display
    print(_(TITLE))
    print(_("Channel {channel} is not in the token").format(channel=name))
    print(ngettext("{count} privilege", "{count} privileges", n).format(count=n))

The catalogues are ``agora_desk/locale/<lang>/LC_MESSAGES/agora_desk.po`` (the source) and the
compiled ``.mo`` beside it (shipped in the wheel); the README's "Translations" section has the
workflow. Only the standard library is used at run time.
"""

from __future__ import annotations

import contextlib
import contextvars
import enum
import gettext
import operator
import os
import string
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TypeVar

DOMAIN = "agora_desk"
LOCALE_DIR = Path(__file__).resolve().parents[1] / "locale"

# Read in this order, as GNU gettext does. LANGUAGE is a priority list and
# (again as in GNU gettext) counts only when the locale itself is not C/POSIX.
_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


class Language(enum.Enum):
    """A language the program speaks; the value is the catalogue's folder name."""

    ENGLISH = "en"
    SIMPLIFIED_CHINESE = "zh_CN"

    # Members are singletons compared by identity: hash them the same way, in C (Enum's own
    # __hash__ is Python code, run for every catalogue and phrase lookup).
    __hash__ = object.__hash__

    @property
    def native_name(self) -> str:
        """The name people who read it look for in a language menu."""
        return _NATIVE_NAMES[self]


_NATIVE_NAMES = {Language.ENGLISH: "English", Language.SIMPLIFIED_CHINESE: "简体中文"}

# The Settings choice "follow the system" besides the languages themselves.
SYSTEM = "system"


def language_of(tag: str) -> Language | None:
    """The language a locale name or tag means: None when the program has no catalogue for it.

    ``zh_CN.UTF-8``, ``zh_CN``, ``zh-Hans``, ``zh_Hans_CN``, ``zh_SG`` and plain ``zh`` are
    Simplified Chinese; Traditional (``zh_TW``, ``zh_HK``, ``zh-Hant``) is not.
    """
    name = tag.split(".", 1)[0].split("@", 1)[0].replace("-", "_").lower()
    parts = name.split("_")
    if parts[0] == "en":
        return Language.ENGLISH
    if parts[0] != "zh":
        return None
    rest = set(parts[1:])
    if rest & {"hant", "tw", "hk", "mo"}:
        return None
    return Language.SIMPLIFIED_CHINESE


def system_language(environ: Mapping[str, str] | None = None) -> Language:
    """The language the environment asks for (LANGUAGE, LC_ALL, LC_MESSAGES, LANG); else English."""
    env = os.environ if environ is None else environ
    locale_name = next((env[v] for v in _LOCALE_VARIABLES if env.get(v)), "")
    if locale_name.split(".", 1)[0] in ("", "C", "POSIX"):
        return Language.ENGLISH
    for tag in [*env.get("LANGUAGE", "").split(":"), locale_name]:
        if tag:
            found = language_of(tag)
            if found is not None:
                return found
    return Language.ENGLISH


_lock = threading.Lock()
_override: Language | None = None
# The environment's language, read once: _() runs in every diagnosis, and a process's
# locale does not change under it. set_language() reads it again.
_system: Language | None = None
_catalogues: dict[Language, gettext.NullTranslations] = {}


def set_language(choice: str | Language) -> Language:
    """Fix the language (``"en"``, ``"zh_CN"``) or follow the system again (``"system"``).

    Returns the language now active. Strings already on screen keep theirs; whoever
    shows them translates again (the window re-translates on a change).
    """
    global _override, _system
    if isinstance(choice, Language):
        chosen: Language | None = choice
    elif choice == SYSTEM:
        chosen = None
    else:
        chosen = language_of(choice)
        if chosen is None:
            raise ValueError(f"no translation for {choice!r}")
    with _lock:
        _override = chosen
        _system = None
    return active_language()


# A language fixed for one stretch of work (this thread or task only): see speaking().
_speaking: contextvars.ContextVar[Language | None] = contextvars.ContextVar(
    "agora_desk_speaking", default=None
)


def active_language() -> Language:
    """The language strings come out in now: speaking(), else the explicit choice, else the
    system's."""
    return _speaking.get() or _override or _system or _read_system()


def _read_system() -> Language:
    global _system
    if _system is None:
        _system = system_language()
    return _system


@contextlib.contextmanager
def speaking(language: Language) -> Iterator[None]:
    """Build strings in ``language`` inside the block, e.g. English for JSON that scripts read.

    Only the current thread (or asyncio task) is affected.
    """
    token = _speaking.set(language)
    try:
        yield
    finally:
        _speaking.reset(token)


def catalogue(language: Language) -> gettext.NullTranslations:
    """The loaded catalogue of ``language`` (English: the source strings themselves)."""
    found = _catalogues.get(language)
    if found is not None:
        return found
    with _lock:
        found = _catalogues.get(language)
        if found is None:
            found = gettext.NullTranslations()
            if language is not Language.ENGLISH:
                path = LOCALE_DIR / language.value / "LC_MESSAGES" / f"{DOMAIN}.mo"
                try:
                    with path.open("rb") as handle:
                        found = gettext.GNUTranslations(handle)
                except OSError:
                    pass  # a build without catalogues still works, in English
            _catalogues[language] = found
        return found


def _active() -> gettext.NullTranslations:
    return catalogue(active_language())


_ENGLISH = Language.ENGLISH


def _(message: str) -> str:
    """``message`` in the active language."""
    # active_language() inlined: a diagnosis asks for some twenty messages.
    language = _speaking.get() or _override or _system or _read_system()
    if language is _ENGLISH or not message:
        # The source strings are English; gettext's "" is the catalogue's header.
        return message
    return catalogue(language).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form for ``count``, as the active language counts."""
    return _active().ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """``message`` translated in ``context``: for a short word that reads two ways in English."""
    return _active().pgettext(context, message)


def N_(message: str) -> str:
    """Mark ``message`` for extraction only; translate it with ``_()`` where it is shown."""
    return message


# Translators: the mark between the parts of a list in a sentence ("channel 'demo', uid 42").
LIST_SEPARATOR = N_(", ")


def listed(items: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c', in the active language."""
    if len(items) <= 1:
        return "".join(items)
    return _("{items} and {last}").format(items=_(LIST_SEPARATOR).join(items[:-1]), last=items[-1])


def composed(template: str, **parts: str) -> str:
    """``template`` (a translated text) with ``parts`` put in, itself a template again.

    For a phrase made of translated pieces that is built once per language and filled many
    times: ``composed(_("{verb} in {duration}"), verb=literal(_("expires")),
    duration=_("{minutes} min"))`` is "expires in {minutes} min", whose ``.format(minutes=5)``
    equals building the phrase piece by piece. A part is a template (its placeholders stay
    open for that ``.format()``); wrap plain text in :func:`literal`.
    """
    # The template's own literal braces ("{{") must still be literal after this format.
    return template.replace("{{", "{{{{").replace("}}", "}}}}").format(**parts)


def literal(text: str) -> str:
    """``text`` as a part of :func:`composed` that ``.format()`` leaves as it is."""
    return text.replace("{", "{{").replace("}", "}}")


Fill = Callable[[tuple[object, ...]], str]


def filler(template: str, fields: tuple[str, ...]) -> Fill:
    """``template.format()`` as a function of a tuple of values in the order of ``fields``.

    For a composed phrase filled on every call: ``filler("{b} in {a!r}", ("a", "b"))(("x", 1))``
    is ``"1 in 'x'"``, what ``.format(a="x", b=1)`` gives, for a fraction of its cost (the
    template is parsed once, the filling is a ``%``). Placeholders with a format spec or an
    index keep ``.format()``.
    """
    pieces: list[str] = []
    positions: list[int] = []
    for text, name, spec, conversion in string.Formatter().parse(template):
        pieces.append(text.replace("%", "%%"))
        if name is None:
            continue
        if spec or conversion not in (None, "s", "r") or name not in fields:
            return _formatting(template, fields)
        pieces.append("%r" if conversion == "r" else "%s")
        positions.append(fields.index(name))
    pattern = "".join(pieces)
    if not positions:
        constant = pattern % ()
        return lambda values: constant
    if len(positions) == 1:
        (at,) = positions
        return lambda values: pattern % (values[at],)
    pick = operator.itemgetter(*positions)
    return lambda values: pattern % pick(values)


def _formatting(template: str, fields: tuple[str, ...]) -> Fill:
    return lambda values: template.format(**dict(zip(fields, values, strict=True)))


K = TypeVar("K")


class Translated(Mapping[K, str]):
    """A table of marked (``N_()``) texts whose values come out translated when read.

    For module-level tables of labels: ``LABELS = Translated({"app_id": N_("App ID")})``;
    ``LABELS["app_id"]`` is "App ID" or "App ID" in the active language at that moment.
    """

    def __init__(self, texts: Mapping[K, str]) -> None:
        self._texts = dict(texts)

    def __getitem__(self, key: K) -> str:
        return _(self._texts[key])

    def __iter__(self) -> Iterator[K]:
        return iter(self._texts)

    def __len__(self) -> int:
        return len(self._texts)


def N_plural(singular: str, plural: str) -> tuple[str, str]:
    """Mark a singular/plural pair for extraction; show it with ``ngettext(*pair, count)``."""
    return (singular, plural)
