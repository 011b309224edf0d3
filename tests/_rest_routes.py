"""The fake Agora API's product routes beyond the first four, each checking auth as documented.

* Conversational AI agent calls: Basic or ``agora token=`` (an RTC token for the project).
* Cloud Recording: Basic; acquire → start → query/update/stop keep the same
  ``cname`` and ``uid`` (400 otherwise); the uid is a non-zero number as a
  string; start's ``clientRequest.token`` must be an RTC token for cname + uid.
* Channel management (kicking rules, channel lists, user property): Basic.
* Signaling: ``agora token=`` / ``x-agora-token`` + ``x-agora-uid`` (an RTM
  token; for messages the token's user must be the path's user) or Basic.
* Chat: ``Authorization: Bearer <Chat app token>`` only.
* Flexible Classroom: ``agora token=`` with an education (APaaS user) token.
"""

from __future__ import annotations

import json
import re
from typing import Any, Protocol

from agora_desk.core.formats import v007


class Reject(Exception):
    def __init__(self, status: int, body: dict[str, Any]) -> None:
        self.status = status
        self.body = body
        super().__init__(status)


class _Host(Protocol):
    """What the routes use of the request handler."""

    state: Any
    headers: Any

    def _require_basic(self) -> None: ...
    def _basic_ok(self) -> bool | None: ...
    def _convoai_auth(self, app_id: str) -> None: ...
    def _require_rtm(self, app_id: str) -> str: ...
    def _verified(self, token: str, app_id: str) -> v007.AccessToken2: ...
    def _send_json(self, status: int, obj: Any, headers: dict[str, str] | None = None) -> None: ...


AGENT = re.compile(
    r"/api/conversational-ai-agent/v2/projects/([^/]+)/agents(?:/([^/]+))?(?:/(\w+))?"
)
RECORDING = re.compile(
    r"/v1/apps/([^/]+)/cloud_recording/(?:acquire|resourceid/([^/]+)(?:/sid/([^/]+))?"
    r"/mode/([^/]+)/(start|query|update|stop))"
)
MESSAGES = re.compile(r"/dev/v2/project/([^/]+)/rtm/users/([^/]+)/(peer|channel)_messages")
CLASSROOM = re.compile(r"/([a-z]+)/edu/apps/([^/]+)/v2/rooms/([^/]+)")
CHAT = re.compile(r"/([^/]+)/([^/]+)/users(?:/([^/]+))?")


def _json(raw: bytes) -> dict[str, Any]:
    try:
        body = json.loads(raw or b"{}")
    except ValueError:
        raise Reject(400, {"message": "body is not JSON"}) from None
    if not isinstance(body, dict):
        raise Reject(400, {"message": "body is not a JSON object"})
    return body


def route(h: _Host, method: str, path: str, query: dict[str, str], raw: bytes) -> bool:
    """Answer ``path`` if it is one of these products' endpoints; False when it is not."""
    m = AGENT.fullmatch(path)
    if m and m.group(3) != "leave":  # leave is the first four's
        _agent(h, method, m.group(1), m.group(2), m.group(3), raw)
        return True
    if path.startswith("/v1/apps/") and "/cloud_recording/" in path:
        _recording(h, method, path, raw)
        return True
    if path.startswith("/dev/v1/kicking-rule"):
        _kicking(h, method, query, raw)
        return True
    if path.startswith("/dev/v1/channel/"):
        _channel(h, method, path)
        return True
    m = re.fullmatch(r"/dev/v2/project/([^/]+)/rtm/vendor/channel_events", path)
    if m and method == "GET":
        user = _signaling_auth(h, m.group(1), None)
        h._send_json(200, {"result": "success", "events": [], "as": user})
        return True
    m = MESSAGES.fullmatch(path)
    if m and method == "POST":
        _signaling_auth(h, m.group(1), m.group(2))
        h._send_json(200, {"result": "success", "code": "message_sent"})
        return True
    m = CLASSROOM.fullmatch(path)
    if m:
        _classroom(h, method, m.group(1), m.group(2), m.group(3), raw)
        return True
    m = CHAT.fullmatch(path)
    if m and not path.startswith(("/dev/", "/api/", "/test/", "/v1/")):
        _chat(h, method, m.group(3), raw)
        return True
    return False


# -- Conversational AI ------------------------------------------------------------------


def _agent(
    h: _Host, method: str, app_id: str, agent: str | None, action: str | None, raw: bytes
) -> None:
    h._convoai_auth(app_id)
    if agent is None:
        if method != "GET":
            raise Reject(405, {"message": "method not allowed"})
        h._send_json(200, {"data": {"list": [{"agent_id": a} for a in h.state.agents]}})
        return
    if agent not in h.state.agents:
        raise Reject(404, {"detail": "agent not found", "reason": "TaskNotFound"})
    wanted = {None: "GET", "history": "GET", "update": "POST", "speak": "POST", "interrupt": "POST"}
    if action not in wanted or wanted[action] != method:
        raise Reject(404, {"message": f"no route for {method} {action}"})
    if action == "speak" and not isinstance(_json(raw).get("text"), str):
        raise Reject(400, {"detail": "text missing", "reason": "InvalidRequest"})
    h._send_json(200, {"agent_id": agent, "status": "RUNNING"})


# -- Cloud Recording ------------------------------------------------------------------------


def _recorder(body: dict[str, Any]) -> tuple[str, str]:
    cname, uid = body.get("cname"), body.get("uid")
    if not isinstance(cname, str) or not cname:
        raise Reject(400, {"code": 2, "reason": "cname is missing"})
    if not isinstance(uid, str) or not uid.isdigit() or not 0 < int(uid) < 2**32:
        raise Reject(400, {"code": 2, "reason": "uid must be a non-zero integer in a string"})
    if not isinstance(body.get("clientRequest"), dict):
        raise Reject(400, {"code": 2, "reason": "clientRequest is missing"})
    return cname, uid


def _recording(h: _Host, method: str, path: str, raw: bytes) -> None:
    m = RECORDING.fullmatch(path)
    if m is None:
        raise Reject(404, {"message": "no such recording endpoint"})
    h._require_basic()
    app_id, resource, sid, mode, action = m.groups()
    state = h.state
    if resource is None:  # acquire
        if method != "POST":
            raise Reject(405, {"message": "method not allowed"})
        cname, uid = _recorder(_json(raw))
        rid = f"R{len(state.recordings) + 1:04d}"
        state.recordings[rid] = {"cname": cname, "uid": uid, "sid": None}
        h._send_json(200, {"resourceId": rid})
        return
    if mode not in ("individual", "mix", "web"):
        raise Reject(400, {"code": 2, "reason": f"mode {mode} is not valid"})
    rec = state.recordings.get(resource)
    if rec is None:
        raise Reject(404, {"code": 404, "reason": "resource not found"})
    if action == "query":
        if method != "GET" or sid != rec["sid"]:
            raise Reject(404, {"code": 404, "reason": "sid not found"})
        h._send_json(200, {"resourceId": resource, "sid": sid, "serverResponse": {"status": 5}})
        return
    if method != "POST":
        raise Reject(405, {"message": "method not allowed"})
    cname, uid = _recorder(_json(raw))
    if (cname, uid) != (rec["cname"], rec["uid"]):
        raise Reject(400, {"code": 2, "reason": "cname and uid must be the ones given to acquire"})
    if action == "start":
        token = _json(raw)["clientRequest"].get("token")
        if not isinstance(token, str):
            raise Reject(400, {"code": 2, "reason": "clientRequest.token is missing"})
        parsed = h._verified(token, app_id)
        if not any(
            isinstance(s, v007.RtcService) and s.channel_name == cname and s.uid == uid
            for s in parsed.services
        ):
            raise Reject(
                400, {"code": 2, "reason": "clientRequest.token is not for this cname and uid"}
            )
        rec["sid"] = f"S{resource[1:]}"
        h._send_json(200, {"resourceId": resource, "sid": rec["sid"]})
        return
    if sid != rec["sid"]:
        raise Reject(404, {"code": 404, "reason": "sid not found"})
    if action == "stop":
        rec["sid"] = None
    h._send_json(200, {"resourceId": resource, "sid": sid, "serverResponse": {}})


# -- channel management -------------------------------------------------------------------


def _kicking(h: _Host, method: str, query: dict[str, str], raw: bytes) -> None:
    h._require_basic()
    rules = h.state.rules
    if method == "GET":
        if query.get("appid") != h.state.app_id:
            raise Reject(400, {"message": "appid is missing or wrong"})
        h._send_json(200, {"status": "success", "rules": list(rules.values())})
        return
    body = _json(raw)
    if body.get("appid") != h.state.app_id:
        raise Reject(400, {"message": "appid is missing or wrong"})
    if method == "POST":
        if not body.get("cname") and not body.get("uid"):
            raise Reject(400, {"message": "give cname, uid or ip"})
        rule_id = len(rules) + 1
        rules[rule_id] = {"id": rule_id, **{k: v for k, v in body.items() if k != "appid"}}
        h._send_json(200, {"status": "success", "id": rule_id})
        return
    rule = body.get("id")
    if rule not in rules:
        raise Reject(404, {"message": f"no rule {rule}"})
    if method == "PUT":
        rules[rule]["time"] = body.get("time")
        h._send_json(200, {"status": "success", "result": {"id": rule, "ts": 0}})
    elif method == "DELETE":
        del rules[rule]
        h._send_json(200, {"status": "success", "id": rule})
    else:
        raise Reject(405, {"message": "method not allowed"})


def _channel(h: _Host, method: str, path: str) -> None:
    h._require_basic()
    parts = path.removeprefix("/dev/v1/channel/").split("/")
    if method != "GET" or h.state.app_id not in parts:
        raise Reject(404, {"message": "no such channel endpoint"})
    h._send_json(200, {"success": True, "data": {"channels": [], "parts": parts}})


# -- Signaling --------------------------------------------------------------------------------


def _signaling_auth(h: _Host, app_id: str, path_user: str | None) -> str:
    basic = h._basic_ok()
    if basic is not None:
        if not basic:
            raise Reject(401, {"message": "Invalid authentication credentials"})
        return ""
    user = h._require_rtm(app_id)
    if path_user is not None and user != path_user:
        raise Reject(403, {"message": f"the token is for user {user}, not {path_user} in the path"})
    return user


# -- Chat and Flexible Classroom ----------------------------------------------------------------


def _chat(h: _Host, method: str, user: str | None, raw: bytes) -> None:
    auth = h.headers.get("Authorization", "")
    scheme, _, token = auth.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise Reject(401, {"error": "unauthorized", "error_description": "Bearer token missing"})
    parsed = h._verified(token.strip(), h.state.app_id)
    chat = [s for s in parsed.services if isinstance(s, v007.ChatService)]
    if not any(v007.ChatService.APP in s.privileges for s in chat):
        raise Reject(401, {"error": "unauthorized", "error_description": "not an app token"})
    if method == "POST" and user is None:
        body = json.loads(raw or b"{}")
        names = [u.get("username") for u in (body if isinstance(body, list) else [body])]
        h._send_json(200, {"entities": [{"username": n} for n in names]})
    elif method == "GET" and user:
        h._send_json(200, {"entities": [{"username": user}]})
    else:
        raise Reject(405, {"error": "method not allowed"})


def _classroom(h: _Host, method: str, region: str, app_id: str, room: str, raw: bytes) -> None:
    if region not in ("cn", "ap", "na", "eu"):
        raise Reject(404, {"msg": f"no region {region}"})
    auth = h.headers.get("Authorization", "")
    m = re.match(r"\s*agora\s+token=(\S+)\s*$", auth, re.IGNORECASE)
    if m is None:
        raise Reject(401, {"msg": "Authorization: agora token= missing"})
    parsed = h._verified(m.group(1), app_id)
    if not any(isinstance(s, v007.ApaasService) and s.user_uuid for s in parsed.services):
        raise Reject(401, {"msg": "not an education token"})
    if method != "POST":
        raise Reject(405, {"msg": "method not allowed"})
    h._send_json(200, {"code": 0, "msg": "Success", "data": {"roomUuid": room}})
