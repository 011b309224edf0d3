"""The server's fast paths give what the plain ones give: JSON bytes, log fields, lines, times."""

from __future__ import annotations

import json
import time
from datetime import datetime

import pytest
from aiohttp import web
from hypothesis import given
from hypothesis import strategies as st

from agora_desk.core.redact import abbreviate_secrets
from agora_desk.server.answers import json_answer, json_text
from agora_desk.server.requestlog import (
    ALWAYS_PLAIN_BELOW,
    LogEntry,
    RequestRecord,
    _LocalTime,
    log_text,
    redact,
)

ANSWERS = [
    {"message": "pong"},
    {"rtcToken": "007eJxTYBBbsSz/+w=="},
    {"token": "007abc", "code": "200"},
    {"error": 'a "quote", a backslash \\, a newline \n, a tab \t, a NUL \x00'},
    {"error": "中文 é \u2028 😀 \udcff"},
    {},
]


@pytest.mark.parametrize("fields", ANSWERS)
def test_json_text_is_json_dumps(fields: dict[str, str]) -> None:
    assert json_text(fields) == json.dumps(fields)


@given(st.dictionaries(st.text(max_size=8), st.text(max_size=40), max_size=4))
def test_json_text_is_json_dumps_for_any_strings(fields: dict[str, str]) -> None:
    assert json_text(fields) == json.dumps(fields)


@pytest.mark.parametrize("status", [200, 400, 503])
def test_json_answer_is_what_json_response_answers(status: int) -> None:
    fields = {"error": "no", "code": str(status)}
    ours, plain = json_answer(fields, status), web.json_response(fields, status=status)
    assert (ours.status, ours.body) == (plain.status, plain.body)
    assert dict(ours.headers) == dict(plain.headers)


def test_the_shortest_abbreviated_text_is_where_redact_starts_looking() -> None:
    shortest_token = "007" + "A" * 16
    assert len(shortest_token) == ALWAYS_PLAIN_BELOW
    assert abbreviate_secrets(shortest_token) != shortest_token
    assert abbreviate_secrets(shortest_token[:-1]) == shortest_token[:-1]


@given(st.text(max_size=ALWAYS_PLAIN_BELOW - 1))
def test_short_text_is_never_abbreviated(text: str) -> None:
    assert abbreviate_secrets(text) == text
    expected = "".join(ch if ch.isprintable() else "?" for ch in text)
    assert redact(text) == expected


@pytest.fixture
def berlin(monkeypatch: pytest.MonkeyPatch) -> object:
    """The process's local zone is Europe/Berlin (summer time from 2026-03-29 01:00 UTC)."""
    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset is POSIX only")
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_local_time_follows_a_daylight_saving_switch(berlin: object) -> None:
    switch = datetime.fromisoformat("2026-03-29T01:00:00+00:00").timestamp()
    clock = _LocalTime()
    for offset in (-3600, -61, -60, -1.5, -0.001, 0, 0.001, 1, 59.9, 60, 3600):
        t = switch + offset
        got, plain = clock(t), datetime.fromtimestamp(t).astimezone()
        assert got == plain and got.utcoffset() == plain.utcoffset(), offset
    assert clock(switch - 1).utcoffset() != clock(switch).utcoffset()


def test_a_log_line_reads_as_before() -> None:
    when = datetime(2026, 12, 1, 9, 5, 7, 654321).astimezone()
    record = RequestRecord(when, "GET", "/rtc", "demo", "42", 200, 1.25)
    assert record.format_line() == "09:05:07 GET /rtc channel=demo uid=42 200 1.2 ms"
    failed = record._replace(channel="", uid="", status=400, detail="uid: is empty")
    assert failed.format_line() == "09:05:07 GET /rtc 400 1.2 ms - uid: is empty"


TOKEN = "007eJxTYBBbsSz/+w" + "A" * 60
FIELDS = st.one_of(
    st.sampled_from(["", "demo", "42", "has/slash", TOKEN, "5cfd2fd1755d40ecb72977518be15d3b"]),
    st.text(max_size=70),
)
# Whole microseconds, as the server's clock gives them: no rounding up into the next second.
MOMENTS = st.integers(1_700_000_000_000_000, 1_900_000_000_000_000).map(lambda us: us / 1e6)


def one_by_one(entries: list[LogEntry]) -> str:
    return "".join(RequestRecord.of(entry).format_line() + "\n" for entry in entries)


@given(
    st.lists(
        st.builds(
            LogEntry,
            MOMENTS,
            st.sampled_from(["GET", "POST", "-"]),
            st.sampled_from(["/rtc", "/getToken", "(malformed request)"]),
            FIELDS,
            FIELDS,
            st.integers(200, 503),
            st.floats(0, 100, allow_nan=False),
            st.one_of(st.just(""), FIELDS, st.text(min_size=150, max_size=300)),
        ),
        max_size=6,
    )
)
def test_a_batch_of_log_lines_reads_as_the_records_do(entries: list[LogEntry]) -> None:
    text = log_text(entries)
    assert text == one_by_one(entries)
    assert TOKEN not in text and "5cfd2fd1755d40ecb72977518be15d3b" not in text


def test_a_batch_keeps_the_local_time_across_a_daylight_saving_switch(berlin: object) -> None:
    switch = datetime.fromisoformat("2026-03-29T01:00:00+00:00").timestamp()
    entries = [
        LogEntry(switch + offset, "GET", "/rtm", "", "u", 200, 0.001)
        for offset in (-3600.5, -1.25, -0.000001, 0, 0.5, 1, 59.999999, 3600)
    ]
    text = log_text(entries)
    assert text == one_by_one(entries)
    assert [line[:8] for line in text.splitlines()][2:4] == ["01:59:59", "03:00:00"]
