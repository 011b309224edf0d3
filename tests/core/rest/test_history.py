"""History entries hold no secret; damaged files read as what can be read."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from _rest_helpers import CID, CSECRET, convoai_prepared

from agora_desk.core import rest
from agora_desk.core.rest import AuthScheme
from agora_desk.core.rest.presets import convoai

# -- history -----------------------------------------------------------------------------------


def test_history_entry_holds_no_secret(tmp_path: Path) -> None:
    prepared, auth, token = convoai_prepared(AuthScheme.BASIC)
    body = json.loads(prepared.body or b"null")
    body["llm"] = {"api_key": "sk-live-abcdefghijkl", "url": "https://llm.example"}
    req = rest.RestRequest(
        "POST",
        rest.DEFAULT_BASE_URL,
        "/x",
        auth,
        headers=(("X-Trace", "t1"), ("Cookie", "session=abcdefghijk")),
        body=body,
        preset="convoai-join",
    )
    entry = rest.history_entry(
        req, params=rest.PresetParams(channel="demo"), profile="p", status=200
    )
    store = rest.history_file(tmp_path / rest.HISTORY_FILE)
    store.save([entry])
    text = store.path.read_text(encoding="utf-8")
    for secret in (
        token,
        CSECRET,
        "sk-live-abcdefghijkl",
        "session=abcdefghijk",
        base64.b64encode(f"{CID}:{CSECRET}".encode()).decode(),
    ):
        assert secret not in text
    assert "X-Trace" in text and "https://llm.example" in text
    back = store.load().entries
    assert back[0].params.channel == "demo" and back[0].status == 200
    assert back[0].scheme == "basic" and back[0].preset == "convoai-join"


def test_history_guard_refuses_a_secret() -> None:
    with pytest.raises(rest.SecretInHistory):
        rest.assert_no_secret('{"note": "s3cr3t-Xy9Qw7Zp2"}', ["s3cr3t-Xy9Qw7Zp2"])


def test_a_damaged_history_keeps_what_reads_and_the_file(tmp_path: Path) -> None:
    path = tmp_path / rest.HISTORY_FILE
    store = rest.history_file(path)
    path.write_text("{not json")
    loaded = store.load()
    assert loaded.entries == [] and "request history" in loaded.problem
    assert path.with_name(path.name + ".damaged").read_text() == "{not json"
    path.write_text('{"entries": [1, {"at": "x"}, {"at": 1e400}, {"at": 5}]}')
    loaded = store.load()
    assert [e.at for e in loaded.entries] == [5] and "3 entries could not be read" in loaded.problem
    # A damaged "params" is no params; a number int() cannot read is the default.
    for params in ([1], "x", {"idle_timeout": "\u00b2"}):
        path.write_text(json.dumps({"entries": [{"params": params}]}))
        (entry,) = store.load().entries
        assert entry.params == rest.PresetParams()


def test_join_body_with_empty_fields_takes_the_form_values() -> None:
    """An edited body that still has the preset's empty placeholders is not a conflict."""
    from agora_desk.core import rest

    params = rest.PresetParams(app_id="a" * 32, channel="demo", agent_uid="1001", remote_uid="42")
    user = {"name": "", "properties": {"channel": "", "agent_rtc_uid": "", "llm": {"url": "x"}}}
    merged = convoai.params_from_body(params, user)
    assert merged.channel == "demo"
    filled = rest.get_preset("convoai-join").fill(merged, "007token", user)
    props = filled.body["properties"]
    assert (props["channel"], props["agent_rtc_uid"], props["token"]) == (
        "demo",
        "1001",
        "007token",
    )
    assert props["llm"] == {"url": "x"}
    assert filled.body["name"]
