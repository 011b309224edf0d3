"""Named base URLs: where a request goes, chosen per request and shown, never saved silently.

Production is ``api.agora.io``; mainland China is served from ``api.sd-rtn.com``;
each region has its own domain under both. Failover, when asked for, tries the
same domain again, then the other primary domain, then the next region, with
1 s / 3 s / 6 s pauses between the tries.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from agora_desk.core.errors import InputError
from agora_desk.core.i18n import N_, _

REGIONS: Final = (
    "us-west-1",
    "us-east-1",
    "ap-southeast-1",
    "ap-northeast-1",
    "eu-west-1",
    "eu-central-1",
    "cn-east-1",
    "cn-north-1",
)
PRODUCTION: Final = "https://api.agora.io"
CHINA: Final = "https://api.sd-rtn.com"
LOCAL: Final = "https://127.0.0.1:8443"
BACKOFF_S: Final = (1.0, 3.0, 6.0)


@dataclass(frozen=True)
class Environment:
    name: str
    base_url: str
    label_text: str  # marked English ("Region {region} (China)"), translated when shown
    region: str = ""

    @property
    def label(self) -> str:
        return _(self.label_text).format(region=self.region)

    @property
    def badge(self) -> str:
        return _("{label} · {host}").format(
            label=self.label, host=self.base_url.removeprefix("https://")
        )


def _all() -> dict[str, Environment]:
    envs = [
        Environment("production", PRODUCTION, N_("Production")),
        Environment("china", CHINA, N_("Mainland China")),
    ]
    for region in REGIONS:
        envs.append(
            Environment(region, f"https://api-{region}.agora.io", N_("Region {region}"), region)
        )
        envs.append(
            Environment(
                f"{region}-china",
                f"https://api-{region}.sd-rtn.com",
                N_("Region {region} (China)"),
                region,
            )
        )
    envs.append(Environment("local", LOCAL, N_("Local mock")))
    return {e.name: e for e in envs}


ENVIRONMENTS: Final[dict[str, Environment]] = _all()


def get_environment(name: str) -> Environment:
    env = ENVIRONMENTS.get(name.strip().lower())
    if env is None:
        raise InputError(
            "--env",
            _(
                "{name} is not an environment; use production, china, local or a region "
                "({regions}, or REGION-china)"
            ).format(name=repr(name), regions=", ".join(REGIONS)),
        )
    return env


def environment_of(base_url: str) -> Environment | None:
    """The named environment a base URL is, if it is one."""
    wanted = base_url.strip().rstrip("/").lower()
    for env in ENVIRONMENTS.values():
        if env.base_url == wanted:
            return env
    return None


def failover_order(base_url: str) -> list[tuple[str, float]]:
    """``(base URL, pause before it)`` in the documented order: same, other primary, next region.

    A host that is not one of Agora's (a proxy, a test server) is only tried again.
    """
    env = environment_of(base_url)
    if env is None or env.name == "local":
        return [(base_url, 0.0), (base_url, BACKOFF_S[0])]
    china = env.base_url.endswith(".sd-rtn.com")
    other = (
        env.base_url.replace(".sd-rtn.com", ".agora.io")
        if china
        else env.base_url.replace(".agora.io", ".sd-rtn.com")
    )
    region = next((r for r in REGIONS if f"api-{r}." in env.base_url), None)
    nxt = REGIONS[(REGIONS.index(region) + 1) % len(REGIONS)] if region else REGIONS[0]
    regional = f"https://api-{nxt}.{'sd-rtn.com' if china else 'agora.io'}"
    urls = [env.base_url, env.base_url, other, regional]
    return [(url, 0.0 if i == 0 else BACKOFF_S[i - 1]) for i, url in enumerate(urls)]
