"""The local token server: the HTTP app (``app``) and a background runner (``runner``).

Used by ``agora-desk serve`` and by the window's Token server tab. Depends on
the core; nothing in the core depends on it.
"""

from __future__ import annotations

from agora_desk.server.app import create_app
from agora_desk.server.config import ServerConfig
from agora_desk.server.requestlog import RequestRecord, redact
from agora_desk.server.runner import PortInUse, ServerHandle, ServerStartError, start_server

__all__ = [
    "PortInUse",
    "RequestRecord",
    "ServerConfig",
    "ServerHandle",
    "ServerStartError",
    "create_app",
    "redact",
    "start_server",
]
