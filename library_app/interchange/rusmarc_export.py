"""Our record → RUSMARC fields: the writing half of the RUSMARC mapping.

A record imported from RUSMARC comes back with every field it had (``Record.source``).  Writing
it out again must not damage what the partner catalogued and we do not model (authority links
in $3, IRBIS working subfields, coded data), so the kept record is the starting point: the
mapping reads it again, each part (title, imprint, subjects, copies …) is compared with the
record as it is now, and only parts somebody changed are written from the record — and even
then into the field they came from, touching only the subfields of the values that changed.
Records from elsewhere (MARC21, typed in) get a complete RUSMARC record built from the model.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from library_app.core import years
from library_app.core.model import (
    HostItem,
    MaterialType,
    Record,
    SourceField,
    SourceRecord,
    Subfield,
)
from library_app.interchange import rusmarc_mapping as m
from library_app.interchange.rusmarc_lists import (
    LETTERS,
    LISTS,
    S,
    attribute,
    merge_listed,
    new_listed,
    patch_field,
    sub_list,
)

# --- parts written as one field --------------------------------------------------------------


@dataclass(frozen=True)
class Scalar:
    tag: str
    indicators: str
    attrs: tuple[tuple[str, str], ...]  # (Record attribute, subfield codes holding it)
    order: str
    write: Callable[[str, Any], list[Subfield]]  # (attribute, value) → its subfields
    reads_all: bool = False  # the mapping reads every field of the tag (else only the first)


def _write_title(attr: str, value: Any) -> list[Subfield]:
    if attr == "title":
        return sub_list("a", [value])
    if attr == "title_remainder":
        return sub_list("e", [value])
    if attr == "responsibility":
        return sub_list("f", [value])
    subs = [S("d", p.title) for p in value]
    if value and all(p.language for p in value):  # $z pairs with $d only when none is missing
        subs += [S("z", p.language) for p in value]
    return subs


def _write_by_code(codes: dict[str, str]) -> Callable[[str, Any], list[Subfield]]:
    def write(attr: str, value: Any) -> list[Subfield]:
        return sub_list(codes[attr], value if isinstance(value, list) else [value])

    return write


SCALARS: dict[str, Scalar] = {
    "languages": Scalar(
        "101",
        "0 ",
        (("languages", "a"),),
        LETTERS,
        _write_by_code({"languages": "a"}),
        reads_all=True,
    ),
    "title": Scalar(
        "200",
        "1 ",
        (
            ("title", "ahi"),
            ("title_remainder", "e"),
            ("parallel_titles", "dz"),
            ("responsibility", "fg"),
        ),
        "abcdzefghiv",
        _write_title,
    ),
    "edition": Scalar("205", "  ", (("edition", "ab"),), "ab", _write_by_code({"edition": "a"})),
    "publication": Scalar(
        "210",
        "  ",
        (("places", "a"), ("publishers", "c"), ("year", "d")),
        "acdegh",
        _write_by_code({"places": "a", "publishers": "c", "year": "d"}),
    ),
    "extent": Scalar(
        "215",
        "  ",
        (("extent.pages", "a"), ("extent.illustrations", "c"), ("extent.dimensions", "d")),
        "acde",
        _write_by_code(
            {"extent.pages": "a", "extent.illustrations": "c", "extent.dimensions": "d"}
        ),
    ),
    "summary": Scalar(
        "330", "  ", (("summary", "a"),), "a", _write_by_code({"summary": "a"}), reads_all=True
    ),
}


def new_scalar(spec: Scalar, record: Record) -> list[SourceField]:
    subs = [s for attr, _ in spec.attrs for s in spec.write(attr, attribute(record, attr))]
    return [SourceField(spec.tag, spec.indicators, subs)] if subs else []


def merge_scalar(
    spec: Scalar, kept: list[SourceField], fresh: Record, record: Record
) -> list[SourceField] | None:
    """None when the part is unchanged (the kept fields stand); else its new fields."""
    changed = [(a, c) for a, c in spec.attrs if attribute(fresh, a) != attribute(record, a)]
    if not changed:
        return None
    if not kept:
        return new_scalar(spec, record)
    changes = [(codes, spec.write(attr, attribute(record, attr))) for attr, codes in changed]
    patched = patch_field(kept[0], changes, spec.order)
    rest = [] if spec.reads_all else kept[1:]
    return ([patched] if patched.subfields else []) + rest


def numbering(volume: str, issue: str) -> str:
    """Volume and issue as a $v that ``split_numbering`` reads back into the same two values."""
    candidates = []
    if volume and issue:
        candidates.append(f"Т. {volume}, № {issue}")
    elif issue:
        candidates.append(f"№ {issue}")
    elif volume:
        candidates += [f"Т. {volume}", volume]
    for text in candidates:
        if m.split_numbering(text) == (volume, issue):
            return text
    return ", ".join(v for v in (volume, issue) if v)


def host_field(host: HostItem, indicators: str = " 0") -> SourceField:
    """463 with embedded fields, the form RUSMARC analytics use: 200 (title, numbering),
    210 (year), 215 (pages)."""
    subs = [S("1", "2001 "), S("a", host.title)]
    if text := numbering(host.volume, host.issue):
        subs.append(S("v", text))
    if host.year:
        subs += [S("1", "210  "), S("d", host.year)]
    if host.pages:
        subs += [S("1", "215  "), S("a", host.pages)]
    return SourceField("463", indicators, subs)


# --- fixed-length data: leader, 100, 105 --------------------------------------------------------

_LEADER_TYPE = {
    MaterialType.ARTICLE: "aa",
    MaterialType.SERIAL: "as",
    MaterialType.MAP: "em",
    MaterialType.ELECTRONIC: "lm",
    MaterialType.AUDIOVISUAL: "gm",
}
_FORM_CODE = {MaterialType.THESIS: "m", MaterialType.STANDARD: "l", MaterialType.REPORT: "p"}
_TEXT_TYPES = (*_FORM_CODE, MaterialType.PROCEEDINGS, MaterialType.BOOK)


def _needs_105(material: MaterialType) -> bool:
    """Types the leader cannot tell from a book: the 105 coded data has to say it."""
    return material in _FORM_CODE or material == MaterialType.PROCEEDINGS


def leader_for(material: MaterialType, leader: str = "") -> str:
    base = (leader or "     nam  22        450 ").ljust(24)
    return base[:6] + _LEADER_TYPE.get(material, "am") + base[8:]


def coded_105(material: MaterialType, record: Record, kept: str = "") -> str:
    """105/4-7 form of contents (m thesis, l standard, p report), 105/8 conference."""
    data = kept.ljust(13) if kept else ("a" if record.extent.illustrations else "y") + " " * 12
    forms = "".join(c for c in data[4:8] if c not in "mlp")
    forms = (_FORM_CODE.get(material, "") + forms).ljust(4)[:4]
    conference = (
        "1" if material == MaterialType.PROCEEDINGS else "0" if data[8] in " 1" else data[8]
    )
    tail = data[9:13] if kept else "00yy"
    return data[:4] + forms + conference + tail + data[13:]


def timestamp(record: Record) -> str:
    moment = record.updated_at or dt.datetime.now()
    return moment.strftime("%Y%m%d%H%M%S") + ".0"


def general_data(record: Record) -> str:
    """100$a for a new record: date entered, dates of publication, cataloguing in Russian,
    character set 50 (Unicode), script of the title."""
    entered = (record.created_at or dt.datetime.now()).strftime("%Y%m%d")
    span = years.parse_year(record.year) if record.year else None
    if span is None:
        dates = "u" + " " * 8
    elif span.end != span.start:
        dates = f"g{span.start:04d}{span.end:04d}"
    else:
        dates = f"d{span.start:04d}    "
    if re.search(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]", record.title):
        script = "ca"
    elif re.search(r"[A-Za-z]", record.title):
        script = "ba"
    else:
        script = "  "
    return f"{entered}{dates}u  u0rusy50      {script}"


def patch_general(f: SourceField, year: str | None) -> SourceField:
    """The kept 100: character set now Unicode (we write UTF-8); date 1 from a changed year."""
    subs = []
    for s in f.subfields:
        value = s.value
        if s.code == "a" and len(value) >= 30:
            if year is not None and (span := years.parse_year(year)) is not None:
                value = value[:9] + f"{span.start:04d}" + value[13:]
            value = value[:26] + "50  " + value[30:]
        subs.append(S(s.code, value))
    return SourceField(f.tag, f.indicators, subs)


# --- whole records -------------------------------------------------------------------------------


def generate_record(record: Record) -> SourceRecord:
    """A complete RUSMARC record built from our description alone."""
    fields: list[SourceField] = []
    if record.control_number:
        fields.append(SourceField("001", data=record.control_number))
    if record.control_source:
        fields.append(SourceField("003", data=record.control_source))
    fields.append(SourceField("005", data=timestamp(record)))
    fields += new_listed(LISTS["identifiers"], record.identifiers)
    fields.append(SourceField("100", "  ", [S("a", general_data(record))]))
    fields += new_scalar(SCALARS["languages"], record)
    if _needs_105(record.material_type):
        fields.append(SourceField("105", "  ", [S("a", coded_105(record.material_type, record))]))
    for part in ("title", "edition", "publication", "extent"):
        fields += new_scalar(SCALARS[part], record)
    fields += new_listed(LISTS["series"], record.series)
    fields += new_listed(LISTS["notes"], record.notes)
    fields += new_scalar(SCALARS["summary"], record)
    if record.host is not None:
        fields.append(host_field(record.host))
    for part in ("subjects", "geographic", "keywords", "classifications", "contributors"):
        fields += new_listed(LISTS[part], getattr(record, m.LIST_PARTS[part][0]))
    fields += new_listed(LISTS["links"], record.links)
    fields += new_listed(LISTS["copies"], record.copies)
    return SourceRecord("rusmarc", leader_for(record.material_type), fields)


def merge_record(record: Record) -> SourceRecord:
    """The kept RUSMARC record with the parts edited since the import written from ``record``."""
    source = record.source
    assert source is not None
    fresh = m.map_source(source, m.Context(0))
    membership: dict[int, str] = {}
    kept: dict[str, list[SourceField]] = {}
    parts = {n: t for n, (t, _) in m.SCALAR_PARTS.items()}
    parts.update({n: t for n, (_, t, _) in m.LIST_PARTS.items()})
    for name, tags in parts.items():
        kept[name] = m.part_fields(source, tags)
        membership.update({id(f): name for f in kept[name]})
    replaced: dict[str, list[SourceField]] = {}
    for name, spec in SCALARS.items():
        if (new := merge_scalar(spec, kept[name], fresh, record)) is not None:
            replaced[name] = new
    if fresh.host != record.host:
        indicators = kept["host"][0].indicators if kept["host"] else " 0"
        new_host = [host_field(record.host, indicators)] if record.host else []
        replaced["host"] = new_host + kept["host"][1:]  # only the first 463 is read
    for name, spec in LISTS.items():
        field_name, _, contributions = m.LIST_PARTS[name]
        chunks = contributions(kept[name], m.Context(0))
        current = getattr(record, field_name)
        if (new := merge_listed(spec, kept[name], chunks, current)) is not None:
            replaced[name] = new
    leader = source.leader
    material_changed = fresh.material_type != record.material_type
    if material_changed:
        leader = leader_for(record.material_type, leader)
    year = record.year if "publication" in replaced and fresh.year != record.year else None
    controls = {"001": record.control_number, "003": record.control_source}
    changed = bool(replaced) or material_changed
    changed = changed or any(
        getattr(fresh, a) != getattr(record, a) for a in ("control_number", "control_source")
    )
    fields: list[SourceField] = []
    emitted: set[str] = set()
    for f in source.fields:
        part = membership.get(id(f))
        if part in replaced:
            if part not in emitted:
                fields += replaced[part]
                emitted.add(part)
        elif f.tag in controls and f.is_control:
            value = controls.pop(f.tag)
            if value == m.control_text(f):
                fields.append(f)
            elif value:
                fields.append(SourceField(f.tag, data=value))
        elif f.tag == "005" and f.is_control and changed:
            fields.append(SourceField("005", data=timestamp(record)))
        elif f.tag == "100" and not f.is_control:
            fields.append(patch_general(f, year))
        elif f.tag == "105" and material_changed and record.material_type in _TEXT_TYPES:
            data = m.first(f, "a")
            fields.append(
                patch_field(
                    f, [("a", [S("a", coded_105(record.material_type, record, data))])], LETTERS
                )
            )
        else:
            fields.append(f)
    blocks = [[SourceField(tag, data=value)] for tag, value in controls.items() if value]
    if (
        material_changed
        and _needs_105(record.material_type)
        and not any(f.tag == "105" for f in source.fields)
    ):
        blocks.append([SourceField("105", "  ", [S("a", coded_105(record.material_type, record))])])
    blocks += [new for part, new in replaced.items() if part not in emitted and new]
    for block in blocks:  # parts the kept record did not have go where their tag belongs
        at = next((i for i, f in enumerate(fields) if f.tag > block[0].tag), len(fields))
        fields[at:at] = block
    return SourceRecord("rusmarc", leader, fields)


def to_rusmarc(record: Record) -> SourceRecord:
    """What the writer writes for ``record``: its kept RUSMARC record brought up to date, or a
    new one."""
    if record.source is not None and record.source.format == "rusmarc" and record.source.fields:
        return merge_record(record)
    return generate_record(record)
