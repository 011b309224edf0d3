"""Every official vector: built byte for byte, decoded back to its inputs, verified."""

from __future__ import annotations

from typing import Any

import pytest

from agora_desk.core.decode import parse_any
from agora_desk.core.formats import v006, v007
from tests.vectors import all_cases, case_id, services_of

CASES = all_cases()
BUILD_007 = [c for c in CASES if c["format"] == "007" and not c.get("parse_only")]
PARSE_ONLY = [c for c in CASES if c.get("parse_only")]
CASES_006 = [c for c in CASES if c["format"] == "006"]
OTHER_CERT = "0" * 32


def test_the_vector_sets_are_complete() -> None:
    # Guards against a silently empty parametrisation.
    assert len(BUILD_007) >= 180
    assert len(CASES_006) >= 25
    assert PARSE_ONLY


@pytest.mark.parametrize("case", BUILD_007, ids=case_id)
def test_007_build_is_byte_identical(case: dict[str, Any]) -> None:
    token = v007.build(
        case["app_id"],
        case["app_certificate"],
        services_of(case),
        expire=case["expire"],
        issued_at=case["issued_at"],
        salt=case["salt"],
    )
    assert token == case["token"]


@pytest.mark.parametrize("case", BUILD_007, ids=case_id)
def test_007_decodes_back_to_inputs(case: dict[str, Any]) -> None:
    tok = v007.parse(case["token"])
    assert tok.app_id == case["app_id"]
    assert (tok.issued_at, tok.expire, tok.salt) == (
        case["issued_at"],
        case["expire"],
        case["salt"],
    )
    assert tok.complete
    expected = sorted(services_of(case), key=lambda s: s.service_type)
    assert tok.services == expected
    assert v007.verify(tok, case["app_certificate"])
    assert not v007.verify(tok, OTHER_CERT)


@pytest.mark.parametrize("case", PARSE_ONLY, ids=case_id)
def test_007_parse_only(case: dict[str, Any]) -> None:
    tok = v007.parse(case["token"])
    assert v007.verify(tok, case["app_certificate"])
    by_name = {s.name.lower(): s for s in tok.services}
    for name, fields in case["expect"].items():
        service = by_name[name]
        for key, value in fields.items():
            if key == "privileges":
                assert service.privileges == {int(k): v for k, v in value.items()}
            elif key == "permissions":
                assert service.permissions == {  # type: ignore[attr-defined]
                    int(rt): {int(pt): r for pt, r in by.items()} for rt, by in value.items()
                }
            else:
                assert getattr(service, key) == value


@pytest.mark.parametrize("case", CASES_006, ids=case_id)
def test_006_build_parse_verify(case: dict[str, Any]) -> None:
    privileges = {int(k): v for k, v in case["privileges"].items()}
    token = v006.build(
        case["app_id"],
        case["app_certificate"],
        case["channel_name"],
        case["uid"],
        privileges,
        salt=case["salt"],
        ts=case["ts"],
    )
    assert token == case["token"]
    tok = v006.parse(case["token"])
    assert (tok.app_id, tok.salt, tok.ts, tok.privileges) == (
        case["app_id"],
        case["salt"],
        case["ts"],
        privileges,
    )
    assert tok.channel_matches(case["channel_name"])
    assert tok.uid_matches(case["uid"])
    assert not tok.channel_matches(case["channel_name"] + "x")
    assert v006.verify(tok, case["app_certificate"], case["channel_name"], case["uid"])
    assert not v006.verify(tok, case["app_certificate"], case["channel_name"] + "x", case["uid"])


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_decoded_model_json_matches_inputs(case: dict[str, Any]) -> None:
    decoded = parse_any(case["token"]).decoded
    data = decoded.to_json()
    assert data["version"] == case["format"]
    assert data["app_id"] == case["app_id"]
    if case["format"] == "006":
        assert data["ts"] == case["ts"]
        assert {p["id"]: p["expires_at"] for p in data["privileges"]} == {
            int(k): v for k, v in case["privileges"].items()
        }
        return
    if case.get("parse_only"):
        return
    assert data["expires_at"] == (case["issued_at"] + case["expire"] if case["expire"] else 0)
    services = sorted(case["services"], key=lambda s: s["type"])
    assert [s["type"] for s in data["services"]] == [s["type"] for s in services]
    for got, want in zip(data["services"], services, strict=True):
        for key, value in want.items():
            if key in ("type", "privileges", "permissions"):
                continue
            assert got[key] == value
        assert {p["id"]: p["expire"] for p in got["privileges"]} == {
            int(k): v for k, v in want["privileges"].items()
        }
        for p in got["privileges"]:
            assert p["expires_at"] == (case["issued_at"] + p["expire"] if p["expire"] else 0)
