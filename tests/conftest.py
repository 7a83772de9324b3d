"""Shared fixtures: one coder for the whole run, and the path to ../shared when present."""

from __future__ import annotations

from pathlib import Path

import pytest

from hadath import Coder

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def coder() -> Coder:
    """A coder with the shipped lexicon (loaded once)."""
    return Coder()


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder; tests that need it are skipped when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED
