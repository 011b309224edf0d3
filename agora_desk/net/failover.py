"""Opt-in failover: on a connection failure, the documented fallbacks, each try logged.

The order and the pauses are the core's (:func:`~agora_desk.core.rest.environments.failover_order`):
the same domain again, the other primary domain, the next region, 1 s / 3 s / 6 s
apart. Only failures another try may get past are retried; a TLS failure or a
refused redirect would only repeat.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import replace
from typing import Final

from agora_desk.core.i18n import _
from agora_desk.core.redact import scrub
from agora_desk.core.rest.environments import failover_order
from agora_desk.core.rest.model import FailureKind, Prepared, RestRequest
from agora_desk.core.rest.request import prepare
from agora_desk.net import http

RETRYABLE: Final = frozenset(
    {FailureKind.TIMEOUT, FailureKind.DNS, FailureKind.REFUSED, FailureKind.CONNECTION}
)


def _pause(seconds: float, cancel: threading.Event | None) -> None:
    if cancel is None:
        time.sleep(seconds)
    elif cancel.wait(seconds):
        raise http.Cancelled(_("cancelled"))


def send(
    request: RestRequest,
    options: http.Options,
    *,
    log: Callable[[str], None],
    cancel: threading.Event | None = None,
) -> tuple[http.Response, Prepared]:
    """The answer of the first host that gives one, and the request as sent to it."""
    order = failover_order(request.base_url)
    for number, (base_url, pause) in enumerate(order, start=1):
        if pause:
            _pause(pause, cancel)
        prepared = prepare(replace(request, base_url=base_url))
        if pause:
            log(
                _("try {number}/{count} after {seconds} s: {url}").format(
                    number=number, count=len(order), seconds=f"{pause:g}", url=base_url
                )
            )
        else:
            log(
                _("try {number}/{count}: {url}").format(
                    number=number, count=len(order), url=base_url
                )
            )
        try:
            return http.send(prepared, options, cancel=cancel), prepared
        except http.TransportError as exc:
            if number == len(order) or exc.kind not in RETRYABLE:
                raise
            log(
                _("try {number} failed: {error}").format(
                    number=number, error=scrub(str(exc), prepared.secrets)
                )
            )
    raise http.ConnectError(_("no host to try"))  # failover_order never returns an empty list
