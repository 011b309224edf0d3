"""One glossary (docs/glossary-zh_CN.md) and every zh_CN catalogue using its terms."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = ROOT / "docs" / "glossary-zh_CN.md"
PO = ROOT / "agora_desk" / "locale" / "zh_CN" / "LC_MESSAGES" / "agora_desk.po"
# Code, not words to translate: placeholders, options, quoted commands and keys ('agora-desk
# profile add', "privileges"), names like X-Agora-Desk-Key or gnome-keyring-daemon.
_CODE = re.compile(
    r"\{[^{}]*\}|%\(\w+\)[sdr]|%[sdr]|--[\w-]+|(?<![A-Za-z])'[^']*'|\"[^\"]*\"|\w+(?:-\w+){2,}"
)


def glossary() -> list[tuple[str, str]]:
    rows = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) == 3 and cells[0] not in ("English", "---"):
            rows.append((cells[0], cells[1]))
    return rows


def _pattern(term: str) -> re.Pattern[str]:
    """The term as a whole word, an 's' plural allowed; lower-case terms in any case."""
    flags = re.IGNORECASE if term.islower() else 0
    return re.compile(rf"(?<![A-Za-z]){re.escape(term)}s?(?![A-Za-z])", flags)


def po_entries() -> Iterator[tuple[str, str]]:
    with PO.open("rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        yield ids[0], strings[0]


def ts_entries() -> Iterator[tuple[str, str]]:
    """The window's Qt catalogues (.ts sources) in Simplified Chinese."""
    for path in sorted((ROOT / "agora_desk").rglob("*zh_CN*.ts")):
        for message in ET.parse(path).getroot().iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is not None and translation.get("type") not in ("obsolete", "vanished"):
                text = "".join(translation.itertext()) or "".join(
                    n.text or "" for n in translation.iter("numerusform")
                )
                yield source, text


def mismatches(entries: Iterator[tuple[str, str]], terms: list[tuple[str, str]]) -> list[str]:
    found = []
    patterns = [(_pattern(en), en, zh) for en, zh in terms]
    for source, translation in entries:
        words = _CODE.sub(" ", source)
        for pattern, en, zh in patterns:
            if pattern.search(words) and zh not in translation:
                found.append(f"{source!r}: {en!r} should read {zh!r} in {translation!r}")
    return found


def test_the_glossary_has_sourced_unique_terms() -> None:
    terms = glossary()
    assert len(terms) >= 20
    english = [en for en, _ in terms]
    assert len(english) == len(set(english)), "a term is listed twice"
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        if line.startswith("|") and not line.startswith(("| English", "| ---")):
            assert line.rstrip().rstrip("|").rsplit("|", 1)[1].strip(), f"no source: {line}"


@pytest.mark.parametrize("term", ["App Certificate", "temporary token", "channel name", "user ID",
                                  "Customer ID", "Customer Secret", "Agora"])  # fmt: skip
def test_the_issues_terms_are_in_the_glossary(term: str) -> None:
    assert term in dict(glossary())


def test_the_gettext_catalogue_uses_the_glossary() -> None:
    assert mismatches(po_entries(), glossary()) == []


def test_the_qt_catalogue_uses_the_glossary() -> None:
    assert mismatches(ts_entries(), glossary()) == []


def test_a_term_translated_otherwise_is_found() -> None:
    entries = iter([("the App Certificate of {profile}", "{profile} 的应用证书"),
                    ("--channel is required", "必须提供 --channel"),
                    ("2 tokens", "2 个 Token")])  # fmt: skip
    found = mismatches(entries, [("App Certificate", "App 证书"), ("channel", "频道"),
                                 ("token", "Token")])  # fmt: skip
    assert found == ["'the App Certificate of {profile}': 'App Certificate' should read "
                     "'App 证书' in '{profile} 的应用证书'"]  # fmt: skip
