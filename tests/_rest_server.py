"""A fake Agora REST API over real HTTPS, for the request tests.

It checks credentials the way Agora's docs describe them:

* Basic: ``base64(customer_id:customer_secret)`` of the test account (scheme
  name case-insensitive), else 401.
* ``Authorization: agora token=<007>``: the token must verify against the test
  project's certificate, be for the App ID in the path, not be expired, and
  carry the privileges the endpoint needs (RTM login for Signaling; RTC join,
  plus RTM when ``enable_rtm``, for Conversational AI), else 401/403.
* ``x-agora-token`` + ``x-agora-uid``: as above, and the token's RTM user
  must be the uid header.

The Conversational AI join endpoint also decodes ``properties.token`` and
checks it against the body's channel, agent uid, string-uid flag and RTM
flag. The other products' endpoints are in ``_rest_routes``. Test endpoints: ``/test/slow``, ``/test/big``, ``/test/echo``,
``/test/redirect``. A second server on another loopback address plays
"another host" and records what reaches it; a third presents a certificate
from a CA nobody trusts.
"""

from __future__ import annotations

import base64
import functools
import json
import re
import ssl
import threading
import time
import urllib.parse
import zlib
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import trustme
from _rest_routes import Reject, route
from credentials import APP_ID, CERT, CUSTOMER_ID, CUSTOMER_SECRET

from agora_desk.core.formats import v007

APP_CERTIFICATE = CERT


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class State:
    app_id: str = APP_ID
    certificate: str = APP_CERTIFICATE
    customer_id: str = CUSTOMER_ID
    customer_secret: str = CUSTOMER_SECRET
    seen: list[Seen] = field(default_factory=list)
    agents: dict[str, dict[str, Any]] = field(default_factory=dict)
    recordings: dict[str, dict[str, Any]] = field(default_factory=dict)
    rules: dict[int, dict[str, Any]] = field(default_factory=dict)
    stopping: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)
    other_base: str = ""  # the "other host", for cross-host redirects


_Reject = Reject


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], ctx: ssl.SSLContext, state: State) -> None:
        self.ctx = ctx
        self.state = state
        super().__init__(address, _Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        # Failed handshakes (the untrusted-certificate test) and dropped
        # connections are expected; keep the test output clean.
        pass


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def setup(self) -> None:
        # The TLS handshake runs in this connection's thread, not in the
        # accept loop, so a client that refuses the certificate blocks nobody.
        self.request = self.server.ctx.wrap_socket(self.request, server_side=True)
        super().setup()

    def log_message(self, format: str, *args: Any) -> None:
        pass

    # -- plumbing --------------------------------------------------------------

    @property
    def state(self) -> State:
        return self.server.state

    def _read_body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _send_json(self, status: int, obj: Any, headers: dict[str, str] | None = None) -> None:
        data = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def do_PUT(self) -> None:
        self._dispatch("PUT")

    def do_DELETE(self) -> None:
        self._dispatch("DELETE")

    def _dispatch(self, method: str) -> None:
        body = self._read_body()
        parts = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(parts.query))
        with self.state.lock:
            self.state.seen.append(Seen(method, parts.path, dict(self.headers.items()), body))
        try:
            self._route(method, parts.path, query, body)
        except _Reject as r:
            self._send_json(r.status, r.body)
        except (BrokenPipeError, ConnectionResetError, ssl.SSLError):
            pass

    # -- credential checks -------------------------------------------------------

    def _basic_ok(self) -> bool | None:
        """True/False for a Basic header, None when there is none."""
        auth = self.headers.get("Authorization", "")
        scheme, _, value = auth.partition(" ")
        if scheme.lower() != "basic":
            return None
        expected = base64.b64encode(
            f"{self.state.customer_id}:{self.state.customer_secret}".encode()
        ).decode()
        return value.strip() == expected

    def _require_basic(self) -> None:
        ok = self._basic_ok()
        if ok is None:
            raise _Reject(401, {"message": "Missing Authorization header (Basic)"})
        if not ok:
            raise _Reject(401, {"message": "Invalid authentication credentials"})

    def _token(self) -> tuple[str, str | None] | None:
        """(token, x-agora-uid or None) from either token scheme, or None."""
        auth = self.headers.get("Authorization", "")
        m = re.match(r"\s*agora\s+token=(\S+)\s*$", auth, re.IGNORECASE)
        if m:
            return m.group(1), None
        legacy = self.headers.get("x-agora-token")
        if legacy is not None:
            return legacy.strip(), self.headers.get("x-agora-uid", "")
        return None

    def _verified(self, token: str, app_id: str) -> v007.AccessToken2:
        try:
            parsed = v007.parse(token)
        except Exception:
            raise _Reject(401, {"message": "Invalid token", "reason": "malformed"}) from None
        if parsed.app_id != self.state.app_id or app_id.lower() != parsed.app_id.lower():
            raise _Reject(401, {"message": "Invalid token", "reason": "app id mismatch"})
        if not v007.verify(parsed, self.state.certificate):
            raise _Reject(401, {"message": "Invalid token", "reason": "signature"})
        now = int(time.time())
        if parsed.expire and parsed.expires_at <= now:
            raise _Reject(401, {"message": "Token expired"})
        return parsed

    @staticmethod
    def _privilege_live(parsed: v007.AccessToken2, service: v007.Service, pid: int) -> bool:
        if pid not in service.privileges:
            return False
        secs = service.privileges[pid]
        return secs == 0 or parsed.issued_at + secs > time.time()

    def _require_rtm(self, app_id: str) -> str:
        found = self._token()
        if found is None:
            raise _Reject(401, {"message": "Missing token (Authorization: agora token=...)"})
        token, uid = found
        parsed = self._verified(token, app_id)
        rtm = [s for s in parsed.services if isinstance(s, v007.RtmService)]
        live = [s for s in rtm if self._privilege_live(parsed, s, v007.RtmService.LOGIN)]
        if not live:
            raise _Reject(403, {"message": "Token has no RTM login privilege"})
        if uid is not None:
            if not uid or all(s.user_id != uid for s in live):
                raise _Reject(401, {"message": "x-agora-uid does not match the token"})
            return uid
        return live[0].user_id

    def _require_rtc(self, app_id: str) -> v007.AccessToken2:
        found = self._token()
        if found is None:
            raise _Reject(401, {"message": "Missing token"})
        parsed = self._verified(found[0], app_id)
        rtc = [s for s in parsed.services if isinstance(s, v007.RtcService)]
        if not any(self._privilege_live(parsed, s, v007.RtcService.JOIN_CHANNEL) for s in rtc):
            raise _Reject(403, {"message": "Token has no RTC join privilege"})
        return parsed

    # -- routes --------------------------------------------------------------------

    def _route(self, method: str, path: str, query: dict[str, str], body: bytes) -> None:
        if route(self, method, path, query, body):
            return
        if path == "/dev/v1/projects" and method == "GET":
            self._require_basic()
            self._send_json(
                200,
                {
                    "success": True,
                    "projects": [
                        {
                            "id": "p1",
                            "name": "Test project",
                            "vendor_key": self.state.app_id,
                            "status": 1,
                            "created": 1700000000,
                        }
                    ],
                },
            )
            return
        m = re.fullmatch(r"/dev/v2/project/([^/]+)/rtm/vendor/user_events", path)
        if m and method == "GET":
            user = self._require_rtm(m.group(1))
            self._send_json(
                200,
                {"result": "success", "events": [{"userId": user, "type": "Login", "ts": 0}]},
            )
            return
        m = re.fullmatch(r"/api/conversational-ai-agent/v2/projects/([^/]+)/join", path)
        if m and method == "POST":
            self._convoai_auth(m.group(1))
            self._join(m.group(1), body)
            return
        m = re.fullmatch(
            r"/api/conversational-ai-agent/v2/projects/([^/]+)/agents/([^/]+)/leave", path
        )
        if m and method == "POST":
            self._convoai_auth(m.group(1))
            if m.group(2) not in self.state.agents:
                raise _Reject(404, {"detail": "agent not found", "reason": "TaskNotFound"})
            del self.state.agents[m.group(2)]
            self._send_json(200, {})
            return
        if path == "/test/echo":
            self._send_json(
                200,
                {
                    "method": method,
                    "headers": dict(self.headers.items()),
                    "body": body.decode("utf-8", "replace"),
                },
            )
            return
        if path == "/test/slow":
            delay = float(query.get("delay", "5"))
            end = time.monotonic() + delay
            while time.monotonic() < end and not self.state.stopping.is_set():
                time.sleep(0.02)
            self._send_json(200, {"slept": delay})
            return
        if path == "/test/big":
            self._big(int(query.get("size", str(20 * 1024 * 1024))))
            return
        if path.startswith("/test/redirect-prefix/"):
            self.send_response(307)
            self.send_header("Location", self.state.other_base + "/test/echo")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if path == "/test/redirect":
            to = query.get("to", "other")
            target = {
                "other": self.state.other_base + "/test/echo",
                "same": "/test/echo",
                "http": "http://example.com/",
            }[to]
            self.send_response(int(query.get("code", "302")))
            self.send_header("Location", target)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if path == "/test/encoded":
            layers = query.get("layers", "gzip")
            self._encoded(layers, int(query.get("size", str(1 << 30))))
            return
        if path == "/test/ansi":
            text = "ok \x1b]0;owned\x07\x1b[2J\x1b[31mred\x9b0m \u202e end\n"
            data = text.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return
        if path == "/test/status":
            code = int(query.get("code", "500"))
            self._send_json(code, {"message": f"status {code}"})
            return
        raise _Reject(404, {"message": f"no route for {method} {path}"})

    def _convoai_auth(self, app_id: str) -> None:
        basic = self._basic_ok()
        if basic is not None:
            if not basic:
                raise _Reject(401, {"message": "Invalid authentication credentials"})
            return
        self._require_rtc(app_id)

    def _join(self, app_id: str, raw: bytes) -> None:
        try:
            body = json.loads(raw)
        except ValueError:
            raise _Reject(400, {"detail": "body is not JSON", "reason": "InvalidRequest"}) from None
        props = body.get("properties") or {}
        for key in ("channel", "token", "agent_rtc_uid"):
            if not isinstance(props.get(key), str):
                raise _Reject(
                    400, {"detail": f"properties.{key} missing", "reason": "InvalidRequest"}
                )
        if not body.get("name"):
            raise _Reject(400, {"detail": "name missing", "reason": "InvalidRequest"})
        channel = props["channel"]
        agent_uid = props["agent_rtc_uid"]
        string_uid = bool(props.get("enable_string_uid", False))
        enable_rtm = bool((props.get("advanced_features") or {}).get("enable_rtm", False))
        if not string_uid and not agent_uid.isdigit():
            raise _Reject(
                400,
                {
                    "detail": "agent_rtc_uid is a string but enable_string_uid is false",
                    "reason": "InvalidRequest",
                },
            )
        try:
            parsed = self._verified(props["token"], app_id)
        except _Reject as r:
            raise _Reject(
                403, {"detail": f"properties.token: {r.body}", "reason": "InvalidToken"}
            ) from None
        wire_uid = agent_uid if string_uid else ("" if agent_uid == "0" else agent_uid)
        rtc = [
            s
            for s in parsed.services
            if isinstance(s, v007.RtcService)
            and s.channel_name == channel
            and s.uid == wire_uid
            and self._privilege_live(parsed, s, v007.RtcService.JOIN_CHANNEL)
        ]
        if not rtc:
            raise _Reject(
                403,
                {
                    "detail": "properties.token is not an RTC token for this channel and agent uid",
                    "reason": "InvalidToken",
                },
            )
        if enable_rtm:
            rtm = [
                s
                for s in parsed.services
                if isinstance(s, v007.RtmService)
                and s.user_id == agent_uid
                and self._privilege_live(parsed, s, v007.RtmService.LOGIN)
            ]
            if not rtm:
                raise _Reject(
                    403,
                    {
                        "detail": "enable_rtm is on but properties.token has no RTM login for the agent",
                        "reason": "InvalidToken",
                    },
                )
        agent_id = f"A{len(self.state.agents) + 1:04d}"
        self.state.agents[agent_id] = body
        self._send_json(
            200, {"agent_id": agent_id, "create_ts": int(time.time()), "status": "RUNNING"}
        )

    def _encoded(self, layers: str, size: int) -> None:
        data = bomb(layers, size)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Encoding", layers.replace(",", ", "))
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _big(self, size: int) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(size))
        self.end_headers()
        chunk = b"x" * 65536
        sent = 0
        while sent < size and not self.state.stopping.is_set():
            n = min(len(chunk), size - sent)
            self.wfile.write(chunk[:n])
            sent += n


def _zeros_deflate(size: int) -> bytes:
    """A raw deflate stream of ``size`` zero bytes (a multiple of 1 MiB), made in a second.

    After a full flush the compressor starts afresh, so every further 1 MiB block
    compresses to the same bytes: compress two, repeat the second.
    """
    block = b"\0" * (1 << 20)
    z = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = z.compress(block) + z.flush(zlib.Z_FULL_FLUSH)
    again = z.compress(block) + z.flush(zlib.Z_FULL_FLUSH)
    assert again == z.compress(block) + z.flush(zlib.Z_FULL_FLUSH)
    final = zlib.compressobj(9, zlib.DEFLATED, -15).flush()  # an empty last block
    return first + again * ((size >> 20) - 1) + final


def _checksums(size: int) -> tuple[int, int]:
    block = b"\0" * (1 << 20)
    crc, adler = 0, 1
    for _ in range(size >> 20):
        crc = zlib.crc32(block, crc)
        adler = zlib.adler32(block, adler)
    return crc, adler


@functools.lru_cache(maxsize=8)
def bomb(layers: str, size: int) -> bytes:
    """``size`` zero bytes, compressed once per layer ("gzip,gzip": twice): a decompression bomb."""
    names = [n.strip() for n in layers.split(",")]
    raw = _zeros_deflate(size)
    crc, adler = _checksums(size)
    if names[0] == "gzip":
        data = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff" + raw
        data += crc.to_bytes(4, "little") + (size % 2**32).to_bytes(4, "little")
    else:
        data = b"\x78\xda" + raw + adler.to_bytes(4, "big")
    for layer in names[1:]:
        z = zlib.compressobj(9, zlib.DEFLATED, {"gzip": 31, "deflate": 15}[layer])
        data = z.compress(data) + z.flush()
    return data


class FakeAgora:
    """Three HTTPS servers: the API, "another host", and one nobody trusts.

    ``ca_file`` is the PEM of the CA the first two are signed by.
    """

    def __init__(self, tmp: Path) -> None:
        self.ca = trustme.CA()
        self.ca_file = str(tmp / "fake-agora-ca.pem")
        self.ca.cert_pem.write_to_path(self.ca_file)
        cert = self.ca.issue_cert("127.0.0.1", "127.0.0.2", "localhost", "::1")
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        cert.configure_cert(ctx)
        rogue_ca = trustme.CA()
        rogue = rogue_ca.issue_cert("127.0.0.1", "localhost")
        rogue_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        rogue.configure_cert(rogue_ctx)

        self.state = State()
        self.other_state = State()
        self.api = _Server(("127.0.0.1", 0), ctx, self.state)
        self.other = _Server(("127.0.0.2", 0), ctx, self.other_state)
        self.untrusted = _Server(("127.0.0.1", 0), rogue_ctx, State())
        self.state.other_base = self.other_base
        self._threads = [
            threading.Thread(target=s.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
            for s in (self.api, self.other, self.untrusted)
        ]
        for t in self._threads:
            t.start()

    @property
    def base_url(self) -> str:
        return f"https://127.0.0.1:{self.api.server_address[1]}"

    @property
    def other_base(self) -> str:
        return f"https://127.0.0.2:{self.other.server_address[1]}"

    @property
    def untrusted_url(self) -> str:
        return f"https://127.0.0.1:{self.untrusted.server_address[1]}"

    def seen(self, path_prefix: str = "") -> list[Seen]:
        with self.state.lock:
            return [s for s in self.state.seen if s.path.startswith(path_prefix)]

    def close(self) -> None:
        for s in (self.state, self.other_state, self.untrusted.state):
            s.stopping.set()
        for server in (self.api, self.other, self.untrusted):
            server.shutdown()
            server.server_close()


def refused_url() -> str:
    """An https URL on a loopback port nothing listens on."""
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return f"https://127.0.0.1:{port}"
