"""``agora-desk chat``: see :mod:`agora_desk.cli.shapes`."""

from agora_desk.cli.shapes import register_chat as register

__all__ = ["register"]
