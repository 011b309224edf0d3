"""The Signaling token of the legacy Agora Signaling SDK: ``1:app_id:expired:md5``.

    md5 = MD5(account + app_id + app_certificate + expired_ts)

``expired_ts`` is an absolute Unix time. It verifies only with the account.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass

from agora_desk.core import checks
from agora_desk.core.checks import Expectations, Findings, found
from agora_desk.core.decoded import DecodedToken
from agora_desk.core.errors import TokenFormatError
from agora_desk.core.formats.base import TokenFormat
from agora_desk.core.i18n import _
from agora_desk.core.wire import wire

VERSION = "signaling"
NAME = "Signaling token (legacy Agora Signaling SDK)"

# A Unix time has at most 10 digits (and int() of thousands of digits raises).
_SIGNALING = re.compile(r"^1:([0-9a-fA-F]{32}):([0-9]{1,10}):([0-9a-fA-F]{32})$")


@dataclass
class SignalingToken:
    app_id: str
    expired_ts: int
    md5: str

    @property
    def version(self) -> str:
        return VERSION

    @property
    def name(self) -> str:
        return NAME


def looks_signaling(token: str) -> bool:
    return token.startswith("1:")


def parse(token: str) -> SignalingToken:
    m = _SIGNALING.match(token)
    if not m and re.match(r"^1:[^:]*:[0-9]{11,}:", token):
        raise TokenFormatError(
            _(
                "starts like a Signaling token ('1:') but its expiry has more than 10 digits: not a Unix time"
            )
        )
    if not m:
        raise TokenFormatError(
            _("starts like a Signaling token ('1:') but is not '1:<App ID>:<expiry>:<md5>'")
        )
    return SignalingToken(app_id=m.group(1), expired_ts=int(m.group(2)), md5=m.group(3).lower())


def build(account: str, app_id: str, app_certificate: str, expired_ts: int) -> str:
    digest = hashlib.md5(  # noqa: S324 - the legacy format is defined with MD5
        wire(account + app_id + app_certificate + str(expired_ts))
    ).hexdigest()
    return f"1:{app_id}:{expired_ts}:{digest}"


def verify(token: SignalingToken, account: str, app_certificate: str) -> bool:
    expected = build(account, token.app_id, app_certificate, token.expired_ts)
    return hmac.compare_digest(expected.rsplit(":", 1)[1], token.md5)


def describe(tok: SignalingToken) -> DecodedToken:
    return DecodedToken(
        version=VERSION,
        kind=NAME,
        app_id=tok.app_id,
        signature=tok.md5,
        extra={"expired_ts": tok.expired_ts},
        warnings=[_("the legacy Signaling SDK token; Signaling (RTM) 2.x expects a 007 token")],
    )


def check(tok: SignalingToken, expect: Expectations, now: int) -> Findings:
    return checks.absolute_expiry(tok.expired_ts, now) + checks.app_id(tok.app_id, expect)


def signature(tok: SignalingToken, expect: Expectations) -> Findings:
    if expect.certificate is None:
        return Findings()
    account = expect.wire_user if expect.rtm_user is None else expect.rtm_user
    if account is None:
        return found(
            warnings=[
                _("a Signaling token can be verified only with its account: give it as the uid")
            ]
        )
    ok = verify(tok, account, expect.certificate.reveal())
    return checks.signature(ok, _("the App Certificate with this account"))


FORMAT = TokenFormat(
    version=VERSION,
    base64_from=None,
    claims=looks_signaling,
    parse=parse,
    describe=describe,
    check=check,
    signature=signature,
)
