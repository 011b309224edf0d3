"""The speed-only code in core/batch.py gives exactly what the plain path gives."""

from __future__ import annotations

from credentials import APP_ID, CERT
from hypothesis import given, settings
from hypothesis import strategies as st

from agora_desk.core import batch, builders, validation
from agora_desk.core.builders import RtcRequest
from agora_desk.core.credentials import Credentials
from agora_desk.core.formats import v007
from agora_desk.core.formats.v007 import RtcService, RtmService
from agora_desk.core.secret import Secret


@given(st.integers(0, 2**32 - 1), st.integers(0, 2**32 - 1))
def test_cached_signing_key_is_the_plain_one(issued_at: int, salt: int) -> None:
    assert batch.signing_key(CERT, issued_at, salt) == v007.signing_key(CERT, issued_at, salt)


services = st.lists(
    st.one_of(
        st.builds(
            lambda ch, uid, p: RtcService(privileges={1: p, 2: p}, channel_name=ch, uid=uid),
            st.text(max_size=20),
            st.text(max_size=12),
            st.integers(0, 2**32 - 1),
        ),
        st.builds(
            lambda u, p: RtmService(privileges={1: p}, user_id=u),
            st.text(max_size=20),
            st.integers(0, 2**32 - 1),
        ),
    ),
    min_size=1,
    max_size=4,
)


@settings(max_examples=200)
@given(services, st.integers(0, 2**32 - 1), st.integers(0, 2**32 - 1), st.integers(0, 86400))
def test_fast_build_is_the_plain_build(
    svc: list[v007.Service], issued_at: int, salt: int, expire: int
) -> None:
    args = {"expire": expire, "issued_at": issued_at, "salt": salt}
    assert batch.build(APP_ID, CERT, svc, **args) == v007.build(APP_ID, CERT, svc, **args)


def test_uid_batch_is_one_plain_build_per_uid() -> None:
    req = RtcRequest("demo", role="subscriber", rtm_user_id="agent", expire=600)
    stamp = builders.Stamp(1_700_000_000, 77)
    _, tokens = builders.build_rtc_batch(
        Credentials(APP_ID, Secret(CERT)), req, range(0, 40), stamp
    )
    for uid, token in tokens:
        plain = v007.build(
            APP_ID,
            CERT,
            builders.rtc_services(RtcRequest(**{**req.__dict__, "uid": uid})),
            expire=600,
            issued_at=1_700_000_000,
            salt=77,
        )
        assert token == plain, uid


@given(
    st.text(max_size=70),
    st.integers(-1, 2**32),
    st.one_of(st.none(), st.text(max_size=5)),
    st.integers(-1, 90_000),
)
def test_plain_request_fast_path_agrees_with_the_rules(
    channel: str, uid: int, account: str | None, expire: int
) -> None:
    """Whatever the fast path waves through, the full rules find nothing to say about."""
    req = RtcRequest(channel, uid=uid, account=account, expire=expire)
    if batch.is_plain_rtc(req):
        full = builders.rtc_issues(RtcRequest(channel, uid=uid, account=account, expire=expire,
                                              privilege_expire=expire))  # fmt: skip
        assert full == []


plain_channels = st.text(
    alphabet=sorted(validation.NAME_CHARS), min_size=1, max_size=validation.CHANNEL_MAX_BYTES
)


@settings(max_examples=300)
@given(
    plain_channels,
    st.integers(0, 2**32 - 1),
    st.integers(0, validation.MAX_EXPIRE),
    st.sampled_from(["publisher", "subscriber"]),
    st.integers(0, 2**32 - 1),
    st.integers(1, v007.SALT_MAX),
)
def test_plain_rtc_is_the_plain_build(
    channel: str, uid: int, expire: int, role: builders.Role, issued_at: int, salt: int
) -> None:
    req = RtcRequest(channel, uid=uid, role=role, expire=expire)
    if not batch.is_plain_rtc(req):  # edge spaces
        return
    plain = v007.build(
        APP_ID, CERT, builders.rtc_services(req), expire=expire, issued_at=issued_at, salt=salt
    )
    assert batch.plain_rtc(APP_ID, CERT, req, issued_at=issued_at, salt=salt) == plain
    stamp = builders.Stamp(issued_at, salt)
    assert builders.build_rtc(Credentials(APP_ID, Secret(CERT)), req, stamp).token == plain
