#!/usr/bin/env python3
"""The window's catalogues: extract strings into .ts files, compile them to .qm.

    .venv/bin/python scripts/translations.py extract     # sources -> every .ts
    .venv/bin/python scripts/translations.py compile     # every .ts -> .qm
    .venv/bin/python scripts/translations.py check       # both up to date? (exit 1 if not)
    .venv/bin/python scripts/translations.py new de_DE   # start a catalogue for a language

agora_desk_en.ts holds only the English plural forms (the sources say
"%n check(s)"; it says "1 check" / "2 checks").

The .ts files in agora_desk/gui/translations/ are the sources translators
edit (Qt Linguist, or any XML editor); the .qm files next to them are what
the package ships and loads. Both tools come with PySide6 (pyside6-lupdate,
pyside6-lrelease). ``--root DIR`` works on another checkout (the tests use
a temporary copy).
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUI = Path("agora_desk") / "gui"
CATALOGUES = GUI / "translations"
PREFIX = "agora_desk_"
# No source locations: a line moving elsewhere does not rewrite the
# catalogue, so the "up to date" check only trips on real string changes.
LUPDATE_OPTIONS = ("-locations", "none", "-no-obsolete", "-silent")
ENGLISH = f"{PREFIX}en"
PLURAL_ONLY = ("-pluralonly",)


def _tool(name: str) -> str:
    """pyside6-<name> from the interpreter's environment (or PATH)."""
    here = Path(sys.executable).parent / f"pyside6-{name}"
    if here.exists():
        return str(here)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"pyside6-{name} not found: install PySide6 in this environment")
    return found


def sources(root: Path) -> list[Path]:
    return sorted(p for p in (root / GUI).rglob("*.py") if "__pycache__" not in p.parts)


def catalogues(root: Path) -> list[Path]:
    return sorted((root / CATALOGUES).glob(f"{PREFIX}*.ts"))


def extract(root: Path, ts_files: list[Path] | None = None) -> None:
    files = catalogues(root) if ts_files is None else ts_files
    if not files:
        raise SystemExit(f"no {PREFIX}*.ts in {root / CATALOGUES}")
    # lupdate is given source names relative to the root, so the output does
    # not depend on where the checkout is.
    names = [str(p.relative_to(root)) for p in sources(root)]
    # The source language needs only its plural forms ("1 check", "2 checks").
    english = [p for p in files if p.stem == ENGLISH]
    for group, extra in (([p for p in files if p not in english], ()), (english, PLURAL_ONLY)):
        if group:
            subprocess.run(  # noqa: S603 -- PySide6's own tool on our own files
                [_tool("lupdate"), *LUPDATE_OPTIONS, *extra, *names, "-ts", *map(str, group)],
                cwd=root,
                check=True,
            )


def compile_one(ts: Path, out_dir: Path) -> Path:
    qm = out_dir / ts.with_suffix(".qm").name
    subprocess.run(  # noqa: S603 -- PySide6's own tool on our own files
        [_tool("lrelease"), "-silent", "-nounfinished", str(ts), "-qm", str(qm)], check=True
    )
    return qm


def unfinished(ts: Path) -> list[str]:
    """Source strings of ``ts`` without a finished translation."""
    missing = []
    root = ET.parse(ts).getroot()  # noqa: S314 -- our own catalogue
    for message in root.iter("message"):
        translation = message.find("translation")
        source = message.findtext("source", "")
        if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
            missing.append(source)
            continue
        forms = translation.findall("numerusform")
        if not (translation.text or "").strip() and not any((f.text or "").strip() for f in forms):
            missing.append(source)
    return missing


def check(root: Path) -> list[str]:
    """What is out of date, as sentences; empty when everything matches the sources."""
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="agora-desk-ts-") as tmp:
        scratch = Path(tmp)
        copies = []
        for ts in catalogues(root):
            copy = scratch / ts.name  # same name: extract() knows the English one by it
            shutil.copyfile(ts, copy)
            copies.append(copy)
        extract(root, copies)
        for ts, copy in zip(catalogues(root), copies, strict=True):
            rel = ts.relative_to(root)
            if not filecmp.cmp(ts, copy, shallow=False):
                problems.append(f"{rel} is not up to date with the sources: run extract")
            for source in unfinished(copy):
                problems.append(f"{rel}: no translation for {source!r}")
            qm = ts.with_suffix(".qm")
            built = compile_one(ts, scratch)
            if not qm.exists() or not filecmp.cmp(qm, built, shallow=False):
                problems.append(f"{qm.relative_to(root)} does not match {ts.name}: run compile")
    return problems


def new(root: Path, code: str) -> Path:
    ts = root / CATALOGUES / f"{PREFIX}{code}.ts"
    if ts.exists():
        raise SystemExit(f"{ts} exists already")
    ts.parent.mkdir(parents=True, exist_ok=True)
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        f'<TS version="2.1" language="{code}" sourcelanguage="en"></TS>\n',
        encoding="utf-8",
    )
    extract(root, [ts])
    return ts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout (default: this one)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("extract", help="update every .ts from the sources")
    commands.add_parser("compile", help="compile every .ts into its .qm")
    commands.add_parser("check", help="fail when a .ts or .qm is behind the sources")
    start = commands.add_parser("new", help="start a catalogue for a language")
    start.add_argument("code", help="a locale code such as de_DE or zh_TW")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if args.command == "extract":
        extract(root)
        for ts in catalogues(root):
            todo = unfinished(ts)
            print(f"{ts.relative_to(root)}: {len(todo)} to translate")
    elif args.command == "compile":
        for ts in catalogues(root):
            print(compile_one(ts, ts.parent).relative_to(root))
    elif args.command == "check":
        problems = check(root)
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            print(
                "Fix: scripts/translations.py extract, translate the entries above in the "
                ".ts (Qt Linguist or an editor), then scripts/translations.py compile.",
                file=sys.stderr,
            )
            return 1
    elif args.command == "new":
        print(new(root, args.code).relative_to(root))
    return 0


if __name__ == "__main__":
    sys.exit(main())
