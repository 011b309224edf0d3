"""chat, apaas, fpa, convoai, stt, compose and rtm --permissions as real processes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from _cli_process import CliProcess
from credentials import APP_ID, CERT, OTHER_CERT

from agora_desk.core.formats import v007
from tests.vectors import load

DATA = Path(__file__).resolve().parents[1] / "data" / "shapes.json"
SHAPE_CASES: list[dict[str, Any]] = json.loads(DATA.read_text(encoding="utf-8"))["cases"]
PUBLISHED = {c["name"]: c for c in load("published.json")}
VECTOR_STAMP = ("--expire", "600", "--salt", "1", "--issued-at", "1111111")


def first(shape: str, source: str, **inputs: Any) -> dict[str, Any]:
    for case in SHAPE_CASES:
        if (case["shape"], case["source"]) == (shape, source) and all(
            (k in case["inputs"]) == bool(v) for k, v in inputs.items()
        ):
            return case
    raise LookupError(shape)


@pytest.fixture
def env(cli: CliProcess) -> dict[str, str]:
    return cli.env(AGORA_APP_ID=APP_ID, AGORA_APP_CERTIFICATE=CERT)


def ok(
    cli: CliProcess, env: dict[str, str], *args: str, input: str | None = None, quiet: bool = True
) -> str:
    """stdout of a successful run; ``quiet``: with no warnings either."""
    done = cli.run(*args, env=env, input=input)
    assert done.returncode == 0, done.stderr
    if quiet:
        assert done.stderr == ""
    return done.stdout


@pytest.mark.parametrize(
    ("args", "vector"),
    [
        (("chat", "--user-id", "2882341273"), "chat user"),
        (("chat", "--app"), "chat app"),
        (
            ("apaas", "--room-uuid", "123", "--user-uuid", "2882341273", "--role", "1"),
            "apaas room user + rtm + chat",
        ),
        (("apaas", "--user-uuid", "2882341273"), "apaas user"),
        (("apaas", "--app"), "apaas app"),
    ],
)
def test_published_vectors(
    cli: CliProcess, env: dict[str, str], args: tuple[str, ...], vector: str
) -> None:
    assert ok(cli, env, *args, *VECTOR_STAMP) == PUBLISHED[vector]["token"] + "\n"


def _stamp(case: dict[str, Any]) -> tuple[str, ...]:
    return ("--salt", str(case["salt"]), "--issued-at", str(case["issued_at"]))


def test_fpa_equals_the_official_python_builder(cli: CliProcess, env: dict[str, str]) -> None:
    case = first("fpa", "python")
    assert ok(cli, env, "fpa", *_stamp(case)) == case["token"] + "\n"


def test_rtm_permissions_from_a_file_and_from_stdin(
    cli: CliProcess, env: dict[str, str], tmp_path: Path
) -> None:
    case = next(
        c
        for c in SHAPE_CASES
        if c["shape"] == "rtm2" and c["source"] == "python" and c["inputs"]["permissions"]
    )
    i = case["inputs"]
    perms = tmp_path / "perms.json"
    perms.write_text(json.dumps(i["permissions"]), encoding="utf-8")
    base = ("rtm", "--user-id", i["user_id"], "--expire", str(i["expire"]), *_stamp(case))
    assert ok(cli, env, *base, "--permissions", str(perms)) == case["token"] + "\n"
    piped = ok(cli, env, *base, "--permissions", "-", input=json.dumps(i["permissions"]))
    assert piped == case["token"] + "\n"


def _agent_args(case: dict[str, Any]) -> list[str]:
    i = case["inputs"]
    args = [case["shape"], f"--channel={i['channel']}", "--role", i["role"]]
    args += ["--expire", str(i["expire"]), *_stamp(case)]
    if "uid" in i:
        args += ["--uid", str(i["uid"])]
    else:
        args.append(f"--account={i['account']}")
    for key in ("join_expire", "audio_expire", "video_expire", "data_expire", "rtm_expire"):
        if key in i:
            args += [f"--{key.replace('_', '-')}", str(i[key])]
    if "rtm_user" in i:
        args.append(f"--rtm-user={i['rtm_user']}")
    return args


@pytest.mark.parametrize(
    "case",
    [
        first("convoai", "npm", account=True, rtm_user=False),
        first("convoai", "npm", uid=True, join_expire=True),
        first("stt", "npm", account=True, rtm_user=True),
        first("stt", "npm", uid=True),
    ],
    ids=lambda c: f"{c['shape']}-{c['salt']}",
)
def test_agents_equal_npm_agora_token_in_content(
    cli: CliProcess, env: dict[str, str], case: dict[str, Any]
) -> None:
    # The random accounts break SDK rules: warnings, and the token all the same.
    token = ok(cli, env, *_agent_args(case), quiet=False).strip()
    assert v007.decompress(token[3:]) == v007.decompress(case["token"][3:])


def test_compose_a_published_vector_from_a_file_and_stdin(
    cli: CliProcess, env: dict[str, str], tmp_path: Path
) -> None:
    case = PUBLISHED["multi service rtc+rtm+fpa+chat+apaas"]
    spec = {k: case[k] for k in ("expire", "services", "issued_at", "salt")}
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    assert ok(cli, env, "compose", str(path)) == case["token"] + "\n"
    # Options override the file's expire, salt and issued_at.
    spec.update(expire=1, salt=99, issued_at=5)
    piped = ok(cli, env, "compose", "-", *VECTOR_STAMP, input=json.dumps(spec))
    assert piped == case["token"] + "\n"


def test_json_has_the_rtc_schema(cli: CliProcess, env: dict[str, str]) -> None:
    obj = json.loads(ok(cli, env, "convoai", "--channel", "room", "--account", "agent", "--json"))
    assert set(obj) == {"token", "warnings", "decoded"}
    assert obj["decoded"]["signature_valid"] is True
    assert [s["name"] for s in obj["decoded"]["services"]] == ["RTC", "RTM", "ConvoAI"]
    assert obj["decoded"]["services"][1]["user_id"] == "agent"


def test_warnings_go_to_stderr_and_json(cli: CliProcess, env: dict[str, str]) -> None:
    done = cli.run("chat", "--user-id", "null", "--expire", "90000", env=env)
    assert done.returncode == 0 and done.stdout.startswith("007")
    assert "'null'" in done.stderr and "86400" in done.stderr
    obj = json.loads(ok_json := cli.run("chat", "--user-id", "null", "--json", env=env).stdout)
    assert ok_json and any("null" in w for w in obj["warnings"])


def test_secondary_certificate_from_the_environment(cli: CliProcess, env: dict[str, str]) -> None:
    env2 = dict(env, AGORA_APP_CERTIFICATE_SECONDARY=OTHER_CERT)
    token = ok(cli, env2, "fpa", "--certificate", "secondary").strip()
    parsed = v007.parse(token)
    assert v007.verify(parsed, OTHER_CERT) and not v007.verify(parsed, CERT)
    primary = v007.parse(ok(cli, env2, "rtc", "--channel", "c", "--certificate", "primary").strip())
    assert v007.verify(primary, CERT)
    done = cli.run("stt", "--channel", "c", "--certificate", "secondary", env=env)
    assert done.returncode == 2
    assert "AGORA_APP_CERTIFICATE_SECONDARY" in done.stderr and CERT not in done.stderr


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("chat",), "--user-id"),
        (("chat", "--user-id", "u", "--app"), "--app"),
        (("chat", "--user-id", ""), "--user-id"),
        (("chat", "--app", "--expire", "-5"), "--expire"),
        (("apaas", "--room-uuid", "r", "--user-uuid", "u"), "--role"),
        (("apaas", "--room-uuid", "r", "--user-uuid", "u", "--role", "teacher"), "--role"),
        (("apaas", "--room-uuid", "r", "--user-uuid", "u", "--role", "99999"), "--role"),
        (("apaas", "--user-uuid", "u", "--role", "1"), "--role"),
        (("apaas", "--app", "--user-uuid", "u"), "--user-uuid"),
        (("apaas",), "--user-uuid"),
        (("fpa", "--salt", "x"), "--salt"),
        (("convoai",), "--channel"),
        (("convoai", "--channel", "c", "--uid", "-1"), "--uid"),
        (("convoai", "--channel", "c", "--uid", "1", "--account", "a"), "--account"),
        (("stt", "--channel", "c", "--rtm-user="), "--rtm-user"),
        (("stt", "--channel", "c", "--role", "boss"), "role"),
        (("stt", "--channel", "c", "--join-expire", "soon"), "--join-expire"),
        (("compose", "/nonexistent/spec.json"), "SPEC"),
        (("rtm", "--user-id", "u", "--permissions", "/nonexistent"), "--permissions"),
        (("rtm", "--user-id", "u", "--permissions", "-", "--legacy"), "--permissions"),
        (("fpa", "--certificate", "tertiary"), "--certificate"),
    ],
)
def test_bad_options_exit_2_naming_the_field(
    cli: CliProcess, env: dict[str, str], args: tuple[str, ...], named: str
) -> None:
    done = cli.run(*args, env=env)
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    (line,) = done.stderr.splitlines()
    assert named in line and "Traceback" not in line


@pytest.mark.parametrize(
    ("spec", "named"),
    [
        ("", "SPEC: stdin is empty"),
        ("{", "SPEC: stdin is not valid JSON"),
        ("\xff", "SPEC"),
        ('{"services": [{"type": "XYZ"}]}', "services[0].type"),
        ('{"services": [{"type": 1, "uid": 5.5}]}', "services[0].uid"),
        (
            '{"services": [{"type": 8, "permissions": {"users": {"admin": []}}}]}',
            "services[0].permissions[users]",
        ),
        ("[" * 100_000 + "]" * 100_000, "SPEC"),
        ('{"services": [{"type": 1}], "token": "007..."}', "token"),
    ],
)
def test_bad_compose_spec_exits_2_naming_the_place(
    cli: CliProcess, env: dict[str, str], spec: str, named: str
) -> None:
    done = cli.run("compose", "-", env=env, input=spec)
    assert done.returncode == 2, done.stderr
    (line,) = done.stderr.splitlines()
    assert named in line and "Traceback" not in line and "unexpected" not in line


def test_bad_permissions_file_with_json_prints_the_error_object(
    cli: CliProcess, env: dict[str, str]
) -> None:
    done = cli.run(
        "rtm", "--user-id", "u", "--permissions", "-", "--json", env=env, input='{"0": 1}'
    )
    assert done.returncode == 2
    assert json.loads(done.stdout)["error"].startswith("--permissions[0]:")


@pytest.mark.parametrize(
    ("command", "official"),
    [
        ("chat", "ChatTokenBuilder2.buildUserToken"),
        ("apaas", "buildRoomUserToken"),
        ("fpa", "FpaTokenBuilder.buildToken"),
        ("convoai", "ConvoAITokenBuilder.buildToken"),
        ("stt", "SttTokenBuilder.buildToken"),
        ("compose", "services"),
        ("rtm", "buildTokenWithPermissions"),
    ],
)
def test_help_names_the_official_builder(cli: CliProcess, command: str, official: str) -> None:
    done = cli.run(command, "--help")
    assert done.returncode == 0
    text = " ".join(done.stdout.split())
    assert official in text and "--certificate" in text and "--json" in text
    assert "(default )" not in text  # every default the help names is a real one


def test_a_certificate_typed_as_the_option_value_is_not_echoed(
    cli: CliProcess, env: dict[str, str]
) -> None:
    done = cli.run("chat", "--app", "--certificate", OTHER_CERT, env=env)
    assert done.returncode == 2
    assert "--certificate" in done.stderr and OTHER_CERT[:8] not in done.stderr
