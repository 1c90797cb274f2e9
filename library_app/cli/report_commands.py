"""`cite` and `print`: references and printed products (PDF) on the command line."""

from __future__ import annotations

from typing import Any


def add_parsers(command: Any, positive: Any, not_negative: Any) -> None:
    """Registers `cite` and `print` (being written)."""
