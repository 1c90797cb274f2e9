"""The contract every long operation follows, so it can be driven by a CLI bar, a Qt dialog or a
test without knowing which: it reports ``progress(done, total)`` and polls ``is_cancelled()``
between batches, raising ``Cancelled`` (after rolling back) when asked to stop."""

from __future__ import annotations

from collections.abc import Callable

from library_app.core.errors import Cancelled

ProgressCallback = Callable[[int, int], None]
CancelCheck = Callable[[], bool]


def no_progress(done: int, total: int) -> None:
    """Default progress sink for callers that do not show progress."""


def never_cancelled() -> bool:
    return False


def check_cancel(is_cancelled: CancelCheck) -> None:
    if is_cancelled():
        raise Cancelled("cancelled by the user; nothing was changed")
