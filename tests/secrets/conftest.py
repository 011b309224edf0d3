"""Shared fixtures of the secrets tests (defined once in tests/secrets_fixtures.py)."""

from __future__ import annotations

from secrets_fixtures import clean_env, config_dir, memory_keyring  # noqa: F401 - fixtures
