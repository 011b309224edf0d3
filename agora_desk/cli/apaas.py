"""``agora-desk apaas``: see :mod:`agora_desk.cli.shapes`."""

from agora_desk.cli.shapes import register_apaas as register

__all__ = ["register"]
