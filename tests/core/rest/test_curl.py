"""Copy as curl: secrets as variables, valid shell."""

from __future__ import annotations

import base64
import shlex
import subprocess

import pytest
from _rest_helpers import CID, CSECRET, convoai_prepared

from agora_desk.core import rest
from agora_desk.core.rest import AuthScheme

# -- copy as curl ---------------------------------------------------------------------


@pytest.mark.parametrize("scheme", [AuthScheme.TOKEN, AuthScheme.BASIC])
def test_curl_hides_secrets_unless_revealed(scheme: AuthScheme) -> None:
    prepared, auth, token = convoai_prepared(scheme)
    basic64 = base64.b64encode(f"{CID}:{CSECRET}".encode()).decode()
    hidden = rest.curl_command(prepared, auth)
    for secret in (token, CSECRET, basic64):
        assert secret not in hidden
    assert "$AGORA_TOKEN" in hidden or "${AGORA_TOKEN}" in hidden
    if scheme is AuthScheme.BASIC:
        assert '-u "$AGORA_CUSTOMER_ID:$AGORA_CUSTOMER_SECRET"' in hidden
    shown = rest.curl_command(prepared, auth, reveal=True)
    assert token in shown
    if scheme is AuthScheme.BASIC:
        assert CSECRET in shown


def test_curl_is_valid_shell_that_expands_to_the_request() -> None:
    """The quoted command, run through a real shell, gives back the exact body and header."""
    prepared, auth, token = convoai_prepared(AuthScheme.TOKEN)
    cmd = rest.curl_command(prepared, auth)
    # Replace curl with printf of each argument, with the variable set.
    script = 'curl() { for a in "$@"; do printf \'%s\\0\' "$a"; done; }\n' + cmd
    out = subprocess.run(
        ["bash", "-c", script],
        env={"AGORA_TOKEN": token, "PATH": "/usr/bin:/bin"},
        capture_output=True,
        check=True,
    ).stdout.decode()
    args = out.split("\0")
    assert f"Authorization: agora token={token}" in args
    body = args[args.index("--data-raw") + 1]
    assert body.encode() == prepared.body
    revealed = rest.curl_command(prepared, auth, reveal=True)
    words = shlex.split(revealed.replace("\\\n", " "))
    assert words[words.index("--data-raw") + 1] == prepared.body.decode()
