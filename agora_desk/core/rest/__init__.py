"""The REST test-request model: what to send, how to show it, why it failed.

Pure Python: no network, no Qt. The window's Test request tab and
``agora-desk request`` describe a request with a :class:`RequestSpec`, turn
it into a :class:`RestRequest` with :func:`assemble` and into wire headers
with :func:`prepare` (the transport in :mod:`agora_desk.net.http` sends
that). One module per job:

========== ==============================================================
model      schemes, credentials, the request and its wire form
urls       HTTPS-only URL rules, joining base URL and path
auth       each auth scheme as a class that applies itself
request    method and header checks, :func:`prepare`
jsonbody   located JSON errors, deep merge
params     the form's fields and values (no secret)
tokens     the token a request needs built, and its input rules
presets/   one object per documented call (its own path, body, token, fit)
fit        does a given token fit the request?
curl       "copy as curl"
view       response bodies as text and trees
explain    failures in one sentence
history    entries without secrets, and their file
spec       what the user asked for, before credentials
signature  which saved certificate signed a pasted token (the secondary fails REST)
doctor     before sending: the scheme the endpoint takes, a given token's fit
assemble   form or command line → request
========== ==============================================================

Redaction lives in :mod:`agora_desk.core.redact`, shared with the rest of
the package.
"""

from __future__ import annotations

from agora_desk.core.rest.assemble import (
    NEED_APP_CERTIFICATE,
    NEED_APP_ID,
    NEED_CUSTOMER_ID,
    NEED_CUSTOMER_SECRET,
    Assembled,
    assemble,
    needs,
    plan_token,
)
from agora_desk.core.rest.auth import auth_headers, check_header
from agora_desk.core.rest.curl import curl_command
from agora_desk.core.rest.doctor import examine, signature_issues
from agora_desk.core.rest.explain import Failure, explain
from agora_desk.core.rest.fit import check_token_for, token_cause
from agora_desk.core.rest.history import (
    HISTORY_FILE,
    HISTORY_MAX,
    HistoryEntry,
    SecretInHistory,
    assert_no_secret,
    history_entry,
    history_file,
)
from agora_desk.core.rest.jsonbody import JsonProblem, merge, parse_body, parse_json_text, pretty
from agora_desk.core.rest.model import (
    DEFAULT_BASE_URL,
    DEFAULT_TIMEOUT_S,
    METHODS,
    Auth,
    AuthScheme,
    FailureKind,
    Header,
    Prepared,
    RestError,
    RestRequest,
    parse_scheme,
)
from agora_desk.core.rest.params import Field, PresetParams
from agora_desk.core.rest.presets import (
    CUSTOM,
    PRESETS,
    Filled,
    Preset,
    get_preset,
    preset_or_custom,
)
from agora_desk.core.rest.request import check_method, encode_body, prepare
from agora_desk.core.rest.spec import RequestSpec, resolve_params
from agora_desk.core.rest.tokens import ConvoAiPlan, RtcPlan, RtmPlan, TokenPlan, token_user
from agora_desk.core.rest.urls import (
    check_base_url,
    join_url,
    parse_url,
    same_origin,
)
from agora_desk.core.rest.view import (
    DISPLAY_LIMIT,
    BodyView,
    body_view,
    json_tree,
    request_text,
    status_tone,
)

__all__ = [
    "CUSTOM",
    "DEFAULT_BASE_URL",
    "DEFAULT_TIMEOUT_S",
    "DISPLAY_LIMIT",
    "HISTORY_FILE",
    "HISTORY_MAX",
    "METHODS",
    "NEED_APP_CERTIFICATE",
    "NEED_APP_ID",
    "NEED_CUSTOMER_ID",
    "NEED_CUSTOMER_SECRET",
    "PRESETS",
    "Assembled",
    "Auth",
    "AuthScheme",
    "BodyView",
    "ConvoAiPlan",
    "Failure",
    "FailureKind",
    "Field",
    "Filled",
    "Header",
    "HistoryEntry",
    "JsonProblem",
    "Prepared",
    "Preset",
    "PresetParams",
    "RequestSpec",
    "RestError",
    "RestRequest",
    "RtcPlan",
    "RtmPlan",
    "SecretInHistory",
    "TokenPlan",
    "assemble",
    "assert_no_secret",
    "auth_headers",
    "body_view",
    "check_base_url",
    "check_header",
    "check_method",
    "check_token_for",
    "curl_command",
    "encode_body",
    "examine",
    "explain",
    "get_preset",
    "history_entry",
    "history_file",
    "join_url",
    "json_tree",
    "merge",
    "needs",
    "parse_body",
    "parse_json_text",
    "parse_scheme",
    "parse_url",
    "plan_token",
    "prepare",
    "preset_or_custom",
    "pretty",
    "request_text",
    "resolve_params",
    "same_origin",
    "signature_issues",
    "status_tone",
    "token_cause",
    "token_user",
]
