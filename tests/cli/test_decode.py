"""``agora-desk decode`` through a real process."""

from __future__ import annotations

import json

from _cli_process import CliProcess
from credentials import APP_ID, CERT

from agora_desk.core.checks import Expectations
from agora_desk.core.diagnostics import diagnose
from agora_desk.core.formats import v007
from agora_desk.core.formats.v007 import RtcService
from agora_desk.core.wire import text

ISSUED = 1_700_000_000
# CJK, then a byte that is not UTF-8: both must survive every serializer.
CHANNEL = text("频道-".encode() + b"\xff")


def odd_token() -> str:
    service = RtcService(privileges={1: 3600}, channel_name=CHANNEL, uid="42")
    return v007.build(APP_ID, CERT, [service], expire=3600, issued_at=ISSUED, salt=5)


def test_decode_json_equals_inspect_export_json_byte_for_byte(cli: CliProcess) -> None:
    from agora_desk.gui.inspect.tab import decoded_json

    token = odd_token()
    done = cli.run("decode", "-", "--json", "--now", str(ISSUED + 60), input=token)
    code, out, err = done.returncode, done.stdout, done.stderr
    assert (code, err) == (0, "")
    gui = decoded_json(diagnose(token, Expectations(now=ISSUED + 60)))
    assert out == gui + "\n"
    assert "频道" in out  # readable, not \\uXXXX
    assert json.loads(out)["services"][0]["channel_name"] == CHANNEL
