"""Cloud Recording: acquire → start → query / update → stop, one cname and recorder uid throughout.

Every call names the channel (``cname``) and the recorder's ``uid`` in its
body; they must stay the same across the five calls. ``start`` carries the
RTC token the recorder joins with, built for that cname and uid, so the uid
must be a fixed non-zero number that no user in the channel has.
"""

from __future__ import annotations

from typing import Any, Final

from agora_desk.core import checks
from agora_desk.core.errors import InputError
from agora_desk.core.i18n import N_, Translated, _
from agora_desk.core.rest.model import AuthScheme
from agora_desk.core.rest.params import Field, PresetParams
from agora_desk.core.rest.presets.base import Preset
from agora_desk.core.rest.tokens import TokenPlan, recorder_issues, recorder_plan
from agora_desk.core.validation import plain_number, raise_for_errors

PREFIX: Final = "/v1/apps/{app_id}/cloud_recording"
MODES: Final = ("individual", "mix", "web")
_CALL: Final = PREFIX + "/resourceid/{resource_id}"


class RecordingCall(Preset):
    default_auth = AuthScheme.BASIC
    auths = (AuthScheme.BASIC,)
    group = N_("Cloud Recording")
    labels = Translated({Field.UID: N_("Recorder &uid:"), Field.CHANNEL: N_("C&hannel (cname):")})
    required = Translated(
        {
            Field.CHANNEL: N_("the channel (cname) being recorded"),
            Field.UID: N_("the recorder's uid, the same in every call"),
        }
    )
    status_hints = Translated(
        {
            400: N_(
                "Cloud Recording refused a field — cname and uid must be the ones given to "
                "acquire, the uid a non-zero number in a string, the mode individual, mix or web"
            ),
            404: N_(
                "the resourceId or sid is unknown: a resourceId expires 5 minutes after "
                "acquire, and a sid ends with stop (or when the recording times out)"
            ),
        }
    )
    body_token = False  # start: the recorder's RTC token in clientRequest.token

    def editor_body(self, params: PresetParams) -> str | None:
        return ""

    def resolve(self, params: PresetParams, body: Any) -> PresetParams:
        params = super().resolve(params, body)
        raise_for_errors(recorder_issues(params))
        if "{mode}" in self.path and params.mode not in MODES:
            raise InputError(
                "mode",
                _("{value} is not one of {choices}").format(
                    value=repr(params.mode), choices=", ".join(MODES)
                ),
            )
        return params

    def template(self, params: PresetParams, token: str) -> dict[str, Any] | None:
        client: dict[str, Any] = {"token": token} if self.body_token else {}
        return {"cname": params.channel, "uid": params.uid.strip(), "clientRequest": client}

    def expectations(self, params: PresetParams) -> checks.Expectations | None:
        """The recorder's RTC token: for cname and the recorder uid."""
        uid = params.uid.strip()
        return checks.Expectations(
            channel=params.channel or None,
            uid=plain_number(uid),
            services=frozenset({checks.RTC}),
        )


class Acquire(RecordingCall):
    name = "recording-acquire"
    title = N_("Cloud Recording: acquire a resource")
    method = "POST"
    path = PREFIX + "/acquire"
    description = N_(
        "Reserves a recording resource for a channel and recorder uid; returns resourceId."
    )


class Start(RecordingCall):
    name = "recording-start"
    title = N_("Cloud Recording: start")
    method = "POST"
    path = _CALL + "/mode/{mode}/start"
    description = N_(
        "Starts recording with the resourceId from acquire. The body carries an RTC token "
        "for the cname and recorder uid, built from the profile."
    )
    body_token = True

    def carries_token(self, scheme: AuthScheme, params: PresetParams) -> bool:
        return True  # clientRequest.token, with Basic authenticating the call

    def token_plan(
        self, params: PresetParams, scheme: AuthScheme, expire: int = 3600
    ) -> TokenPlan | None:
        return recorder_plan(params, expire)

    def history_body(self, body: Any) -> Any:
        client = body.get("clientRequest") if isinstance(body, dict) else None
        if isinstance(client, dict) and "token" in client:
            client["token"] = ""  # rebuilt from the profile on replay
        return body


class Query(RecordingCall):
    name = "recording-query"
    title = N_("Cloud Recording: query")
    path = _CALL + "/sid/{sid}/mode/{mode}/query"
    description = N_("The state of a recording started with resourceId and sid.")

    def template(self, params: PresetParams, token: str) -> dict[str, Any] | None:
        return None  # a GET: cname and uid are not sent, but kept for the next call


class Update(RecordingCall):
    name = "recording-update"
    title = N_("Cloud Recording: update")
    method = "POST"
    path = _CALL + "/sid/{sid}/mode/{mode}/update"
    description = N_("Changes the subscription or layout of a running recording.")


class Stop(RecordingCall):
    name = "recording-stop"
    title = N_("Cloud Recording: stop")
    method = "POST"
    path = _CALL + "/sid/{sid}/mode/{mode}/stop"
    description = N_("Stops the recording; the answer lists the uploaded files.")


PRESETS: Final[tuple[Preset, ...]] = (Acquire(), Start(), Query(), Update(), Stop())
