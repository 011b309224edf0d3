"""The official vectors in tests/data/ (their format: tests/data/README.md).

They are facts, kept in the project so that a clean clone tests standalone: a
missing or empty file is an error here, never a skip.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from agora_desk.core.formats import v007

DATA = Path(__file__).resolve().parent / "data"
FILES = ("published.json", "generated.json")


def load(name: str) -> list[dict[str, Any]]:
    """The cases of one file in tests/data/."""
    cases: list[dict[str, Any]] = json.loads((DATA / name).read_text(encoding="utf-8"))["cases"]
    if not cases:
        raise AssertionError(f"{DATA / name} holds no cases")
    return cases


def all_cases() -> list[dict[str, Any]]:
    """Every case, each with the ``source`` file it came from."""
    return [{**case, "source": name} for name in FILES for case in load(name)]


def case_id(case: dict[str, Any]) -> str:
    return case.get("name") or f"{case['format']}-{case.get('salt')}-{case['token'][-12:]}"


def services_of(case: dict[str, Any]) -> list[v007.Service]:
    """Vector service dicts → service objects (field names as in docs/cli.md)."""
    out: list[v007.Service] = []
    for s in case["services"]:
        cls = v007.SERVICE_CLASSES[s["type"]]
        kw = {k: v for k, v in s.items() if k not in ("type", "privileges", "permissions")}
        if "permissions" in s:
            kw["permissions"] = {
                int(rt): {int(pt): list(res) for pt, res in by.items()}
                for rt, by in s["permissions"].items()
            }
        out.append(cls(privileges={int(k): v for k, v in s["privileges"].items()}, **kw))
    return out
