"""The presets, one object each; :data:`PRESETS` in the order the form and ``--help`` list them.

Adding a preset: write its class in the module of its product and list it
in that module's ``PRESETS``.
"""

from __future__ import annotations

from typing import Final

from agora_desk.core.errors import InputError
from agora_desk.core.rest.presets import (
    channels,
    chat,
    classroom,
    convoai,
    projects,
    recording,
    signaling,
)
from agora_desk.core.rest.presets.base import CUSTOM, CustomRequest, Filled, Preset

PRESETS: Final[dict[str, Preset]] = {
    p.name: p
    for module in (projects, convoai, recording, channels, signaling, chat, classroom)
    for p in module.PRESETS
}


def get_preset(name: str) -> Preset:
    preset = PRESETS.get(name.strip().lower())
    if preset is None:
        raise InputError("preset", f"{name!r} is not a preset; use one of {', '.join(PRESETS)}")
    return preset


def preset_or_custom(name: str | None) -> Preset:
    return get_preset(name) if name else CUSTOM


__all__ = [
    "CUSTOM",
    "PRESETS",
    "CustomRequest",
    "Filled",
    "Preset",
    "get_preset",
    "preset_or_custom",
]
