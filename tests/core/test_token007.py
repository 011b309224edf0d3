"""AccessToken2 round trips for every service type, and malformed input."""

from __future__ import annotations

import base64
import zlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agora_desk.core.errors import AgoraDeskError, InputError, TokenFormatError, TruncatedError
from agora_desk.core.formats import v007
from agora_desk.core.formats.v007 import (
    ApaasService,
    ChatService,
    ConvoAiService,
    FcdnService,
    FpaService,
    RtcService,
    Rtm2Service,
    RtmService,
    StreamingService,
    SttService,
    UnknownService,
)
from agora_desk.core.wire import pack_map_u32, pack_string, pack_u16

APP_ID = "970CA35de60c44645bbae8a215061b33"
CERT = "5CFd2fd1755d40ecb72977518be15d3b"

u32 = st.integers(0, 2**32 - 1)
text = st.text(max_size=40)
privileges = st.dictionaries(st.integers(0, 2**16 - 1), u32, max_size=5)


def _strategy_for(cls: type[v007.Service]) -> st.SearchStrategy[v007.Service]:
    if cls is RtcService:
        return st.builds(RtcService, privileges=privileges, channel_name=text, uid=text)
    if cls in (RtmService, ChatService):
        return st.builds(cls, privileges=privileges, user_id=text)
    if cls in (StreamingService, FcdnService):
        return st.builds(cls, privileges=privileges, channel_name=text, account=text)
    if cls is ApaasService:
        return st.builds(
            ApaasService,
            privileges=privileges,
            room_uuid=text,
            user_uuid=text,
            role=st.integers(-(2**15), 2**15 - 1),
        )
    if cls is Rtm2Service:
        perms = st.dictionaries(
            st.integers(0, 6),
            st.dictionaries(st.integers(0, 3), st.lists(text, max_size=3), max_size=3),
            max_size=4,
        )
        return st.builds(Rtm2Service, privileges=privileges, user_id=text, permissions=perms)
    return st.builds(cls, privileges=privileges)


ANY_SERVICE = st.one_of(*(_strategy_for(cls) for cls in v007.SERVICE_CLASSES.values()))


def test_every_service_type_has_a_strategy() -> None:
    assert sorted(v007.SERVICE_CLASSES) == list(range(1, 11))
    for cls in (FpaService, ConvoAiService, SttService):
        assert cls().field_items() == []


@settings(max_examples=100, deadline=None)
@given(service=ANY_SERVICE)
def test_shown_fields_are_the_fields_in_wire_order(service: v007.Service) -> None:
    # Each service spells its shown fields out (for speed): they must not drift from
    # its dataclass fields, in order; RTM2's permissions are a list of their own.
    expected = dict(service.field_items())
    if isinstance(service, Rtm2Service):
        expected = {"user_id": service.user_id}
    assert list(service.shown_fields().items()) == list(expected.items())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    services=st.lists(ANY_SERVICE, min_size=1, max_size=6),
    issued_at=u32,
    expire=u32,
    salt=u32,
)
def test_round_trip_any_services(
    services: list[v007.Service], issued_at: int, expire: int, salt: int
) -> None:
    token = v007.build(APP_ID, CERT, services, expire=expire, issued_at=issued_at, salt=salt)
    parsed = v007.parse(token)
    # Stable sort by type: repeated types keep the order they were added in.
    assert parsed.services == sorted(services, key=lambda s: s.service_type)
    assert (parsed.app_id, parsed.issued_at, parsed.expire, parsed.salt) == (
        APP_ID,
        issued_at,
        expire,
        salt,
    )
    assert v007.verify(parsed, CERT)
    assert not v007.verify(parsed, CERT.lower() if CERT.lower() != CERT else CERT.upper())


def test_repeated_services_keep_their_order() -> None:
    a = RtcService(privileges={1: 10}, channel_name="a", uid="1")
    b = RtcService(privileges={1: 20}, channel_name="b", uid="2")
    rtm = RtmService(privileges={1: 5}, user_id="u")
    parsed = v007.parse(v007.build(APP_ID, CERT, [rtm, b, a], expire=60, issued_at=1, salt=1))
    assert parsed.services == [b, a, rtm]


def _content_with_unknown(stype: int) -> tuple[bytes, bytes]:
    rtc = RtcService(privileges={1: 600}, channel_name="chan", uid="7")
    info = (
        pack_string(APP_ID.encode())
        + b"\x01\x00\x00\x00"  # issued_at 1
        + b"\x58\x02\x00\x00"  # expire 600
        + b"\x07\x00\x00\x00"  # salt 7
        + pack_u16(2)
        + rtc.pack()
        + pack_u16(stype)
        + pack_map_u32({1: 600})
        + b"future-field"
    )
    return info, info


def test_unknown_service_stops_parsing_but_still_verifies() -> None:
    import hmac

    info, _ = _content_with_unknown(42)
    sig = hmac.digest(v007.signing_key(CERT, 1, 7), info, "sha256")
    token = v007.encode(pack_string(sig) + info)
    parsed = v007.parse(token)
    assert isinstance(parsed.services[0], RtcService)
    unknown = parsed.services[1]
    assert isinstance(unknown, UnknownService)
    assert unknown.service_type == 42
    assert unknown.raw.endswith(b"future-field")
    assert not parsed.complete
    assert v007.verify(parsed, CERT)


def test_build_rejects_out_of_range_values() -> None:
    svc = [RtcService(privileges={1: 1}, channel_name="c")]
    with pytest.raises(InputError, match="expire"):
        v007.build(APP_ID, CERT, svc, expire=-1, issued_at=1, salt=1)
    with pytest.raises(InputError, match="salt"):
        v007.build(APP_ID, CERT, svc, expire=1, issued_at=1, salt=2**32)
    with pytest.raises(InputError, match="65535"):
        v007.build(
            APP_ID, CERT, [RtcService(channel_name="x" * 70000)], expire=1, issued_at=1, salt=1
        )
    with pytest.raises(InputError, match="at least one service"):
        v007.build(APP_ID, CERT, [], expire=1, issued_at=1, salt=1)


GOOD = v007.build(
    APP_ID,
    CERT,
    [RtcService(privileges={1: 600}, channel_name="chan", uid="7")],
    expire=600,
    issued_at=1,
    salt=7,
)
GOOD_CONTENT = zlib.decompress(base64.b64decode(GOOD[3:]))


@pytest.mark.parametrize(
    ("token", "message"),
    [
        ("006abc", "not a 007 token"),
        ("007!!!!", "not valid base64"),
        ("007" + base64.b64encode(b"not zlib").decode(), "corrupt"),
        ("007" + base64.b64encode(zlib.compress(GOOD_CONTENT)[:-6]).decode(), "cut short"),
        ("007" + base64.b64encode(zlib.compress(b"\x00" * (2 << 20))).decode(), "1 MiB"),
    ],
)
def test_malformed_tokens_give_typed_errors(token: str, message: str) -> None:
    with pytest.raises(TokenFormatError, match=message):
        v007.parse(token)


@pytest.mark.parametrize("cut", range(1, len(GOOD_CONTENT)))
def test_every_truncation_is_a_typed_error(cut: int) -> None:
    token = v007.encode(GOOD_CONTENT[:cut])
    with pytest.raises(TruncatedError, match="cut short"):
        v007.parse(token)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_random_content_never_escapes(data: bytes) -> None:
    try:
        v007.parse(v007.encode(data))
    except AgoraDeskError:
        pass
