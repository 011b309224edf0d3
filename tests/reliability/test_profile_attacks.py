"""The profile store under races, hostile files, symlinks, bypass attempts and crashes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from _cli_process import ROOT, CliProcess
from _shared_keyring import entries_in, shared_keyring_env
from credentials import APP_ID, CERT, CUSTOMER_SECRET, OTHER_APP_ID

from agora_desk.core.errors import InputError
from agora_desk.core.secret import Secret
from agora_desk.secrets import Profile, ProfileStore
from agora_desk.secrets.errors import ConfigError
from agora_desk.secrets.profiles import Problem
from agora_desk.secrets.testing import MemoryKeyring

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX locks and signals")

TESTS = Path(__file__).resolve().parents[1]


def _store(config_dir: Path, keyring: MemoryKeyring | None = None) -> ProfileStore:
    from agora_desk.secrets import KeyringStore

    return ProfileStore(config_dir / "profiles.json", KeyringStore() if keyring else None)


# -- races: 20 real processes at once into a folder that does not exist yet ----------------------


def test_20_parallel_first_adds_are_all_listed(cli: CliProcess) -> None:
    """Real processes sharing one keyring, into a config folder that does not exist yet."""
    assert not cli.config_dir.exists()
    keyring_file = cli.home / "keyring.json"
    env = cli.env(AGORA_APP_CERTIFICATE=CERT, **shared_keyring_env(keyring_file, TESTS))

    def add(i: int) -> subprocess.CompletedProcess[str]:
        return cli.run("profile", "add", f"race-{i}", "--app-id", APP_ID, env=env, timeout=90)

    with ThreadPoolExecutor(20) as pool:
        results = list(pool.map(add, range(20)))
    assert [r.returncode for r in results] == [0] * 20, [r.stderr for r in results if r.returncode]
    listed = json.loads(cli.run("profile", "list", "--json", env=env).stdout)
    assert sorted(p["name"] for p in listed["profiles"]) == sorted(f"race-{i}" for i in range(20))
    assert listed["keyring_problems"] == []

    def remove(i: int) -> subprocess.CompletedProcess[str]:
        return cli.run("profile", "remove", f"race-{i}", env=env, timeout=90)

    def change(i: int) -> subprocess.CompletedProcess[str]:
        return remove(i) if i < 20 else add(i)

    with ThreadPoolExecutor(10) as pool:  # six removes and four new adds at once
        changed = list(pool.map(change, [0, 2, 4, 6, 8, 10, 20, 21, 22, 23]))
    assert all(r.returncode == 0 for r in changed), [r.stderr for r in changed]
    kept = [i for i in range(24) if i % 2 or i >= 12]
    listed = json.loads(cli.run("profile", "list", "--json", env=env).stdout)
    assert sorted(p["name"] for p in listed["profiles"]) == sorted(f"race-{i}" for i in kept)
    assert listed["keyring_problems"] == []
    assert sorted(entries_in(keyring_file)) == sorted(
        f"agora-desk\0race-{i}/app_certificate" for i in kept
    )


def test_parallel_adds_in_threads_never_lose_a_profile(
    config_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    """The same race in one process (each add opens the folder lock on its own)."""

    def add(i: int) -> None:
        ProfileStore().add(Profile(f"t{i}", APP_ID), app_certificate=Secret(CERT))

    assert not config_dir.exists()
    with ThreadPoolExecutor(20) as pool:
        list(pool.map(add, range(40)))
    assert sorted(ProfileStore().names()) == sorted(f"t{i}" for i in range(40))


# -- damaged and hostile files: "damaged file at PATH", exit 1, never overwritten ----------------

HOSTILE = {
    "deep nesting": '{"version": 1, "profiles": ' + "[" * 100_000 + "]" * 100_000 + "}",
    "deep object": '{"version": 1, "profiles": {"a": ' + '{"x":' * 50_000 + "1" + "}" * 50_000 + "}}",
    "huge number": '{"version": ' + "9" * 5000 + ', "profiles": {}}',
    "huge number inside": '{"version": 1, "profiles": {"a": {"app_id": ' + "1" * 5000 + "}}}",
    "version a string": '{"version": "1", "profiles": {}}',
    "version a float": '{"version": 1e999, "profiles": {}}',
    "profiles a list": '{"version": 1, "profiles": []}',
    "app_id a number": '{"version": 1, "profiles": {"a": {"app_id": 5}}}',
    "keyring record a string": '{"version": 1, "profiles": {}, "keyring": "x"}',
    "keyring record of numbers": '{"version": 1, "profiles": {}, "keyring": {"a": [1]}}',
    "not UTF-8": b'{"version": 1, "profiles": {"\xff": {}}}',
    "NaN version": '{"version": NaN, "profiles": {}}',
    "top level array": "[1, 2]",
    "duplicate profile": '{"version": 1, "profiles": {"a": {"app_id": "x"}, "a": {"app_id": "y"}}}',
}  # fmt: skip


def _profile_cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    from agora_desk.cli.main import main

    code = main(["profile", *argv])
    return code, capsys.readouterr().err


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_files_are_reported_with_their_path_and_left_alone(
    config_dir: Path, memory_keyring: MemoryKeyring, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    content = HOSTILE[case]
    raw = content.encode() if isinstance(content, str) else content
    config_dir.mkdir(parents=True)
    path = config_dir / "profiles.json"
    path.write_bytes(raw)
    for argv in (["list"], ["add", "new", "--app-id", APP_ID], ["remove", "a"], ["repair"]):
        code, err = _profile_cli(argv, capsys)
        assert code == 1, (argv, err[-500:])
        lines = [line for line in err.splitlines() if "error" in line]
        assert len(lines) == 1, err[-1000:]
        assert f"damaged profiles file {path}: " in lines[0], lines[0]
        assert "Traceback" not in err and "unexpected" not in err and len(err) < 2000
    assert path.read_bytes() == raw  # never overwritten
    assert sorted(os.listdir(config_dir)) == ["profiles.json"]
    assert all(op == "get" for op, *_ in memory_keyring.calls)  # no secret written


@pytest.mark.parametrize("case", ["deep nesting", "huge number"])
def test_hostile_files_through_the_real_process(cli: CliProcess, case: str) -> None:
    cli.config_dir.mkdir(parents=True)
    path = cli.config_dir / "profiles.json"
    path.write_text(str(HOSTILE[case]))
    env = cli.env(
        AGORA_APP_CERTIFICATE=CERT, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring"
    )
    result = cli.run("profile", "add", "new", "--app-id", APP_ID, env=env)
    assert result.returncode == 1
    assert result.stderr.startswith(f"agora-desk: error: damaged profiles file {path}: ")
    assert path.read_text() == HOSTILE[case]


# -- the no-secret guard: decoded values, any case --------------------------------------------


@pytest.mark.parametrize(
    ("customer_id", "notes"),
    [
        (CERT.upper(), ""),  # an upper-cased certificate typed into --customer-id
        (CERT.lower(), ""),
        ("", f"my cert is {CERT.swapcase()}"),
        ("", f'quoted "{CERT}"'),
    ],
)
def test_the_secret_guard_cannot_be_bypassed_by_case_or_escaping(
    config_dir: Path, memory_keyring: MemoryKeyring, customer_id: str, notes: str
) -> None:
    store = ProfileStore()
    profile = Profile("p", APP_ID, customer_id=customer_id, notes=notes)
    with pytest.raises(InputError, match="non-secret field"):
        store.add(profile, app_certificate=Secret(CERT))
    assert not (config_dir / "profiles.json").exists()


@pytest.mark.parametrize("secret", ['a"quoted\\secret-value-1', "Mixed-CASE-secret-value-2"])
def test_a_customer_secret_with_quotes_or_case_is_found_in_the_notes(
    config_dir: Path, memory_keyring: MemoryKeyring, secret: str
) -> None:
    store = ProfileStore()
    profile = Profile(
        "p", APP_ID, customer_id="c0ffee00c0ffee00c0ffee00c0ffee00", notes=secret.upper()
    )
    with pytest.raises(InputError, match="Customer Secret"):
        store.add(profile, customer_secret=Secret(secret))
    assert CUSTOMER_SECRET  # the shared value is hex; these are the awkward ones


# -- a symlinked profiles.json is written through -------------------------------------------------


def test_a_symlinked_profiles_file_is_written_through(
    config_dir: Path, memory_keyring: MemoryKeyring, tmp_path: Path
) -> None:
    real = tmp_path / "dotfiles" / "agora-profiles.json"
    real.parent.mkdir()
    real.write_text('{"version": 1, "profiles": {}}\n')
    config_dir.mkdir(parents=True)
    (config_dir / "profiles.json").symlink_to(real)
    ProfileStore().add(Profile("p", APP_ID), app_certificate=Secret(CERT))
    ProfileStore().add(Profile("q", OTHER_APP_ID))
    assert (config_dir / "profiles.json").is_symlink()
    assert sorted(json.loads(real.read_text())["profiles"]) == ["p", "q"]
    assert ProfileStore().names() == ["p", "q"]


# -- a crash between the keyring write and the file write: reported, then repaired ----------------

_CRASH = textwrap.dedent(
    """
    import os, sys
    from agora_desk.core.secret import Secret
    from agora_desk.secrets import profiles
    from agora_desk.secrets.profiles import Profile, ProfileStore

    real = ProfileStore._apply_secrets

    def then_die(self, name, wanted):
        real(self, name, wanted)
        os._exit(9)  # as kill -9 right after the keyring write

    ProfileStore._apply_secrets = then_die
    ProfileStore().add(Profile(sys.argv[1], sys.argv[2]), app_certificate=Secret(sys.argv[3]))
    """
)


def test_a_crash_after_the_keyring_write_leaves_a_reported_orphan(cli: CliProcess) -> None:
    keyring_file = cli.home / "keyring.json"
    env = cli.env(AGORA_APP_CERTIFICATE=CERT, **shared_keyring_env(keyring_file, TESTS))
    assert cli.run("profile", "add", "kept", "--app-id", APP_ID, env=env).returncode == 0
    crashed = subprocess.run(
        [sys.executable, "-c", _CRASH, "lost", APP_ID, CERT], env=env, cwd=ROOT,
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert crashed.returncode == 9, crashed.stderr
    listed = cli.run("profile", "list", "--json", env=env)
    data = json.loads(listed.stdout)
    assert [p["name"] for p in data["profiles"]] == ["kept"]
    assert data["keyring_problems"] == [
        {"profile": "lost", "secret": "app_certificate", "problem": "orphan"}
    ]
    text = cli.run("profile", "list", env=env)
    assert "no such profile" in text.stderr and "profile repair" in text.stderr
    repaired = cli.run("profile", "repair", env=env)
    assert repaired.returncode == 0 and "deleted" in repaired.stderr, repaired.stderr
    again = json.loads(cli.run("profile", "list", "--json", env=env).stdout)
    assert again["keyring_problems"] == []
    assert sorted(entries_in(keyring_file)) == ["agora-desk\0kept/app_certificate"]


def test_a_secret_deleted_outside_is_reported_missing_and_repair_forgets_it(
    config_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    store = ProfileStore()
    store.add(Profile("p", APP_ID), app_certificate=Secret(CERT))
    store.add(Profile("bare", OTHER_APP_ID))  # saved without a secret: nothing to miss
    assert store.keyring_problems() == []
    store.secrets.delete("p", "app_certificate")  # as a keyring manager would
    (problem,) = store.keyring_problems()
    assert (problem.profile, problem.secret, problem.kind) == (
        "p",
        "app_certificate",
        Problem.MISSING,
    )
    assert "add --replace" in problem.describe()
    assert store.repair() == [problem]
    assert store.keyring_problems() == []
    assert store.names() == ["bare", "p"]  # repair never removes a profile


def test_a_damaged_file_blocks_changes_without_touching_the_keyring(
    config_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    config_dir.mkdir(parents=True)
    (config_dir / "profiles.json").write_text("[" * 10_000)
    with pytest.raises(ConfigError) as caught:
        ProfileStore().add(Profile("p", APP_ID), app_certificate=Secret(CERT))
    assert caught.value.corrupt and str(config_dir / "profiles.json") in str(caught.value)
    assert memory_keyring.calls == [] or all(op == "get" for op, *_ in memory_keyring.calls)
