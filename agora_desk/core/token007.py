"""Transitional name for :mod:`agora_desk.core.formats.v007`.

Kept only so that code and tests outside the core's wing (core/rest and its
tests, the server and GUI tests) keep working while they move; new code imports
:mod:`agora_desk.core.formats.v007`. Remove once nothing imports this name.
"""

from __future__ import annotations

from agora_desk.core.formats.v007 import *  # noqa: F403
