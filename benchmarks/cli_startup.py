"""``agora-desk`` start-up CPU: this checkout against an earlier revision, in one run.

Every test that runs the CLI as a real process, and every script calling it,
pays the start-up: the interpreter, the imports, the parser. The "before"
tree (by default the commit that ended the third session) is unpacked from
git into a temporary folder; each round runs every command once on each side
and ``python -c pass`` (the floor no command can go under), in a shuffled
order, so machine load hits all alike. A figure is the child's CPU time
(user + system), the median over rounds; the ratio is before ÷ after within
each round (> 1: faster now), and "over python" is what the command costs
beyond a bare interpreter.

Before anything is timed, both sides must print byte-identical output
(stdout, stderr, exit status) for every command.

    .venv/bin/python benchmarks/cli_startup.py [--rounds 20] [--before REV]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from core_before_after import unpack_before

ROOT = Path(__file__).resolve().parents[1]
BEFORE = "51e62a5"  # the end of the third session
APP_ID = "970CA35de60c44645bbae8a215061b33"
CERT = "5CFd2fd1755d40ecb72977518be15d3b"
STAMP = ["--salt", "7", "--issued-at", "1700000000"]
COMMANDS: dict[str, list[str]] = {
    "--version": ["--version"],
    "--help": ["--help"],
    "rtc": ["rtc", "--channel", "room", "--uid", "42", *STAMP],
    "rtm": ["rtm", "--user-id", "alice", *STAMP],
    "basic": ["basic"],
    # The token rtc printed; --json: the schema scripts read stays the same, while the
    # text's wording may be improved between revisions.
    "decode": ["decode", "--json", "TOKEN"],
    "profile list": ["profile", "list"],
}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(argv: list[str], env: dict[str, str], cwd: str) -> tuple[float, bytes]:
    """(CPU seconds, what it printed and its exit status) of one process."""
    cpu = _children_cpu()
    done = subprocess.run(argv, env=env, cwd=cwd, capture_output=True, check=False)
    cpu = _children_cpu() - cpu
    return cpu, done.stdout + b"\0" + done.stderr + b"\0" + str(done.returncode).encode()


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--before", default=BEFORE, help="git revision of the 'before' tree")
    opts = parser.parse_args()
    rng = random.Random(11)
    with tempfile.TemporaryDirectory() as tmp:
        before_tree = Path(tmp, "before")
        unpack_before(opts.before, before_tree)
        home = Path(tmp, "home")  # no saved profiles, no user config of the person running this
        home.mkdir()
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("AGORA_", "XDG_"))},
            "HOME": str(home),
            "AGORA_APP_ID": APP_ID,
            "AGORA_APP_CERTIFICATE": CERT,
            "AGORA_CUSTOMER_ID": "a" * 32,
            "AGORA_CUSTOMER_SECRET": "b" * 32,
        }
        sides = {"before": before_tree, "after": ROOT}
        envs = {side: {**env, "PYTHONPATH": str(tree)} for side, tree in sides.items()}
        rtc = [sys.executable, "-m", "agora_desk", *COMMANDS["rtc"]]
        token = run(rtc, envs["after"], tmp)[1].split(b"\0")[0].decode().strip()
        COMMANDS["decode"] = ["decode", "--json", token]
        jobs: dict[tuple[str, str], list[str]] = {
            ("python", "-c pass"): [sys.executable, "-c", "pass"]
        }
        for side in sides:
            for name, args in COMMANDS.items():
                jobs[(side, name)] = [sys.executable, "-m", "agora_desk", *args]
        # Warm the page cache and .pyc files, and check the output is unchanged.
        for name in COMMANDS:
            outputs = {side: run(jobs[(side, name)], envs[side], tmp)[1] for side in sides}
            if outputs["before"] != outputs["after"]:
                print(f"{name}: the output differs from {opts.before}'s")
                print(f"  before: {outputs['before']!r}\n  after:  {outputs['after']!r}")
                return 1
        cpu: dict[tuple[str, str], list[float]] = {job: [] for job in jobs}
        ratio: dict[str, list[float]] = {name: [] for name in COMMANDS}
        for _ in range(opts.rounds):
            order = list(jobs)
            rng.shuffle(order)
            this_round = {}
            for job in order:
                side = job[0] if job[0] in envs else "after"
                this_round[job] = run(jobs[job], envs[side], tmp)[0]
            for job, seconds in this_round.items():
                cpu[job].append(seconds)
            for name in COMMANDS:
                ratio[name].append(this_round[("before", name)] / this_round[("after", name)])
    floor = statistics.median(cpu[("python", "-c pass")]) * 1000
    print(f"agora-desk start-up CPU (user + system), {opts.rounds} rounds, medians;")
    print(f"before = {opts.before}, after = this checkout; python -c pass: {floor:.1f} ms")
    print(f"{'command':<14} {'before ms':>9} {'after ms':>9} {'over python':>11} {'ratio':>6}")
    for name in COMMANDS:
        b = statistics.median(cpu[("before", name)]) * 1000
        a = statistics.median(cpu[("after", name)]) * 1000
        r = statistics.median(ratio[name])
        print(f"{name:<14} {b:9.1f} {a:9.1f} {a - floor:+11.1f} {r:5.2f}x")
    overall = statistics.median([r for rs in ratio.values() for r in rs])
    print(f"start-up CPU before ÷ after, all commands: {overall:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
