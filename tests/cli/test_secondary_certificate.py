"""A profile's secondary App Certificate: stored in the keyring only, masked, chosen by --certificate."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from _cli_process import CliProcess
from _rest_server import FakeAgora
from credentials import APP_ID, CERT, OTHER_CERT
from secrets_fixtures import files_containing, run_cli, secret_forms, secret_service_usable

from agora_desk.core.formats import v007
from agora_desk.core.secret import Secret
from agora_desk.secrets.keyring_store import SERVICE
from agora_desk.secrets.testing import MemoryKeyring


def test_profile_add_reads_the_secondary_from_the_environment(
    config_dir: object, memory_keyring: MemoryKeyring, clean_env: pytest.MonkeyPatch
) -> None:
    clean_env.setenv("AGORA_APP_CERTIFICATE", CERT)
    clean_env.setenv("AGORA_APP_CERTIFICATE_SECONDARY", OTHER_CERT)
    code, out, err = run_cli("add", "prod", "--app-id", APP_ID)
    assert code == 0, err
    assert "App Certificate and Secondary App Certificate in" in err
    assert memory_keyring.entries == {
        (SERVICE, "prod/app_certificate"): CERT,
        (SERVICE, "prod/app_certificate_secondary"): OTHER_CERT,
    }
    code, out, _ = run_cli("show", "prod")
    rows = {k: v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}
    assert rows["App Certificate"] == Secret(CERT).masked()
    assert rows["Secondary App Certificate"] == Secret(OTHER_CERT).masked()
    assert CERT not in out and OTHER_CERT not in out
    code, out, _ = run_cli("show", "prod", "--json")
    assert json.loads(out)["secrets"]["app_certificate_secondary"] == Secret(OTHER_CERT).masked()
    assert run_cli("remove", "prod")[0] == 0
    assert memory_keyring.entries == {}


def test_a_bad_secondary_is_refused_without_echo(
    config_dir: object, memory_keyring: MemoryKeyring, clean_env: pytest.MonkeyPatch
) -> None:
    clean_env.setenv("AGORA_APP_CERTIFICATE", CERT)
    clean_env.setenv("AGORA_APP_CERTIFICATE_SECONDARY", "Z" + OTHER_CERT[1:])
    code, _, err = run_cli("add", "prod", "--app-id", APP_ID)
    assert code == 2
    assert "Secondary App Certificate" in err and OTHER_CERT[1:] not in err
    assert memory_keyring.entries == {}


def test_profile_secondary_signs_with_certificate_secondary(cli: CliProcess) -> None:
    """Real processes and the real (throwaway) Secret Service."""
    reason = secret_service_usable()
    if reason:
        pytest.skip(reason)
    name = f"shapes-{uuid.uuid4().hex[:8]}"
    env = cli.env(AGORA_APP_CERTIFICATE=CERT, AGORA_APP_CERTIFICATE_SECONDARY=OTHER_CERT)
    added = cli.run("profile", "add", name, "--app-id", APP_ID, env=env)
    assert added.returncode == 0, added.stderr
    try:
        bare = cli.env()  # from here on, secrets come from the keyring only
        for command in (["fpa"], ["chat", "--app"], ["rtc", "--channel", "c"]):
            second = cli.run(*command, "--profile", name, "--certificate", "secondary", env=bare)
            assert second.returncode == 0, second.stderr
            parsed = v007.parse(second.stdout.strip())
            assert v007.verify(parsed, OTHER_CERT) and not v007.verify(parsed, CERT)
            first = cli.run(*command, "--profile", name, env=bare)
            assert v007.verify(v007.parse(first.stdout.strip()), CERT)
        assert files_containing(cli.home, secret_forms(CERT, OTHER_CERT)) == []
    finally:
        assert cli.run("profile", "remove", name, env=cli.env()).returncode == 0
    gone = cli.run("fpa", "--profile", name, "--certificate", "secondary", env=cli.env())
    assert gone.returncode == 2 and name in gone.stderr


def test_request_names_a_token_of_the_profile_s_secondary_certificate(
    cli: CliProcess, tmp_path: Path
) -> None:
    """A REST call authenticated with the secondary's token: warned before sending, 401 explained."""
    reason = secret_service_usable()
    if reason:
        pytest.skip(reason)
    name = f"rest-{uuid.uuid4().hex[:8]}"
    env = cli.env(AGORA_APP_CERTIFICATE=CERT, AGORA_APP_CERTIFICATE_SECONDARY=OTHER_CERT)
    assert cli.run("profile", "add", name, "--app-id", APP_ID, env=env).returncode == 0
    fake = FakeAgora(tmp_path)
    try:
        secondary = cli.run("rtm", "--user-id", "alice", "--profile", name, "--certificate", "secondary", env=cli.env())  # fmt: skip
        token = secondary.stdout.strip()
        argv = ["request", "--preset", "rtm-user-events", "--uid", "alice", "--profile", name,
                "--base-url", fake.base_url, "--ca-file", fake.ca_file]  # fmt: skip
        sent = cli.run(*argv, "--token", token, env=cli.env())
        assert sent.returncode == 1
        lines = sent.stderr.splitlines()
        (warning,) = [i for i, line in enumerate(lines) if "secondary certificate" in line and "warning" in line]  # fmt: skip
        (status,) = [i for i, line in enumerate(lines) if line.startswith("HTTP/1.1 401")]
        assert warning < status  # named before the answer came
        assert f"the secondary certificate of profile '{name}'" in lines[warning]
        assert "sign it with the primary certificate" in lines[warning]
        assert "401 with a token: the token is signed with the secondary certificate" in sent.stderr
        # the primary's token goes through with no such warning
        primary = cli.run("rtm", "--user-id", "alice", "--profile", name, env=cli.env())
        ok = cli.run(*argv, "--token", primary.stdout.strip(), env=cli.env())
        assert ok.returncode == 0, ok.stderr
        assert "certificate" not in ok.stderr
        assert OTHER_CERT not in sent.stdout + sent.stderr and CERT not in ok.stdout + ok.stderr
    finally:
        fake.close()
        assert cli.run("profile", "remove", name, env=cli.env()).returncode == 0
