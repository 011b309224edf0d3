"""Checks that say why a token would be rejected, each with a fix.

Shared by the Inspect tab and ``agora-desk decode``: each format checks
itself (see :mod:`agora_desk.core.formats`); this module runs them for a
pasted text and returns a new :class:`DecodedToken` with the findings.
"""

from __future__ import annotations

import time
from dataclasses import replace
from typing import Any

from agora_desk.core.checks import Expectations
from agora_desk.core.decode import parse_any
from agora_desk.core.decoded import DecodedToken
from agora_desk.core.formats import Parsed


def diagnose(text: str, expect: Expectations | None = None) -> DecodedToken:
    """Decode ``text`` and run every check the expectations allow."""
    return run_checks(parse_any(text), expect or Expectations())


def run_checks(parsed: Parsed[Any], expect: Expectations) -> DecodedToken:
    """The parsed token's model with the checks for ``expect``; ``parsed`` is not changed."""
    now = int(time.time()) if expect.now is None else expect.now
    findings = parsed.check(expect, now)
    base = parsed.decoded
    return replace(
        base,
        checks=list(findings.checks),
        warnings=[*base.warnings, *findings.warnings],
        signature_valid=findings.signature_valid,
    )
