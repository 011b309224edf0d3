"""The window's translations: Qt's ``QTranslator`` catalogues, ours and Qt's own.

Every user-visible string in ``agora_desk/gui`` goes through :func:`translate`
with an explicit context and a literal source, never an f-string or a
concatenation (``pyside6-lupdate`` reads exactly these calls)::

    translate("SettingsDialog", "Default token e&xpiry:")
    translate("ExpiryDisplay", "Expires in {minutes} min").format(minutes=m)
    translate("InspectTab", "%n check(s) failed", None, 0).counted(failed)

* The context is written out rather than taken from ``self.tr()``: PySide6
  looks ``tr()`` up under the subclass's name at run time, lupdate under the
  class that wrote the call, and the two differ in every subclass.
* A plural has the literal ``0`` as the fourth argument and the real count in
  :meth:`Translated.counted`: lupdate marks a message as plural only when
  that argument is a number literal, and drops the call if it is an
  expression.
* A string needed before any translator exists (a module-level table) is
  marked with :data:`QT_TRANSLATE_NOOP` and translated where it is shown.

Which language is shown is decided by :mod:`agora_desk.core.i18n` (the
system locale, or the Settings choice); :func:`apply_language` makes the
core and the window agree and loads the catalogues: ours
(``translations/agora_desk_<lang>.qm``, shipped in the package) and Qt's
``qtbase_<lang>.qm`` (standard buttons, file dialogs, shipped in PySide6).
Changing the language while the window is open re-translates what is on
screen in place (:mod:`agora_desk.gui.text_slots`), so nothing typed is lost:
each translated string remembers how it was made (:class:`Translated`).
``scripts/translations.py`` extracts and compiles the catalogues.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, NamedTuple

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from agora_desk.core import i18n
from agora_desk.core.i18n import SYSTEM, Language

__all__ = [
    "CATALOGUE_DIR",
    "LANGUAGE_CHOICES",
    "QT_TRANSLATE_NOOP",
    "Recipe",
    "Translated",
    "apply_language",
    "catalogue_path",
    "choice_label",
    "recipe_of",
    "retranslated",
    "translate",
]

CATALOGUE_DIR = Path(__file__).resolve().parent / "translations"
CATALOGUE_PREFIX = "agora_desk_"

# What Settings offers, in this order; the value is what QSettings stores.
LANGUAGE_CHOICES: tuple[str, ...] = (SYSTEM, *(language.value for language in Language))


def choice_label(choice: str) -> str:
    """How Settings names a choice: a language in itself, so its readers find it."""
    if choice == SYSTEM:
        return translate("Language", "System ({language})").format(
            language=i18n.system_language().native_name
        )
    return Language(choice).native_name


class Recipe(NamedTuple):
    """A translated string's source, and the values formatted into it."""

    context: str
    source: str
    disambiguation: str | None
    n: int
    args: tuple[Any, ...]
    kwargs: tuple[tuple[str, Any], ...]

    def make(self) -> Translated:
        text = translate(self.context, self.source, self.disambiguation, self.n)
        if self.args or self.kwargs:
            # A value that was translated too (a tab title in a menu entry) is made again.
            args = [_again(a) for a in self.args]
            return text.format(*args, **{k: _again(v) for k, v in self.kwargs})
        return text


def _again(value: Any) -> Any:
    return value._recipe.make() if isinstance(value, Translated) else value


# The strings handed out, newest last, and how each was made: what a
# language change looks up to re-translate a label in place. Bounded, since
# countdowns and status lines make new strings all the time.
_MADE: dict[str, Recipe] = {}
_MADE_LIMIT = 20_000


_MADE_LOCK = threading.Lock()  # jobs format messages off the GUI thread too


def _remember(text: str, recipe: Recipe) -> None:
    with _MADE_LOCK:
        _MADE.pop(text, None)
        _MADE[text] = recipe
        if len(_MADE) > _MADE_LIMIT:
            del _MADE[next(iter(_MADE))]


class Translated(str):
    """A translated string that remembers its source, so it can be made again in another language."""

    _recipe: Recipe

    def format(self, *args: Any, **kwargs: Any) -> Translated:
        base = self._recipe
        return _made(
            super().format(*args, **kwargs),
            base._replace(args=args, kwargs=tuple(kwargs.items())),
        )

    def counted(self, count: int) -> Translated:
        """The plural form for ``count``, ``%n`` replaced by it."""
        base = self._recipe
        return translate(base.context, base.source, base.disambiguation, count)


def _made(text: str, recipe: Recipe) -> Translated:
    result = Translated(text)
    result._recipe = recipe
    _remember(result, recipe)
    return result


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # the name lupdate looks for
    """Mark ``source`` for extraction under ``context``; :func:`translate` it where shown."""
    return source


def translate(
    context: str, source: str, disambiguation: str | None = None, n: int = -1
) -> Translated:
    """``source`` in the window's language (the source itself when there is no entry)."""
    text = QCoreApplication.translate(context, source, disambiguation, n)
    return _made(text, Recipe(context, source, disambiguation, n, (), ()))


def recipe_of(text: str) -> Recipe | None:
    """How :func:`translate` made ``text`` (None: made elsewhere, e.g. typed or by the core)."""
    return _MADE.get(text)


def retranslated(text: str) -> str | None:
    """``text`` made again in the current language, or None if it was not made by :func:`translate`."""
    recipe = _MADE.get(text)
    if recipe is None:
        return None
    made = recipe.make()
    return None if made == text else str(made)


def catalogue_path(code: str) -> Path:
    """Where our compiled catalogue for ``code`` (e.g. ``zh_CN``) lives in the package."""
    return CATALOGUE_DIR / f"{CATALOGUE_PREFIX}{code}.qm"


class _Translators:
    """The translators installed on the application: ours and Qt's, for one language."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.language = Language.ENGLISH

    def install(self, language: Language) -> None:
        self.remove()
        self.language = language
        ours = QTranslator()
        # English too: its catalogue has the plural forms of "%n check(s)".
        if ours.load(str(catalogue_path(language.value))):
            self._add(ours)
        if language is Language.ENGLISH:
            return
        qt_own = QTranslator()
        # Qt's catalogue is optional: a stripped bundle still gets ours.
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_own.load(QLocale(language.value), "qtbase", "_", qt_dir):
            self._add(qt_own)

    def _add(self, translator: QTranslator) -> None:
        QCoreApplication.installTranslator(translator)
        self._installed.append(translator)

    def remove(self) -> None:
        for translator in self._installed:
            QCoreApplication.removeTranslator(translator)
        self._installed.clear()
        self.language = Language.ENGLISH


_translators = _Translators()


def apply_language(choice: str) -> Language:
    """Show the core's messages and the window in ``choice`` ("system", "en", "zh_CN").

    An unknown choice (a damaged settings file) follows the system. Windows
    already open are re-translated by :func:`agora_desk.gui.text_slots.retranslate`.
    """
    try:
        language = i18n.set_language(choice)
    except ValueError:
        language = i18n.set_language(SYSTEM)
    _translators.install(language)
    return language
