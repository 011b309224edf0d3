"""Make tests/data/shapes.json: tokens of the official builder shapes, made by Agora's builders.

Not run by the tests; its output is committed as data. Two sources:

* ``--python-src DIR``: the official AgoraDynamicKey ``python3`` folder (with
  its ``src`` package), e.g. extracted from github.com/AgoraIO/Tools. Its
  tokens must equal ours byte for byte.
* ``--npm-dir DIR``: a folder with ``node_modules/agora-token`` 2.0.6
  (``npm install agora-token@2.0.6``): the only builder of ConvoAI and STT
  tokens. Node's zlib differs from the system's, so these are compared by
  decompressed content.

Both builders draw the salt and the time themselves; the script fixes them
(the Python module's ``time.time`` / ``secrets.SystemRandom``, Node's
``Date`` / ``Math.random``) so each case records its ``issued_at`` and ``salt``.

    python scripts/gen_shape_vectors.py --python-src /tmp/py/python3 \\
        --npm-dir /tmp/npm > tests/data/shapes.json
"""

from __future__ import annotations

import argparse
import importlib
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

APP_ID = "970CA35de60c44645bbae8a215061b33"
CERT = "5CFd2fd1755d40ecb72977518be15d3b"
ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789-_.:@ "
EXTRA = ["é", "中", "文", "😀", "ü"]


def text(rng: random.Random, low: int = 1, high: int = 24, unicode: bool = True) -> str:
    chars = ALPHABET + ("".join(EXTRA) if unicode else "")
    return "".join(rng.choice(chars) for _ in range(rng.randint(low, high))).strip() or "x"


def stamp(rng: random.Random) -> dict[str, int]:
    return {
        "issued_at": rng.choice([1111111, 1700000000, rng.randint(1, 2**31)]),
        "salt": rng.randint(1, 99_999_999),
    }


def expire(rng: random.Random) -> int:
    return rng.choice([0, 1, 600, 3600, 86400, rng.randint(1, 200_000)])


def permissions(rng: random.Random) -> dict[str, dict[str, list[str]]]:
    out: dict[str, dict[str, list[str]]] = {}
    for rtype in rng.sample(range(5), rng.randint(0, 3)):
        out[str(rtype)] = {
            str(p): [text(rng, 1, 16) for _ in range(rng.randint(0, 3))]
            for p in rng.sample(range(2), rng.randint(1, 2))
        }
    return out


def agent_inputs(rng: random.Random) -> dict[str, Any]:
    inputs: dict[str, Any] = {"channel": text(rng, 1, 40, unicode=False), "expire": expire(rng)}
    if rng.random() < 0.5:
        inputs["uid"] = rng.choice([0, 1, 2882341273, 2**32 - 1, rng.randint(1, 2**32 - 1)])
    else:
        inputs["account"] = text(rng, 1, 30)
    inputs["role"] = rng.choice(["publisher", "subscriber"])
    if rng.random() < 0.4:
        for name in ("join", "audio", "video", "data"):
            inputs[f"{name}_expire"] = expire(rng)
    if rng.random() < 0.5:
        inputs["rtm_user"] = text(rng, 1, 30)
    if rng.random() < 0.5:
        inputs["rtm_expire"] = expire(rng)
    return inputs


def simple_cases(rng: random.Random, roles: list[int]) -> list[dict[str, Any]]:
    """One case of each shape but the agents."""
    return [
        {"shape": "chat_user", "inputs": {"user_id": text(rng), "expire": expire(rng)}},
        {"shape": "chat_app", "inputs": {"expire": expire(rng)}},
        {
            "shape": "apaas_room_user",
            "inputs": {
                "room_uuid": text(rng),
                "user_uuid": text(rng),
                "role": rng.choice(roles),
                "expire": expire(rng),
            },
        },
        {"shape": "apaas_user", "inputs": {"user_uuid": text(rng), "expire": expire(rng)}},
        {"shape": "apaas_app", "inputs": {"expire": expire(rng)}},
        {"shape": "fpa", "inputs": {}},
        {
            "shape": "rtm2",
            "inputs": {
                "user_id": text(rng),
                "permissions": permissions(rng),
                "expire": expire(rng),
            },
        },
    ]


def python_cases(rng: random.Random) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = []
    for _ in range(8):
        cases += simple_cases(rng, [-1, 0, 1, 2, 3, 32767, -32768])
    for case in cases:
        case.update(stamp(rng))
    return cases


def npm_cases(rng: random.Random) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = []
    for _ in range(12):
        cases.append({"shape": "convoai", "inputs": agent_inputs(rng)})
        cases.append({"shape": "stt", "inputs": agent_inputs(rng)})
    for _ in range(3):
        # The room-user case is known to differ (no roomUser privilege; role 0 written
        # as -1): kept to show it.
        cases += simple_cases(rng, [0, 1, 2])
    for case in cases:
        case.update(stamp(rng))
    return cases


def run_python(src: Path, cases: list[dict[str, Any]]) -> None:
    sys.path.insert(0, str(src))
    access = importlib.import_module("src.AccessToken2")
    chat = importlib.import_module("src.ChatTokenBuilder2").ChatTokenBuilder
    apaas = importlib.import_module("src.apaas_token_builder").ApaasTokenBuilder
    fpa = importlib.import_module("src.fpa_token_builder").FpaTokenBuilder
    rtm = importlib.import_module("src.RtmTokenBuilder2").RtmTokenBuilder

    for case in cases:
        access.time.time = lambda c=case: c["issued_at"]  # type: ignore[misc]

        class FixedRandom:
            def randint(self, _a: int, _b: int, c: dict[str, Any] = case) -> int:
                return int(c["salt"])

        access.secrets.SystemRandom = FixedRandom
        i = case["inputs"]
        shape = case["shape"]
        if shape == "chat_user":
            token = chat.build_user_token(APP_ID, CERT, i["user_id"], i["expire"])
        elif shape == "chat_app":
            token = chat.build_app_token(APP_ID, CERT, i["expire"])
        elif shape == "apaas_room_user":
            token = apaas.build_room_user_token(
                APP_ID, CERT, i["room_uuid"], i["user_uuid"], i["role"], i["expire"]
            )
        elif shape == "apaas_user":
            token = apaas.build_user_token(APP_ID, CERT, i["user_uuid"], i["expire"])
        elif shape == "apaas_app":
            token = apaas.build_app_token(APP_ID, CERT, i["expire"])
        elif shape == "fpa":
            token = fpa.build_token(APP_ID, CERT)
        elif shape == "rtm2":
            perms = access.ServiceRtm2.Permissions()
            for rtype, by in i["permissions"].items():
                for ptype, names in by.items():
                    perms.add(int(rtype), int(ptype), names)
            token = rtm.build_token_with_permissions(APP_ID, CERT, i["user_id"], perms, i["expire"])
        else:
            raise SystemExit(f"no Python builder for {shape}")
        if not token:
            raise SystemExit(f"the Python builder refused {case}")
        case["token"] = token


NODE_DRIVER = r"""
const path = require('path')
const dir = process.argv[2]
const lib = (name) => require(path.join(dir, 'node_modules', 'agora-token', 'src', name))
const { ConvoAITokenBuilder } = lib('ConvoAITokenBuilder.js')
const { SttTokenBuilder } = lib('SttTokenBuilder.js')
const { ChatTokenBuilder } = lib('ChatTokenBuilder.js')
const { ApaasTokenBuilder } = lib('ApaasTokenBuilder.js')
const { FpaTokenBuilder } = lib('FpaTokenBuilder.js')
const { RtmTokenBuilder } = lib('RtmTokenBuilder2.js')
const { Rtm2Permissions } = lib('AccessToken2.js')
const { Role } = lib('RtcTokenBuilder2.js')
const APP_ID = process.argv[3], CERT = process.argv[4]
const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'))
const realGetTime = Date.prototype.getTime
for (const c of cases) {
  Date.prototype.getTime = function () { return c.issued_at * 1000 }
  Math.random = () => (c.salt - 1 + 0.5) / 99999999
  const i = c.inputs
  const ex = (name) => (i[name] === undefined ? i.expire : i[name])
  if (c.shape === 'convoai' || c.shape === 'stt') {
    const B = c.shape === 'convoai' ? ConvoAITokenBuilder : SttTokenBuilder
    const rtc = i.account !== undefined ? i.account : i.uid
    const rtmUser = i.rtm_user !== undefined ? i.rtm_user : String(rtc)
    const role = i.role === 'publisher' ? Role.PUBLISHER : Role.SUBSCRIBER
    c.token = B.buildToken(APP_ID, CERT, i.channel, rtc, role, i.expire,
      ex('join_expire'), ex('audio_expire'), ex('video_expire'), ex('data_expire'),
      rtmUser, ex('rtm_expire'))
  } else if (c.shape === 'chat_user') {
    c.token = ChatTokenBuilder.buildUserToken(APP_ID, CERT, i.user_id, i.expire)
  } else if (c.shape === 'chat_app') {
    c.token = ChatTokenBuilder.buildAppToken(APP_ID, CERT, i.expire)
  } else if (c.shape === 'apaas_room_user') {
    c.token = ApaasTokenBuilder.buildRoomUserToken(APP_ID, CERT, i.room_uuid, i.user_uuid, i.role, i.expire)
  } else if (c.shape === 'apaas_user') {
    c.token = ApaasTokenBuilder.buildUserToken(APP_ID, CERT, i.user_uuid, i.expire)
  } else if (c.shape === 'apaas_app') {
    c.token = ApaasTokenBuilder.buildAppToken(APP_ID, CERT, i.expire)
  } else if (c.shape === 'fpa') {
    c.token = FpaTokenBuilder.buildToken(APP_ID, CERT)
  } else if (c.shape === 'rtm2') {
    const p = new Rtm2Permissions()
    for (const [rt, by] of Object.entries(i.permissions))
      for (const [pt, names] of Object.entries(by)) p.add(Number(rt), Number(pt), names)
    c.token = RtmTokenBuilder.buildTokenWithPermissions(APP_ID, CERT, i.user_id, p, i.expire)
  }
}
Date.prototype.getTime = realGetTime
process.stdout.write(JSON.stringify(cases))
"""


def run_npm(npm_dir: Path, cases: list[dict[str, Any]]) -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory() as tmp:
        driver = Path(tmp) / "driver.js"
        driver.write_text(NODE_DRIVER, encoding="utf-8")
        done = subprocess.run(  # noqa: S603 - node with our own driver
            ["node", str(driver), str(npm_dir.resolve()), APP_ID, CERT],  # noqa: S607
            input=json.dumps(cases),
            capture_output=True,
            text=True,
            check=True,
        )
    out: list[dict[str, Any]] = json.loads(done.stdout)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python-src", type=Path, required=True)
    parser.add_argument("--npm-dir", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()
    rng = random.Random(args.seed)  # noqa: S311 - reproducible test inputs, not secrets
    py = python_cases(rng)
    run_python(args.python_src, py)
    npm = run_npm(args.npm_dir, npm_cases(rng))
    cases = [dict(c, source="python") for c in py] + [dict(c, source="npm") for c in npm]
    for case in cases:
        case.update(app_id=APP_ID, app_certificate=CERT)
    doc = {
        "generator": "scripts/gen_shape_vectors.py: the official AgoraDynamicKey python3 builders "
        "(compare tokens) and npm agora-token 2.0.6 (compare decompressed content)",
        "cases": cases,
    }
    json.dump(doc, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
