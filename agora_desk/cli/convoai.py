"""``agora-desk convoai``: see :mod:`agora_desk.cli.shapes`."""

from agora_desk.cli.shapes import register_convoai as register

__all__ = ["register"]
