"""The diagnosis records that write their own ``__init__`` (for speed) stay true dataclasses.

``Check``, ``Verdict``, ``Findings`` and ``Parsed`` store their fields themselves instead of
through the frozen dataclass's ``object.__setattr__`` calls; a field added to the
class but not to its ``__init__`` would be silently missing. These tests fail then.
"""

from __future__ import annotations

import dataclasses
import inspect
from typing import Any

import pytest

from agora_desk.core.checks import Findings
from agora_desk.core.decoded import Check, CheckName, Phrasing, Verdict
from agora_desk.core.formats.registry import Parsed

RECORDS: list[type[Any]] = [Check, Verdict, Findings, Parsed]


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__name__)
def test_init_takes_exactly_the_fields_with_their_defaults(cls: type[Any]) -> None:
    params = list(inspect.signature(cls.__init__).parameters.values())[1:]
    fields = dataclasses.fields(cls)
    assert [p.name for p in params] == [f.name for f in fields]
    for p, f in zip(params, fields):
        want = inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default
        assert p.default == want, f.name


def _values(cls: type[Any]) -> dict[str, object]:
    """A distinct non-default value per field."""
    samples: dict[str, object] = {
        "name": CheckName.UID,
        "ok": False,
        "detail": "built for uid 42",
        "fix": "join as 42",
        "phrasing": Phrasing.BUILT,
        "cause": CheckName.CHANNEL,
        "summary": "Rejected: …",
        "checks": (Check(CheckName.EXPIRY, True, "valid"),),
        "warnings": ("a warning",),
        "signature_valid": True,
        "format": "007",
        "token": b"the parsed token",
        "decoded": "its model",
    }
    return {f.name: samples[f.name] for f in dataclasses.fields(cls)}


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__name__)
def test_every_field_is_stored_and_the_record_stays_frozen(cls: type[Any]) -> None:
    values = _values(cls)
    record = cls(**values)
    assert {name: getattr(record, name) for name in values} == values
    assert dataclasses.replace(record) == record
    assert hash(record) == hash(cls(*values.values()))
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(record, next(iter(values)), None)


def test_a_checks_phrasing_does_not_take_part_in_equality() -> None:
    a = Check(CheckName.UID, False, "x", phrasing=Phrasing.BUILT)
    assert a == Check(CheckName.UID, False, "x") and a.phrasing is Phrasing.BUILT
    assert Check(CheckName.UID, False, "x").fix == ""
