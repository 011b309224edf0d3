"""``agora-desk compose``: see :mod:`agora_desk.cli.shapes`."""

from agora_desk.cli.shapes import register_compose as register

__all__ = ["register"]
