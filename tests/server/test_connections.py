"""The connection guard's choice at the cap: always the connection idle longest."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from _server_helpers import config
from hypothesis import given
from hypothesis import strategies as st

from agora_desk.server.connections import ConnectionGuard


@dataclass(eq=False)
class Connection:
    """Stands in for a GuardedHandler: what the guard reads and calls."""

    last_active: float
    busy: bool = False
    closed: list[Connection] = field(default_factory=list)

    def force_close(self) -> None:
        self.closed.append(self)


def guard(cap: int) -> ConnectionGuard:
    return ConnectionGuard(config(max_connections=cap), None)


def admit(g: ConnectionGuard, connection: Connection) -> bool:
    return g.admit(connection)  # type: ignore[arg-type]


def test_the_idlest_connection_gives_way_and_activity_counts() -> None:
    g, closed = guard(3), []
    a, b, c = (Connection(t, closed=closed) for t in (1.0, 2.0, 3.0))
    for conn in (a, b, c):
        assert admit(g, conn)
    assert admit(g, Connection(4.0, closed=closed)) and closed == [a]
    b.last_active = 5.0  # b sent a request since the guard listed it
    assert admit(g, Connection(6.0, closed=closed)) and closed == [a, c]
    assert len(g.open) == 3


def test_busy_connections_are_never_closed_and_a_full_server_refuses() -> None:
    g, closed = guard(3), []
    old, new, newer = (Connection(t, closed=closed) for t in (1.0, 2.0, 3.0))
    old.busy = True
    for conn in (old, new, newer):
        assert admit(g, conn)
    assert admit(g, Connection(4.0, closed=closed)) and closed == [new]
    old.busy = False  # its request is done: now the idlest, though busy when listed
    assert admit(g, Connection(5.0, closed=closed)) and closed == [new, old]
    for conn in list(g.open):
        conn.busy = True  # type: ignore[attr-defined]
    assert not admit(g, Connection(5.0, closed=closed)) and g.refused == 1


OPS = st.lists(
    st.tuples(st.sampled_from(["admit", "active", "busy", "idle", "close"]), st.integers(0, 40)),
    max_size=120,
)


@given(st.integers(1, 6), OPS)
def test_the_victim_is_always_the_least_recently_active_free_connection(
    cap: int, ops: list[tuple[str, int]]
) -> None:
    g, closed = guard(cap), []
    clock = 0.0
    for op, n in ops:
        clock += 1.0  # time only moves forward, as time.monotonic does
        conns: list[Any] = list(g.open)
        if op == "admit":
            free = [c for c in conns if not c.busy]
            expected = min(free, key=lambda c: c.last_active) if free else None
            before = len(closed)
            admitted = admit(g, Connection(clock, closed=closed))
            if len(conns) < cap:
                assert admitted and len(closed) == before
            elif expected is None:
                assert not admitted and len(closed) == before
            else:
                assert admitted and closed[before:] == [expected]
        elif conns:
            conn = conns[n % len(conns)]
            if op == "active":
                conn.last_active = clock
            elif op in ("busy", "idle"):
                conn.busy = op == "busy"
            else:
                g.forget(conn)
        assert len(g.open) <= cap
