#!/usr/bin/env python3
"""The gettext catalogues of the core and the CLI: extract, update, compile, check (needs Babel).

    .venv/bin/python scripts/i18n.py update        # extract the strings, merge them into every .po
    .venv/bin/python scripts/i18n.py compile       # .po -> .mo (the .mo files are committed)
    .venv/bin/python scripts/i18n.py check         # what the tests check: exit 1 with a list
    .venv/bin/python scripts/i18n.py init fr       # start a new language: one new .po

The window's Qt catalogue has its own commands (README, "Translations"). The program
itself needs no Babel: it reads the compiled .mo with the standard library.
"""

from __future__ import annotations

import argparse
import ast
import gettext
import io
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "agora_desk"
LOCALE_DIR = PACKAGE / "locale"
DOMAIN = "agora_desk"
# The names agora_desk.core.i18n exports; "ngettext: 1,2" = singular and plural.
KEYWORDS: dict[str, tuple[int, ...] | tuple[tuple[int, str], ...] | None] = {
    "_": None,
    "N_": None,
    "ngettext": (1, 2),
    "N_plural": (1, 2),
    "pgettext": ((1, "c"), 2),
    # core/wire.Reader: a field's name, shown only in the message of a token cut short.
    "Reader": (2,),
    "u16": None,
    "i16": None,
    "u32": None,
    "string": None,
    "string_text": None,
    "map_u32": None,
    "map_str": None,
    "_short": (2,),
}
COMMENT_TAGS = ("Translators:",)
WIDTH = 100
HEADER = "Simplified Chinese and other translations of agora-desk (core and CLI)."


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(language: str) -> Path:
    return po_path(language).with_suffix(".mo")


def languages() -> list[str]:
    return sorted(p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def extract() -> Catalog:
    """Every marked string in the package, with the files it appears in (no line numbers:
    they would change with every edit and make merges conflict)."""
    template = Catalog(domain=DOMAIN, project="agora-desk", charset="utf-8")
    found = extract_from_dir(
        str(PACKAGE),
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=COMMENT_TAGS,
        strip_comment_tags=True,
    )
    for filename, _lineno, message, comments, context in found:
        location = (f"agora_desk/{Path(filename).as_posix()}", None)
        template.add(message, locations=[location], auto_comments=comments, context=context)
    return template


def read(language: str) -> Catalog:
    with po_path(language).open("rb") as handle:
        return read_po(handle, locale=language, domain=DOMAIN)


def _write_po(catalog: Catalog, path: Path) -> None:
    out = io.BytesIO()
    write_po(out, catalog, width=WIDTH, omit_header=False, ignore_obsolete=True,
             include_lineno=False, sort_by_file=False)  # fmt: skip
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(out.getvalue())


def compiled(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def update(language: str, template: Catalog) -> None:
    path = po_path(language)
    if path.exists():
        catalog = read(language)
    else:
        catalog = Catalog(locale=language, domain=DOMAIN, project="agora-desk", charset="utf-8",
                          language_team=f"agora-desk {language}", fuzzy=False)  # fmt: skip
    catalog.header_comment = f"# {HEADER}\n# Update with: python scripts/i18n.py update"
    created = catalog.creation_date
    catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
    # The dates would change on every run and make every merge of two helpers' work conflict.
    catalog.creation_date = created
    _write_po(catalog, path)


def compile_all() -> None:
    for language in languages():
        mo_path(language).write_bytes(compiled(read(language)))


# -- checks ---------------------------------------------------------------------

_BRACE = re.compile(r"\{[^{}]*\}")
_PERCENT = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[sdrifxX%]")


def placeholders(text: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """Named ``{field}``/``%(name)s`` ones as a set (a translation may reorder them) and
    unnamed ``%s`` ones in order (it may not)."""
    named = set(_BRACE.findall(text))
    positional = []
    for match in _PERCENT.findall(text):
        (named.add if "(" in match else positional.append)(match)
    positional = [p for p in positional if p != "%%"]
    return frozenset(named), tuple(positional)


def _ids(message: Message) -> tuple[str, ...]:
    return message.id if isinstance(message.id, tuple) else (message.id,)


def _strings(message: Message) -> tuple[str, ...]:
    return message.string if isinstance(message.string, tuple) else (message.string,)


def _key(message: Message) -> tuple[str, str | None]:
    return (_ids(message)[0], message.context)


def built_strings(package: Path = PACKAGE) -> Iterator[str]:
    """``_(f"...")`` and friends: extraction cannot see them, so they would stay English."""
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in KEYWORDS
                and any(isinstance(a, (ast.JoinedStr, ast.BinOp)) for a in node.args)
            ):
                where = path.relative_to(package.parent)
                yield f"{where}:{node.lineno}: {node.func.id}() of a built string; use a literal with {{placeholders}}"


def _entries(mo: bytes) -> dict[object, str]:
    """What a compiled catalogue translates, without its header (which names the Babel
    version that compiled it)."""
    entries = dict(gettext.GNUTranslations(io.BytesIO(mo))._catalog)  # type: ignore[attr-defined]
    entries.pop("", None)
    return entries


def problems(language: str, template: Catalog | None = None) -> list[str]:
    """What is wrong with one language's catalogue; empty when it is complete and compiled."""
    template = extract() if template is None else template
    catalog = read(language)
    found: list[str] = []
    wanted = {_key(m): m for m in template if m.id}
    have = {_key(m): m for m in catalog if m.id}
    for key in wanted.keys() - have.keys():
        found.append(f"{language}: no entry for {key[0]!r} (run scripts/i18n.py update)")
    for key in have.keys() - wanted.keys():
        found.append(f"{language}: obsolete entry {key[0]!r} (run scripts/i18n.py update)")
    for key in wanted.keys() & have.keys():
        message = have[key]
        if _ids(message) != _ids(wanted[key]):
            found.append(f"{language}: plural of {key[0]!r} changed (run scripts/i18n.py update)")
        strings = _strings(message)
        if message.fuzzy or not all(strings):
            found.append(f"{language}: {key[0]!r} is not translated")
            continue
        expected = placeholders(_ids(message)[-1])
        for text in strings:
            if placeholders(text) != expected:
                found.append(
                    f"{language}: {key[0]!r} -> {text!r}: placeholders differ from the source"
                )
    mo = mo_path(language)
    if not mo.exists() or _entries(mo.read_bytes()) != _entries(compiled(catalog)):
        found.append(f"{language}: {mo.name} is not compiled from the .po "
                     "(run scripts/i18n.py compile)")  # fmt: skip
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("update", help="extract and merge into every .po")
    commands.add_parser("compile", help="compile every .po into its .mo")
    commands.add_parser("check", help="list what is missing, obsolete or wrong")
    init = commands.add_parser("init", help="start the catalogue of a new language")
    init.add_argument("language", help="a locale name such as fr or pt_BR")
    args = parser.parse_args(argv)
    if args.command == "check":
        template = extract()
        found = list(built_strings())
        found += [p for language in languages() for p in problems(language, template)]
        for line in found:
            print(line)
        return 1 if found else 0
    if args.command == "init":
        if po_path(args.language).exists():
            parser.error(f"{po_path(args.language)} exists; use update")
        update(args.language, extract())
    elif args.command == "update":
        template = extract()
        for language in languages():
            update(language, template)
    compile_all()
    return 0


if __name__ == "__main__":
    sys.exit(main())
