"""Account-level calls authenticated with the Customer ID and Customer Secret."""

from __future__ import annotations

from typing import Final

from agora_desk.core.i18n import N_
from agora_desk.core.rest.model import AuthScheme
from agora_desk.core.rest.presets.base import Preset


class Projects(Preset):
    name = "projects"
    title = N_("Projects (basic information of all projects)")
    path = "/dev/v1/projects"
    default_auth = AuthScheme.BASIC
    auths = (AuthScheme.BASIC,)
    description = N_("Lists the projects of the account the Customer ID belongs to.")


PRESETS: Final[tuple[Preset, ...]] = (Projects(),)
