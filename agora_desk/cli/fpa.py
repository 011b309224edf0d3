"""``agora-desk fpa``: see :mod:`agora_desk.cli.shapes`."""

from agora_desk.cli.shapes import register_fpa as register

__all__ = ["register"]
