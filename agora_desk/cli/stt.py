"""``agora-desk stt``: see :mod:`agora_desk.cli.shapes`."""

from agora_desk.cli.shapes import register_stt as register

__all__ = ["register"]
