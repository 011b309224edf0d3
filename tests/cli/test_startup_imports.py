"""What a real ``agora-desk`` process imports: only what the command it runs needs.

Every process start pays for its imports (scripts calling the CLI in a loop,
the test suite's real-process tests); the Qt binding, the HTTP clients, the
REST presets and the other token formats must stay out of the commands that
do not use them. Audited with ``python -X importtime`` on a real process.
"""

from __future__ import annotations

import pytest
from _cli_process import CliProcess
from credentials import APP_ID, CERT, CUSTOMER_ID, CUSTOMER_SECRET

# Never in a command-line start but for the commands that use them.
WINDOW = ("PySide6", "shiboken6", "agora_desk.gui")
NETWORK = ("httpx", "httpcore", "h11", "aiohttp", "ssl", "agora_desk.net", "agora_desk.server")
REST = ("agora_desk.core.rest",)
KEYRING = ("keyring", "secretstorage", "jeepney", "agora_desk.secrets.keyring")
OTHERS = WINDOW + NETWORK + REST + KEYRING
# What only decoding needs: the registry, the other formats, the checks, the neutral model.
DECODING = (
    "agora_desk.core.formats.registry",
    "agora_desk.core.formats.v005",
    "agora_desk.core.formats.older",
    "agora_desk.core.formats.signaling",
    "agora_desk.core.checks",
    "agora_desk.core.decoded",
    "agora_desk.core.diagnostics",
)
LEGACY = ("agora_desk.core.formats.v006",)
BUILDING = ("agora_desk.cli.tokens", "agora_desk.core.builders")

CASES: dict[str, tuple[list[str], tuple[str, ...]]] = {
    "--version": (["--version"], OTHERS + DECODING + LEGACY + BUILDING),
    "--help": (["--help"], OTHERS + DECODING + LEGACY + BUILDING),
    "rtc": (["rtc", "--channel", "room", "--uid", "42"], OTHERS + DECODING + LEGACY),
    # 006 has its own model and checks in its module: only the other formats stay out.
    "rtc --legacy": (["rtc", "--legacy", "--channel", "room"], OTHERS + DECODING[:4]),
    "rtm": (["rtm", "--user-id", "alice"], OTHERS + DECODING + LEGACY),
    "chat": (["chat", "--user-id", "alice"], OTHERS + DECODING + LEGACY),
    "basic": (["basic"], OTHERS + DECODING + LEGACY + BUILDING),
    "decode": (["decode", "TOKEN"], WINDOW + NETWORK + REST),
}


def imported(stderr: str) -> set[str]:
    """The module names ``-X importtime`` lists on stderr."""
    return {
        line.split("|")[2].strip()
        for line in stderr.splitlines()
        if line.startswith("import time:") and "imported package" not in line
    }


def is_under(module: str, packages: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in packages)


@pytest.mark.parametrize("name", list(CASES))
def test_a_command_imports_only_what_it_needs(cli: CliProcess, name: str) -> None:
    args, forbidden = CASES[name]
    env = cli.env(
        AGORA_APP_ID=APP_ID,
        AGORA_APP_CERTIFICATE=CERT,
        AGORA_CUSTOMER_ID=CUSTOMER_ID,
        AGORA_CUSTOMER_SECRET=CUSTOMER_SECRET,
    )
    if "TOKEN" in args:
        token = cli.run("rtc", "--channel", "room", "--uid", "42", env=env).stdout.strip()
        args = [token if a == "TOKEN" else a for a in args]
    # = python -X importtime: each module imported is listed on stderr.
    result = cli.run(*args, env={**env, "PYTHONPROFILEIMPORTTIME": "1"})
    assert result.returncode == 0, result.stderr[-2000:]
    modules = imported(result.stderr)
    assert "agora_desk.cli.main" in modules  # the audit saw the real start
    loaded = sorted(m for m in modules if is_under(m, forbidden))
    assert loaded == [], f"agora-desk {name} imports {loaded}"


def test_the_audit_sees_a_forbidden_import(cli: CliProcess) -> None:
    """The check above can fail: the same audit of ``decode`` finds the formats it loads."""
    env = cli.env(AGORA_APP_ID=APP_ID, AGORA_APP_CERTIFICATE=CERT)
    token = cli.run("rtc", "--channel", "room", env=env).stdout.strip()
    result = cli.run("decode", token, env={**env, "PYTHONPROFILEIMPORTTIME": "1"})
    assert result.returncode == 0, result.stderr[-2000:]
    assert {m for m in imported(result.stderr) if is_under(m, DECODING + LEGACY)} >= set(
        DECODING[:-1] + LEGACY
    )
