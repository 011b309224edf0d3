"""fast_hmac gives the standard library's HMAC-SHA256, and the 007 check using it the plain answer."""

from __future__ import annotations

import hmac

from credentials import APP_ID, CERT
from hypothesis import given, settings
from hypothesis import strategies as st

from agora_desk.core import fast_hmac
from agora_desk.core.formats import v007
from agora_desk.core.formats.v007_services import RtcService

OTHER = "0123456789abcdef0123456789abcdef"


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=64), st.binary(max_size=600))
def test_fast_hmac_is_hmac(key: bytes, msg: bytes) -> None:
    expected = hmac.digest(key, msg, "sha256")
    assert fast_hmac.hmac_sha256(key, msg) == expected
    assert fast_hmac.hmac_padded(*fast_hmac.pads(key), msg) == expected


@settings(max_examples=200, deadline=None)
@given(
    st.integers(0, 2**32 - 1),
    st.integers(1, 2**32 - 1),
    st.text(max_size=20),
    st.sampled_from([CERT, OTHER, CERT.lower(), "", "5CFd2fd1755d40ecb72977518be15d3", "é" * 32]),
)
def test_verify_with_fast_hmac_is_the_plain_verify(
    issued_at: int, salt: int, channel: str, certificate: str
) -> None:
    token = v007.parse(
        v007.build(
            APP_ID,
            CERT,
            [RtcService(privileges={1: 600}, channel_name=channel, uid="7")],
            expire=600,
            issued_at=issued_at,
            salt=salt,
        )
    )
    plain = v007.verify(token, certificate)
    assert v007.verify(token, certificate, fast_hmac.hmac_sha256) is plain
    assert plain is (certificate == CERT)
