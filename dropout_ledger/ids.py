"""Identifiers of students and records: random, never derived from personal data."""

from __future__ import annotations

import uuid


def new_id() -> str:
    """A random 128-bit id as 32 hex digits (uuid4), for a new student, record or replica."""
    return uuid.uuid4().hex
