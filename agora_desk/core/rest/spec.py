"""What the user asked for (form or command line), before any credential is read."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from agora_desk.core.rest.model import AuthScheme
from agora_desk.core.rest.params import PresetParams
from agora_desk.core.rest.presets import CUSTOM, Preset
from agora_desk.core.rest.request import check_method
from agora_desk.core.secret import Secret


@dataclass(frozen=True)
class RequestSpec:
    """What the user asked for, before credentials. Holds no secret but a pasted token."""

    base_url: str
    scheme: AuthScheme
    preset: Preset = CUSTOM
    method: str = "GET"  # ignored for a preset
    path: str = "/"  # ignored for a preset; {app_id} is filled in
    params: PresetParams = field(default_factory=PresetParams)
    headers: tuple[tuple[str, str], ...] = ()
    body: Any = None  # the user's JSON (merged over a preset's body)
    pasted_token: Secret | None = None
    expire: int = 3600

    @property
    def custom(self) -> bool:
        return self.preset is CUSTOM

    @property
    def preset_name(self) -> str | None:
        return None if self.custom else self.preset.name

    @property
    def path_template(self) -> str:
        return self.path if self.custom else self.preset.path

    @property
    def real_method(self) -> str:
        return check_method(self.method) if self.custom else self.preset.method


def resolve_params(spec: RequestSpec) -> PresetParams:
    """The preset's params with the body's values filled in; errors for conflicts."""
    return spec.preset.resolve(spec.params, spec.body)
