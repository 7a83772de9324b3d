"""Typed errors that say what went wrong and what to do."""

from __future__ import annotations


class HadathError(Exception):
    """Base class of hadath's errors."""


class InputError(HadathError):
    """The input cannot be coded as it is (empty, not Arabic, not text)."""


class DateError(HadathError):
    """A publication date that cannot be read."""
