"""A string wrapper that keeps secrets out of reprs, logs and tracebacks."""

from __future__ import annotations


class Secret:
    """Holds a secret string. ``str``/``repr``/``format`` never show it.

    Call :meth:`reveal` at the one place that needs the real value (signing,
    building a header, storing in the keyring).
    """

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        if isinstance(value, Secret):
            value = value.reveal()
        if not isinstance(value, str):
            raise TypeError("Secret wraps a str")
        self._value = value

    def reveal(self) -> str:
        return self._value

    def masked(self) -> str:
        """Bullets and the last 4 characters, enough to tell secrets apart."""
        v = self._value
        if len(v) <= 4:
            return "•" * len(v)
        return "•" * min(len(v) - 4, 8) + v[-4:]

    def __repr__(self) -> str:
        return f"Secret({self.masked()!r})"

    def __str__(self) -> str:
        return self.masked()

    def __format__(self, spec: str) -> str:
        return format(self.masked(), spec)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Secret):
            import hmac  # here: loading _hashlib costs the window's start-up ~2 ms

            return hmac.compare_digest(self._value.encode(), other._value.encode())
        return NotImplemented

    def __hash__(self) -> int:
        return hash(("Secret", self._value))

    def __bool__(self) -> bool:
        return bool(self._value)

    def __len__(self) -> int:
        return len(self._value)

    def __reduce__(self) -> tuple[object, ...]:
        raise TypeError("a Secret is not picklable")
