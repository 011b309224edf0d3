"""Comments and docs point only at files in the project, and those files exist.

The project documents its own contract (docs/cli.md, tests/data/README.md):
nothing may send a reader to a folder beside the checkout or to a file that
was moved or never written.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCANNED = ("agora_desk", "tests", "benchmarks", "scripts", "packaging", "docs", ".ci")
TOP_FILES = ("README.md", "pyproject.toml")
SKIPPED_PARTS = {"__pycache__", "data", ".deps"}  # tests/data: the vectors themselves
SUFFIXES = {".py", ".md", ".sh", ".toml", ".spec", ".txt", ""}

# A concrete project path (no glob, no placeholder) with a file extension.
PROJECT_PATH = re.compile(
    r"(?<![\w./-])(?:agora_desk|tests|benchmarks|scripts|packaging|docs|resources)"
    r"/[A-Za-z0-9_./-]*[A-Za-z0-9_]\.(?:md|py|sh|json|toml|spec|xml|desktop)\b(?![*<])"
)
OUTSIDE = re.compile(r"\.\./shared\b|\bshared/(?:spec|vectors|seeds)\b|(?<![\w/])spec/\w+\.md")


def _texts() -> list[tuple[str, str]]:
    found = [(name, (ROOT / name).read_text(encoding="utf-8")) for name in TOP_FILES]
    for folder in SCANNED:
        for path in sorted((ROOT / folder).rglob("*")):
            rel = path.relative_to(ROOT)
            if not path.is_file() or SKIPPED_PARTS & set(rel.parts) or path.suffix not in SUFFIXES:
                continue
            if path.suffix == "" and not path.read_bytes().startswith(b"#!"):
                continue  # only scripts among files without a suffix
            found.append((rel.as_posix(), path.read_text(encoding="utf-8")))
    return found


TEXTS = _texts()


def test_the_scan_sees_the_project() -> None:
    names = {name for name, _ in TEXTS}
    assert {"README.md", "scripts/test", "docs/cli.md", "agora_desk/cli/main.py"} <= names


def test_nothing_points_outside_the_project() -> None:
    bad = [
        f"{name}:{text.count(chr(10), 0, m.start()) + 1}: {m.group()}"
        for name, text in TEXTS
        for m in OUTSIDE.finditer(text)
        if name != "tests/test_references.py"
    ]
    assert bad == [], "point at docs/cli.md or another file in the project instead"


def test_every_project_file_named_exists() -> None:
    missing = [
        f"{name}:{text.count(chr(10), 0, m.start()) + 1}: {m.group()}"
        for name, text in TEXTS
        for m in PROJECT_PATH.finditer(text)
        if not (ROOT / m.group()).exists()
    ]
    assert missing == []
