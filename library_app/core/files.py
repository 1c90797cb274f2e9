"""Writing a file all at once or not at all.

Exports and printed PDFs are written under a temporary name next to the target and moved into
place at the end, so a cancelled or failed run never leaves half a file where a complete one is
expected — nor destroys the previous file of the same name.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from library_app.core.errors import InputError


def check_target(target: Path) -> Path:
    """``target`` expanded; InputError when its folder is missing or it is a folder itself."""
    target = target.expanduser()
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"{target}: the folder {folder} does not exist")
    if target.is_dir():
        raise InputError(f"{target}: is a folder; give a file name")
    return target


@contextlib.contextmanager
def atomic_output(target: Path) -> Iterator[BinaryIO]:
    """A binary stream that becomes ``target`` when the block ends without an exception."""
    target = check_target(target)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=folder)
    except OSError as error:
        raise InputError(f"{target}: cannot write in {folder} ({error.strerror})") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            yield stream
        os.replace(temporary, target)
    except OSError as error:
        raise InputError(f"{target}: cannot be written ({error.strerror or error})") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
