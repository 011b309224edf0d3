"""Each token-shape command's whole-process time against ``agora-desk rtc``, in one run.

One token per process, start-up included (what a script calling the CLI
pays), measured as the child's CPU time (user + system): on a shared machine
wall time mostly measures the neighbours. Every round runs each command
once, in a shuffled order, so load hits all alike; a command's figure is the
median over rounds of its time divided by ``rtc``'s in the same round, for
CPU and, for reference, wall time. Target: every CPU ratio <= 1.2.

    python benchmarks/shape_commands.py [--rounds 30]
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
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP_ID = "970CA35de60c44645bbae8a215061b33"
CERT = "5CFd2fd1755d40ecb72977518be15d3b"
TARGET = 1.2
STAMP = ["--salt", "7", "--issued-at", "1700000000"]


def commands(tmp: Path) -> dict[str, list[str]]:
    permissions = tmp / "permissions.json"
    permissions.write_text('{"messageChannels": {"read": ["lobby"], "write": ["lobby"]}}')
    spec = tmp / "spec.json"
    spec.write_text(
        '{"expire": 600, "services": [{"type": "RTC", "channel_name": "room", "uid": "42", '
        '"privileges": {"joinChannel": 600}}, {"type": "ConvoAI"}]}'
    )
    return {
        "rtc": ["rtc", "--channel", "room", "--uid", "42"],
        "chat": ["chat", "--user-id", "alice"],
        "chat --app": ["chat", "--app"],
        "apaas room-user": ["apaas", "--room-uuid", "r1", "--user-uuid", "u1", "--role", "1"],
        "apaas user": ["apaas", "--user-uuid", "u1"],
        "apaas --app": ["apaas", "--app"],
        "fpa": ["fpa"],
        "rtm --permissions": ["rtm", "--user-id", "alice", "--permissions", str(permissions)],
        "convoai": ["convoai", "--channel", "room", "--uid", "42"],
        "stt": ["stt", "--channel", "room", "--account", "bot"],
        "compose": ["compose", str(spec)],
    }


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_once(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one ``agora-desk`` process."""
    cpu, start = _children_cpu(), time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "agora_desk", *args, *STAMP],
        env=env, capture_output=True, check=False,
    )  # fmt: skip
    wall, cpu = time.perf_counter() - start, _children_cpu() - cpu
    if done.returncode != 0 or not done.stdout.startswith(b"007"):
        raise SystemExit(f"{args[0]} failed: {done.stderr.decode(errors='replace')}")
    return cpu, wall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    opts = parser.parse_args()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("AGORA_")},
        "PYTHONPATH": str(ROOT),
        "AGORA_APP_ID": APP_ID,
        "AGORA_APP_CERTIFICATE": CERT,
    }
    rng = random.Random(14)
    with tempfile.TemporaryDirectory() as tmp:
        cmds = commands(Path(tmp))
        for args in cmds.values():  # warm the page cache and .pyc files
            run_once(args, env)
        cpu: dict[str, list[float]] = {name: [] for name in cmds}
        cpu_ratio: dict[str, list[float]] = {name: [] for name in cmds}
        wall_ratio: dict[str, list[float]] = {name: [] for name in cmds}
        for _ in range(opts.rounds):
            order = list(cmds)
            rng.shuffle(order)
            this_round = {name: run_once(cmds[name], env) for name in order}
            base_cpu, base_wall = this_round["rtc"]
            for name, (seconds, wall) in this_round.items():
                cpu[name].append(seconds)
                cpu_ratio[name].append(seconds / base_cpu)
                wall_ratio[name].append(wall / base_wall)
    print(f"whole process, one token, {opts.rounds} rounds; medians, ratios against rtc's")
    print(f"{'command':<20} {'CPU ms':>7} {'CPU ratio':>9} {'wall ratio':>10}")
    worst = 0.0
    for name in cmds:
        ratio = statistics.median(cpu_ratio[name])
        if name != "rtc":
            worst = max(worst, ratio)
        ms = statistics.median(cpu[name]) * 1000
        flag = "" if ratio <= TARGET else f"  above {TARGET}x"
        wall = statistics.median(wall_ratio[name])
        print(f"{name:<20} {ms:7.1f} {ratio:9.2f} {wall:10.2f}{flag}")
    print(f"worst CPU ratio {worst:.2f} (target <= {TARGET})")
    return 0 if worst <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
