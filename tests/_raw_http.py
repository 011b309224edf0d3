"""Raw bytes to a local server and its answer, for requests no HTTP client would send."""

from __future__ import annotations

import socket
import time
from dataclasses import dataclass


@dataclass
class RawReply:
    status: int
    head: str
    body: bytes


def raw_exchange(port: int, data: bytes, timeout: float = 5.0) -> RawReply:
    """Send ``data`` as is to 127.0.0.1:``port``; read the answer until the server closes."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(data)
        chunks = []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                chunk = sock.recv(65536)
            except (ConnectionResetError, TimeoutError):
                break
            if not chunk:
                break
            chunks.append(chunk)
            raw = b"".join(chunks)
            if b"\r\n\r\n" in raw:
                head, _, body = raw.partition(b"\r\n\r\n")
                length = [
                    int(line.split(b":", 1)[1])
                    for line in head.split(b"\r\n")
                    if line.lower().startswith(b"content-length:")
                ]
                if length and len(body) >= length[0]:
                    break
    raw = b"".join(chunks)
    head, _, body = raw.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1]) if head.startswith(b"HTTP/") else 0
    return RawReply(status, head.decode("latin-1"), body)
