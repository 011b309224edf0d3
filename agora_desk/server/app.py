"""The token server's HTTP app (aiohttp), compatible with the servers apps are wired to.

Endpoints (see ``docs/cli.md``, "serve"):

* ``GET /ping``
* ``POST /fetch_rtm_token``, ``POST /fetch_rtc_token`` - the Signaling docs' sample server
* ``GET /rtc/…``, ``GET /rtm/…``, ``GET /rte/…``, ``POST /getToken`` - the community
  token service

The parts: :mod:`.config` (what it is started with), :mod:`.params` (reading
request fields), :mod:`.handlers` (the routes), :mod:`.middleware` (Host check,
CORS, errors, the log), :mod:`.requestlog` (the log records).
"""

from __future__ import annotations

from aiohttp import web

from agora_desk.server.config import CONFIG, ServerConfig
from agora_desk.server.handlers import ROUTES
from agora_desk.server.middleware import guard
from agora_desk.server.requestlog import LOG_SINK, OnEntry


def create_app(config: ServerConfig, log: OnEntry | None = None) -> web.Application:
    """The aiohttp app (serve it with :mod:`.runner`, which adds the connection guard).

    ``log`` gets one :class:`~.requestlog.LogEntry` per request; None: no log work at all.
    """
    config.validate()
    app = web.Application(middlewares=[guard], client_max_size=config.max_body_bytes)
    app[CONFIG] = config
    app[LOG_SINK] = log
    for method, path, handler in ROUTES:
        app.router.add_route(method, path, handler)
        if method == "GET":
            # The community service's routes end in "/"; apps call both forms.
            app.router.add_route(method, path + "/", handler)
    return app
