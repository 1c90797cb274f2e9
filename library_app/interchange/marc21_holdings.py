"""Copies in MARC21: 852 (location), 876 (item) and Koha's 952, both ways.

Partners send holdings in the fields their system uses: MARC21 holdings embedded in the
bibliographic record (852 for where, 876 for each item, linked through $8) or Koha's local 952
(one field per item).  Every such field becomes a copy; a copy without an inventory number
keeps it empty, and the import service gives it the next free number of this library.
Copies are written as 852 + 876 pairs linked by $8, which the reading half pairs again.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from library_app.core.model import AcquisitionSource, Copy, CopyStatus, SourceField, Subfield
from library_app.interchange.marc21_fields import Context, values

_PRICE = re.compile(r"(\d+(?:[.,]\d+)?)")
_CURRENCY = re.compile(r"\b([A-Z]{3})\b")
_DATE = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})")


def _values(f: SourceField, code: str) -> list[str]:
    return values(f, code)


def _first(f: SourceField, code: str) -> str:
    found = _values(f, code)
    return found[0] if found else ""


def _link(f: SourceField) -> str:
    """The link number of $8 ("1" of "1.2\\p"): which 852 an 876 belongs to."""
    return _first(f, "8").split(".")[0].split("\\")[0]


def _price(text: str, where: str, copy: Copy, ctx: Context) -> None:
    if not text:
        return
    found = _PRICE.search(text)
    try:
        copy.price = Decimal(found.group(1).replace(",", ".")) if found else None
    except InvalidOperation:
        copy.price = None
    if copy.price is None:
        ctx.warn(where, f"«{text}» is not a price; left out")
        return
    if currency := _CURRENCY.search(text):
        copy.currency = currency.group(1)


def _date(text: str, where: str, ctx: Context) -> dt.date | None:
    if not text:
        return None
    found = _DATE.match(text.strip())
    try:
        return dt.date(*(int(part) for part in found.groups())) if found else None
    except ValueError:
        pass
    ctx.warn(where, f"«{text}» is not a date (YYYYMMDD or YYYY-MM-DD); left out")
    return None


def _location_part(f: SourceField | None) -> tuple[str, str]:
    """(location, shelf mark) of an 852: sublocation and shelving location; call number parts."""
    if f is None:
        return "", ""
    location = " ".join(_values(f, "b") + _values(f, "c"))
    shelf_mark = " ".join(_values(f, "h") + _values(f, "i"))
    return location, shelf_mark


def read_copies(fields: list[SourceField], ctx: Context) -> list[Copy]:
    locations = [f for f in fields if f.tag == "852"]
    items = [f for f in fields if f.tag == "876"]
    copies: list[Copy] = []
    if items:
        linked = {_link(f): f for f in locations if _link(f)}
        for number, f in enumerate(items):
            place = linked.get(_link(f))
            if place is None and locations:
                place = locations[number] if len(locations) == len(items) else locations[0]
            location, shelf_mark = _location_part(place)
            barcode = _first(f, "p") or (_first(place, "p") if place is not None else "")
            copy = Copy(_first(f, "a"), barcode, location, shelf_mark)
            _price(_first(f, "c"), "876$c", copy, ctx)
            copy.acquired_on = _date(_first(f, "d"), "876$d", ctx)
            status = _first(f, "j")
            copy.status = CopyStatus(status) if status in set(CopyStatus) else CopyStatus.AVAILABLE
            origin = _first(f, "e")
            copy.source = AcquisitionSource(origin) if origin in set(AcquisitionSource) else None
            copy.note = _first(f, "z")
            copies.append(copy)
    else:
        for f in locations:
            location, shelf_mark = _location_part(f)
            copies.append(Copy("", _first(f, "p"), location, shelf_mark, note=_first(f, "z")))
    for f in fields:
        if f.tag == "952":
            copies.append(_koha_copy(f, ctx))
    return without_clashes(copies, ctx)


def _koha_copy(f: SourceField, ctx: Context) -> Copy:
    """Koha's item field: $a home branch, $b holding branch, $o call number, $p barcode,
    $i inventory number, $g price, $d date acquired, $z public note; $1 lost, $0 withdrawn,
    $4 damaged, $q on loan (due date)."""
    copy = Copy(_first(f, "i"), _first(f, "p"), _first(f, "a") or _first(f, "b"), _first(f, "o"))
    _price(_first(f, "g"), "952$g", copy, ctx)
    copy.acquired_on = _date(_first(f, "d"), "952$d", ctx)
    copy.note = _first(f, "z")
    if _first(f, "1") not in ("", "0"):
        copy.status = CopyStatus.LOST
    elif _first(f, "0") not in ("", "0"):
        copy.status = CopyStatus.WRITTEN_OFF
    elif _first(f, "4") not in ("", "0"):
        copy.status = CopyStatus.IN_REPAIR
    elif _first(f, "q"):
        copy.status = CopyStatus.ON_LOAN
    return copy


def without_clashes(copies: list[Copy], ctx: Context) -> list[Copy]:
    """A number two copies share cannot be saved; the later copies lose it (and a lost
    inventory number is given anew on import)."""
    for name, label in (("inventory_number", "inventory number"), ("barcode", "barcode")):
        seen: set[str] = set()
        cleared: dict[str, int] = {}
        for copy in copies:
            number = getattr(copy, name)
            if number and number in seen:
                cleared[number] = cleared.get(number, 0) + 1
                setattr(copy, name, "")
            seen.add(number)
        for number, count in cleared.items():
            ctx.warn(
                "copies",
                f"{label} {number} is given to {count + 1} copies; only the first one keeps it",
            )
    return copies


def copy_fields(copies: list[Copy]) -> list[SourceField]:
    """852 (where) and 876 (the item) for each copy, linked by $8."""
    fields: list[SourceField] = []
    for number, copy in enumerate(copies, 1):
        link = Subfield("8", str(number))
        if copy.location or copy.shelf_mark:
            subfields = [link]
            if copy.location:
                subfields.append(Subfield("b", copy.location))
            if copy.shelf_mark:
                subfields.append(Subfield("h", copy.shelf_mark))
            fields.append(SourceField("852", "  ", subfields))
        item = [link, Subfield("a", copy.inventory_number)]
        if copy.barcode:
            item.append(Subfield("p", copy.barcode))
        if copy.price is not None:
            item.append(Subfield("c", f"{copy.price} {copy.currency}".strip()))
        if copy.acquired_on is not None:
            item.append(Subfield("d", copy.acquired_on.strftime("%Y%m%d")))
        if copy.source is not None:
            item.append(Subfield("e", copy.source.value))
        if copy.status != CopyStatus.AVAILABLE:
            item.append(Subfield("j", copy.status.value))
        if copy.note:
            item.append(Subfield("z", copy.note))
        fields.append(SourceField("876", "  ", item))
    return fields
