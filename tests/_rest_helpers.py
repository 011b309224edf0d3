"""What the REST tests share: test credentials as the fake server knows them, tokens, a join."""

from __future__ import annotations

from credentials import APP_ID, CERT, CUSTOMER_ID, CUSTOMER_SECRET

from agora_desk.core import rest
from agora_desk.core.builders import RtmRequest, Stamp, build_rtm
from agora_desk.core.credentials import Credentials
from agora_desk.core.rest import AuthScheme
from agora_desk.core.secret import Secret

CID = CUSTOMER_ID
CSECRET = CUSTOMER_SECRET
CREDS = Credentials(APP_ID, Secret(CERT))


def rtm_token(user: str = "alice", issued_at: int | None = None, expire: int = 3600) -> str:
    return build_rtm(CREDS, RtmRequest(user, expire), Stamp(issued_at=issued_at)).token


def convoai_prepared(scheme: AuthScheme) -> tuple[rest.Prepared, rest.Auth, str]:
    """A ConvoAI join with a built agent token, authenticated with ``scheme``."""
    params = rest.PresetParams(app_id=APP_ID, channel="demo", agent_uid="1001", enable_rtm=True)
    join = rest.get_preset("convoai-join")
    plan = join.token_plan(params, scheme)
    assert plan is not None
    token = plan.build(CREDS).token
    filled = join.fill(params, token, {"llm": {"note": 'it\'s $HOME `x` "q"'}})
    auth = (
        rest.Auth(scheme, token=Secret(token))
        if scheme is AuthScheme.TOKEN
        else rest.Auth(scheme, CID, Secret(CSECRET), token=Secret(token))
    )
    req = rest.RestRequest("POST", rest.DEFAULT_BASE_URL, filled.path, auth, body=filled.body)
    return rest.prepare(req), auth, token
