"""Which saved App Certificate signed a pasted token, before it authenticates a REST call.

Agora Console keeps a primary and a secondary App Certificate per project;
the secondary "does not apply to RESTful APIs" (Console's project page), so a
token it signed is refused in ``Authorization: agora token=`` although it
joins channels fine. The signature is checked here with the profile's
certificates (the same ones Inspect tries), so the doctor can name the
secondary before sending and the explanation can name it after a 401.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from agora_desk.core.credentials import Credentials
from agora_desk.core.decoded import SignedBy
from agora_desk.core.diagnostics import Candidate
from agora_desk.core.errors import TokenFormatError
from agora_desk.core.formats import v007
from agora_desk.core.i18n import _, ngettext

PRIMARY = "primary"
SECONDARY = "secondary"


@dataclass(frozen=True)
class Signature:
    """What trying the saved certificates on a token found."""

    signed_by: SignedBy | None  # None: none of the certificates tried signed it
    tried: str  # "the primary and secondary certificates of profile 'prod'"

    @property
    def problem(self) -> tuple[str, str] | None:
        """``(what is wrong, the fix)`` for a token that will not authenticate, else None."""
        if self.signed_by is None:
            return (
                _("is not signed by {tried}").format(tried=self.tried),
                _("build it with the project's current certificate"),
            )
        if self.signed_by.certificate == SECONDARY:
            return (
                _(
                    "is signed with {signed_by}, which does not apply to Agora's RESTful APIs"
                ).format(signed_by=self.signed_by.describe()),
                _("sign it with the primary certificate"),
            )
        return None

    def cause(self) -> str | None:
        """The clause an explanation gives ("the token …; fix"), or None."""
        problem = self.problem
        if problem is None:
            return None
        return _("the token {problem}; {fix}").format(problem=problem[0], fix=problem[1])


def candidates(creds: Credentials) -> list[Candidate]:
    """The certificates of ``creds`` to try, the primary first."""
    return [
        Candidate(cert, creds.profile, which)
        for cert, which in (
            (creds.app_certificate, PRIMARY),
            (creds.app_certificate_secondary, SECONDARY),
        )
        if cert
    ]


def check(token: str, signers: Sequence[Candidate], app_id: str = "") -> Signature | None:
    """Which of ``signers`` signed ``token``; None when nothing can be said.

    Nothing is said for a token that is not 007 (the doctor says that), one
    of another App ID than ``app_id`` (its App ID is the cause, not the
    certificate), or when there is no certificate to try.
    """
    if not signers:
        return None
    try:
        parsed = v007.parse(token.strip())
    except TokenFormatError:
        return None
    if app_id and parsed.app_id.lower() != app_id.lower():
        return None
    for cand in signers:
        if v007.verify(parsed, cand.certificate.reveal()):
            return Signature(SignedBy(cand.profile, cand.which), _tried(signers))
    return Signature(None, _tried(signers))


def _tried(signers: Sequence[Candidate]) -> str:
    first = signers[0]
    where = (
        _("profile {profile!r}").format(profile=first.profile)
        if first.profile
        else _("the environment")
    )
    kinds = [_(kind) for kind in dict.fromkeys(c.which for c in signers)]
    named = (
        kinds[0]
        if len(kinds) == 1
        else _("{first} and {second}").format(first=kinds[0], second=kinds[-1])
    )
    return ngettext(
        "the {kinds} certificate of {where}", "the {kinds} certificates of {where}", len(signers)
    ).format(kinds=named, where=where)
