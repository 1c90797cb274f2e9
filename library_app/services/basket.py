"""The researcher's basket: records collected across searches, kept between sessions.

A basket is a short ordered list of record ids in a small JSON file per user in the data
directory, so it survives a restart and follows the user on a shared workstation.  It is written
whole through a temporary file and ``os.replace`` so a crash never leaves half a list behind;
a file that cannot be read is put aside as ``*.bad`` (never silently overwritten: the ids in it
may be worth recovering by hand) and the basket starts empty with ``problem`` saying why.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from library_app.core.errors import StorageError
from library_app.core.model import Record
from library_app.core.progress import CancelCheck, check_cancel, never_cancelled
from library_app.core.serialization import record_to_dict
from library_app.db.catalog import Catalog
from library_app.db.records import RecordRepository

FORMAT_VERSION = 1
BASKETS_DIR = "baskets"
_UNSAFE = re.compile(r"[^\w.-]", re.UNICODE)
_WINDOWS_RESERVED = frozenset(
    {
        "con",
        "prn",
        "aux",
        "nul",
        *(f"com{n}" for n in range(1, 10)),
        *(f"lpt{n}" for n in range(1, 10)),
    }
)


def safe_file_stem(user: str) -> str:
    """A file name for ``user`` that is valid everywhere and unique per name.

    Letters (any script), digits, ``.``, ``-`` and ``_`` stay; anything else (a backslash of a
    Windows domain, spaces) becomes ``_xx`` with its code point, so two different user names
    never share a basket.  Leading dots and Windows device names get a prefix."""
    stem = "".join(
        ch if not _UNSAFE.match(ch) and ch != "_" else f"_{ord(ch):x}" for ch in user.strip()
    )
    if not stem:
        return "_default"
    if stem.startswith(".") or stem.lower().split(".")[0] in _WINDOWS_RESERVED:
        stem = "_" + stem
    return stem


class Basket:
    """Ordered, duplicate-free record ids persisted in ``path`` after every change."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problem: str | None = None
        """Why the saved basket was not loaded (None when it was, or there was none)."""
        self.bad_file: Path | None = None
        """Where an unreadable basket file was moved to, if it was."""
        self._ids: list[int] = self._load()

    @classmethod
    def for_user(cls, data_dir: Path, user: str) -> Basket:
        return cls(data_dir / BASKETS_DIR / f"{safe_file_stem(user)}.json")

    # --- reading ----------------------------------------------------------------------------

    def _load(self) -> list[int]:
        try:
            raw = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        except UnicodeDecodeError:
            return self._put_aside("it is not a text file")
        except OSError as exc:
            self.problem = (
                f"the basket {self.path} cannot be read ({exc.strerror or exc}); it starts empty"
            )
            return []
        try:
            data = json.loads(raw)
        except ValueError:
            return self._put_aside("it is not valid JSON")
        ids = data.get("ids") if isinstance(data, dict) else None
        if not isinstance(ids, list) or not all(
            isinstance(i, int) and not isinstance(i, bool) and i > 0 for i in ids
        ):
            return self._put_aside("it does not hold a list of record numbers")
        return list(dict.fromkeys(ids))

    def _put_aside(self, reason: str) -> list[int]:
        bad = self.path.with_name(self.path.name + ".bad")
        try:
            os.replace(self.path, bad)
        except OSError:
            self.problem = f"the basket {self.path} is damaged ({reason}); it starts empty"
        else:
            self.bad_file = bad
            self.problem = (
                f"the basket {self.path} is damaged ({reason}); it starts empty and the damaged "
                f"file was kept as {bad}"
            )
        return []

    # --- the list ---------------------------------------------------------------------------

    @property
    def ids(self) -> list[int]:
        """A copy, in the order the records were added."""
        return list(self._ids)

    def __contains__(self, record_id: object) -> bool:
        return record_id in self._ids

    def __len__(self) -> int:
        return len(self._ids)

    def __iter__(self) -> Iterator[int]:
        return iter(list(self._ids))

    def add(self, ids: Iterable[int]) -> list[int]:
        """Append the ids not yet in the basket; returns those that were new."""
        new = [i for i in dict.fromkeys(int(i) for i in ids) if i not in self._ids]
        if new:
            self._save([*self._ids, *new])
        return new

    def remove(self, ids: Iterable[int]) -> list[int]:
        """Take ids out; returns those that were in the basket."""
        wanted = set(ids)
        gone = [i for i in self._ids if i in wanted]
        if gone:
            self._save([i for i in self._ids if i not in wanted])
        return gone

    def clear(self) -> None:
        self._save([])

    # --- writing ----------------------------------------------------------------------------

    def _save(self, ids: list[int]) -> None:
        """Write ``ids`` atomically, and only then adopt them: a failed write changes nothing."""
        text = json.dumps({"version": FORMAT_VERSION, "ids": ids}, indent=1)
        temp_name = ""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp_name = tempfile.mkstemp(
                dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".tmp"
            )
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp_name, self.path)
        except OSError as exc:
            if temp_name:
                Path(temp_name).unlink(missing_ok=True)
            raise StorageError(
                f"the basket cannot be saved to {self.path}: {exc.strerror or exc}"
            ) from exc
        self._ids = ids


# --- export ---------------------------------------------------------------------------------


def first_author(record: Record) -> str:
    return record.contributors[0].display_name() if record.contributors else ""


def basket_line(number: int, record: Record) -> str:
    """ "3. Иванов, И. И. Водные ресурсы Центральной Азии. 2005" — an entry of the plain list
    (not a formatted reference: those come with reference formatting)."""
    parts = (first_author(record), record.title, record.year)
    return f"{number}. " + ". ".join(p.strip().rstrip(".") for p in parts if p.strip())


def export_basket(
    catalog: Catalog,
    ids: list[int],
    path: Path,
    *,
    as_json: bool,
    is_cancelled: CancelCheck = never_cancelled,
) -> int:
    """Write the records of ``ids`` in basket order to ``path`` — a numbered UTF-8 list, or a
    JSON array of records in the shape ``library-app show --json`` prints — and return how
    many were written (records deleted for good are skipped)."""
    records = RecordRepository(catalog).get_many(ids)
    check_cancel(is_cancelled)
    if as_json:
        text = json.dumps([record_to_dict(r) for r in records], ensure_ascii=False, indent=2)
    else:
        text = "\n".join(basket_line(n, r) for n, r in enumerate(records, start=1))
    try:
        path.write_text(text + "\n", encoding="utf-8")
    except OSError as exc:
        raise StorageError(f"cannot write {path}: {exc.strerror or exc}") from exc
    return len(records)
