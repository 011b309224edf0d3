"""The diagnosis engine: why would Agora reject this token, and what to do.

Shared by ``agora-desk decode`` and the Inspect tab. Each format checks
itself (see :mod:`agora_desk.core.formats`); this module finds who signed
the token (every saved certificate for its App ID), adds the reported error
code, puts the checks in causal order and writes the verdict. It returns a
new :class:`DecodedToken`; the parsed token is never changed.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

from agora_desk.core import errorcodes, verdict
from agora_desk.core.checks import Expectations, Findings
from agora_desk.core.decode import parse_any
from agora_desk.core.decoded import Check, CheckName, DecodedToken, SignedBy
from agora_desk.core.errors import AgoraDeskError
from agora_desk.core.formats.registry import Parsed
from agora_desk.core.i18n import _
from agora_desk.core.secret import Secret


@dataclass(frozen=True)
class Candidate:
    """A certificate that may have signed the token, and where it is kept."""

    certificate: Secret
    profile: str | None  # None: from the environment
    which: str = "primary"  # "primary" | "secondary"


class SignerLookup(Protocol):
    """Where saved certificates come from (the CLI: profiles + keyring; the tab: the same)."""

    def candidates(self, app_id: str) -> Sequence[Candidate]:
        """Certificates to try for ``app_id``; may raise an AgoraDeskError (no keyring ...)."""
        ...

    def profiles_with(self, app_id: str) -> Sequence[str]:
        """Names of saved profiles whose App ID is ``app_id`` (any letter case)."""
        ...


CAUSAL_ORDER = {name: index for index, name in enumerate(CheckName)}


def diagnose(
    text: str,
    expect: Expectations | None = None,
    *,
    signers: Sequence[Candidate] | None = None,
    lookup: SignerLookup | None = None,
) -> DecodedToken:
    """Decode ``text`` and run every check the expectations allow.

    ``signers`` are certificates to try in order (a profile's primary and
    secondary, the environment's); without them ``lookup`` is asked for the
    token's App ID. With neither, ``expect.certificate`` (if any) is used.
    """
    return run_checks(parse_any(text), expect or Expectations(), signers=signers, lookup=lookup)


def run_checks(
    parsed: Parsed[Any],
    expect: Expectations,
    *,
    signers: Sequence[Candidate] | None = None,
    lookup: SignerLookup | None = None,
) -> DecodedToken:
    now = int(time.time()) if expect.now is None else expect.now
    base = parsed.decoded
    warnings: list[str] = []
    diagnosed = signers is not None or lookup is not None
    signed_by: SignedBy | None = None
    if signers is None and lookup is not None and expect.certificate is None and base.app_id:
        try:
            signers = list(lookup.candidates(base.app_id))
        except AgoraDeskError as exc:
            warnings.append(
                _("saved profiles' certificates were not tried: {error}").format(error=exc)
            )
            signers = []
        if not signers:
            names = _profiles_with(lookup, base.app_id)
            if not names:
                warnings.append(
                    _("no saved profile has App ID {app_id}: the signature was not checked").format(
                        app_id=base.app_id
                    )
                )
    if signers:
        signature, signed_by = _search(parsed, expect, signers)
    else:
        signature = parsed.signature(expect)
    # The other checks do not depend on the certificate: run once, whoever signed.
    # (Read side by side, not summed: a format's other checks never judge the signature.)
    found = parsed.checks_but_signature(expect, now)
    checks = [*found.checks, *signature.checks]
    signature_valid = signature.signature_valid
    if _fails(checks, CheckName.APP_ID):
        # Another project's certificate cannot have signed it: blame the App ID only.
        checks = [
            _not_judged(c) if c.name is CheckName.SIGNATURE and c.failed else c for c in checks
        ]
        signature_valid = None if signature_valid is False else signature_valid
    if lookup is not None:
        checks = _name_other_profile(checks, base.app_id, lookup)
    if expect.error is not None:
        checks.append(errorcodes.explain(expect.error, checks))
    checks = ordered(checks)
    decoded = base.copy()  # a new model: the parsed one is never changed
    decoded.checks = checks
    decoded.warnings = [*base.warnings, *found.warnings, *signature.warnings, *warnings]
    decoded.signature_valid = signature_valid
    decoded.signed_by = signed_by
    decoded.diagnosed = diagnosed
    decoded.verdict = verdict.of(decoded, now, expect)
    return decoded


def _search(
    parsed: Parsed[Any], expect: Expectations, signers: Sequence[Candidate]
) -> tuple[Findings, SignedBy | None]:
    """The signature check of the first candidate that signed the token, and who that is.

    Stops at the first match (a primary that verifies spares the secondary).
    When none did, the first candidate's result, naming every one tried.
    """
    first: Findings | None = None
    for cand in signers:
        attempt = parsed.signature(expect.with_certificate(cand.certificate))
        if attempt.signature_valid:
            return attempt, SignedBy(cand.profile, cand.which)
        if first is None:
            first = attempt
    assert first is not None  # signers is not empty
    tried = ", ".join(
        _("{profile} ({certificate})").format(
            profile=c.profile or _("environment"), certificate=_(c.which)
        )
        for c in signers
    )
    return _with_tried(first, tried), None


def _fails(checks: Sequence[Check], name: CheckName) -> bool:
    # ``ok is False`` is Check.failed, read without a property call per check.
    for c in checks:
        if c.ok is False and c.name is name:
            return True
    return False


def ordered(checks: Sequence[Check]) -> list[Check]:
    """Causal order, with the failed check that explains the others first."""
    rank = CAUSAL_ORDER
    result = sorted(checks, key=lambda c: rank[c.name])
    for index, check in enumerate(result):
        if check.ok is False:  # check.failed, without a property call per check
            if index:
                result.insert(0, result.pop(index))
            break
    return result


def _not_judged(check: Check) -> Check:
    return replace(
        check,
        ok=None,
        detail=_(
            "cannot tell: the token is for another App ID, so this project's certificate cannot have signed it"
        ),
        fix=_("Check the token against the profile of its own App ID."),
    )


def _with_tried(findings: Findings, tried: str) -> Findings:
    out = tuple(
        replace(c, detail=_("{detail} (tried: {tried})").format(detail=c.detail, tried=tried))
        if c.name is CheckName.SIGNATURE and c.failed
        else c
        for c in findings.checks
    )
    return replace(findings, checks=out)


def _profiles_with(lookup: SignerLookup, app_id: str) -> list[str]:
    try:
        return list(lookup.profiles_with(app_id))
    except AgoraDeskError:
        return []


def _name_other_profile(checks: list[Check], app_id: str, lookup: SignerLookup) -> list[Check]:
    """A token for another saved project says which profile that is."""
    names = _profiles_with(lookup, app_id)
    if not names:
        return checks
    shown = ", ".join(repr(n) for n in names)
    return [
        replace(
            c,
            detail=_("{detail}; that is the App ID of saved profile {shown}").format(
                detail=c.detail, shown=shown
            ),
            fix=_("Select profile {names!r}, or use a token built for this project.").format(
                names=names[0]
            ),
        )
        if c.name is CheckName.APP_ID and c.failed
        else c
        for c in checks
    ]
