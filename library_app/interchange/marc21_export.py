"""Our record → MARC21 fields: the writing half of the MARC21 mapping.

A record imported from MARC21 keeps its fields (``Record.source``).  Writing it, each part of
the description (a ``Group`` of ``marc21_mapping``) is compared with what the mapping reads
from the kept fields: an unchanged part writes its fields back as they were, in their place;
an edited part is generated from the record.  In a listed part (authors, subjects …) only the
edited items are: an added subject becomes a new 650 after the others, a removed one takes its
field with it, the rest stay byte for byte.  Fields we do not map are always written back.  So
MARC → catalog → MARC is field-identical, while an edited title really changes 245.

A record without a kept MARC21 source (typed in, imported from another format) is generated
whole the same way, from an empty record with only a leader, 005 and 008.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from library_app.core import years
from library_app.core.model import (
    ClassificationScheme,
    Contributor,
    ContributorRole,
    IdentifierType,
    MaterialType,
    Record,
    SourceField,
    SourceRecord,
    Subfield,
)
from library_app.interchange.marc21_fields import (
    RELATOR_TERMS,
    access_note,
    field_008,
    host_parts_text,
    punctuate,
)
from library_app.interchange.marc21_holdings import copy_fields
from library_app.interchange.marc21_mapping import (
    GROUPS,
    SUBJECT_SEPARATOR,
    Group,
    Mapped,
    read_record,
)

# leader/06-07 for each material type; 008/24-27 (nature of contents) and 008/29 for books
_LEADER_TYPE = {
    MaterialType.BOOK: "am",
    MaterialType.ARTICLE: "ab",
    MaterialType.REPORT: "am",
    MaterialType.PROCEEDINGS: "am",
    MaterialType.THESIS: "am",
    MaterialType.MAP: "em",
    MaterialType.SERIAL: "as",
    MaterialType.ELECTRONIC: "mm",
    MaterialType.AUDIOVISUAL: "gm",
    MaterialType.STANDARD: "am",
}
_CONTENTS = {MaterialType.THESIS: "m", MaterialType.REPORT: "t", MaterialType.STANDARD: "u"}
_MAIN_ROLES = (ContributorRole.AUTHOR, ContributorRole.CORPORATE_AUTHOR, ContributorRole.MEETING)


def to_source(record: Record) -> SourceRecord:
    """The MARC21 record to write for ``record`` (UTF-8 text; lengths are the encoder's)."""
    if record.source is not None and record.source.format == "marc21" and record.source.fields:
        source = _merged(record, record.source)
    else:
        source = _generated(record)
    leader = source.leader.ljust(24)[:24]  # MARC21 fixes 10-11 and 20-23 (the codec 00-04, 12-16)
    source.leader = f"{leader[:10]}22{leader[12:20]}4500"
    return source


def _generated(record: Record) -> SourceRecord:
    stamp = record.updated_at or record.created_at or dt.datetime.now(dt.UTC)
    base = SourceRecord(
        "marc21",
        f"00000n{_LEADER_TYPE[record.material_type]} a2200000 i 4500",
        [
            SourceField("005", data=stamp.strftime("%Y%m%d%H%M%S.0")),
            SourceField("008", data=_template_008(record)),
        ],
    )
    return _assemble(record, base, Mapped(Record(title="")), force=True)


def _merged(record: Record, source: SourceRecord) -> SourceRecord:
    mapped = read_record(source)
    if mapped.record is None:  # the kept record had no title: compare with an empty one
        mapped.record = Record(title="", source=source)
    return _assemble(record, source, mapped, force=False)


def _same(group: Group, record: Record, mapped: Record) -> bool:
    if group.name == "copies":  # an empty inventory number was numbered on import
        ours, kept = group.value(record), group.value(mapped)
        return len(ours) == len(kept) and all(
            (k[0] == "" or k[0] == o[0]) and k[1:] == o[1:] for o, k in zip(ours, kept, strict=True)
        )
    return group.value(record) == group.value(mapped)


def _assemble(record: Record, source: SourceRecord, mapped: Mapped, *, force: bool) -> SourceRecord:
    fields = list(source.fields)
    changed = [g for g in GROUPS if force or not _same(g, record, mapped.record)]
    fresh: set[str] = set()  # listed groups to generate whole (their items would not read back)
    for _ in range(2):
        slots: list[list[SourceField]] = [[f] for f in fields]
        orphans: list[tuple[str, SourceField]] = []
        for group in changed:
            owned = group.owned(fields)
            if group.listed and group.name not in fresh:
                output = _reuse(group, record, mapped, owned, slots)
            else:
                for i in owned:
                    slots[i] = []
                output = _GENERATORS.get(group.name, _nothing)(record, [fields[i] for i in owned])
            for new in output:
                anchors = [i for i in owned if fields[i].tag == new.tag]
                if anchors:
                    slots[anchors[-1]].append(new)
                else:
                    orphans.append((group.name, new))
        result = [f for slot in slots for f in slot]
        _insert_orphans(result, orphans)
        leader = _patched(record, source.leader, result, {g.name for g in changed}, force)
        assembled = SourceRecord("marc21", leader, result)
        if not any(g.listed for g in changed):
            break
        check = read_record(assembled).record or Record(title="")
        wrong = {g.name for g in changed if g.listed and not _same(g, record, check)}
        if not wrong - fresh:
            break
        fresh |= wrong
    return assembled


def _reuse(
    group: Group, record: Record, mapped: Mapped, owned: list[int], slots: list[list[SourceField]]
) -> list[SourceField]:
    """Keep the fields whose every item is still in the record; clear those that lost one;
    generate fields for the items no kept field gives."""
    wanted = list(group.value(record))
    covered: list[object] = []
    for i in owned:
        items = mapped.items.get(i, [])
        if items and all(item in wanted for item in items):
            covered.extend(items)
        elif items:
            slots[i] = []
    if group.name == "contributors":
        _drop_unlinked_scripts(owned, slots)
    has_main = any(f.tag.startswith("1") for i in owned for f in slots[i])
    links = _Links([f for slot in slots for f in slot])
    output: list[SourceField] = []
    for position, item in enumerate(wanted):
        if item in covered:
            continue
        if group.name == "contributors":
            main = position == 0 and not has_main and item.role in _MAIN_ROLES
            output.extend(_contributor_fields(item, main, links))
        else:
            output.extend(_ITEM_FIELDS[group.name](item))
    return output


def _drop_unlinked_scripts(owned: list[int], slots: list[list[SourceField]]) -> None:
    """An 880 goes with the field it renders: when that field is dropped, so is the 880."""
    kept = {
        (f.tag, s.value[4:6])
        for i in owned
        for f in slots[i]
        for s in f.subfields
        if s.code == "6" and s.value.startswith("880-")
    }
    for i in owned:
        for f in slots[i]:
            if f.tag == "880":
                link = next((s.value for s in f.subfields if s.code == "6"), "")
                if (link[:3], link[4:6]) not in kept:
                    slots[i] = []


class _Links:
    """Free occurrence numbers for new 880 links ($6 "880-07"), after those in use."""

    def __init__(self, fields: list[SourceField]) -> None:
        used = [
            int(s.value[4:6])
            for f in fields
            for s in f.subfields
            if s.code == "6" and s.value[4:6].isdigit()
        ]
        self.next = max(used, default=0) + 1

    def take(self) -> str:
        number, self.next = self.next, self.next + 1
        return f"{number:02d}"


def _insert_orphans(fields: list[SourceField], orphans: list[tuple[str, SourceField]]) -> None:
    """New fields go in tag order, but a group's fields of one hundred (its 7XX, its 6XX) stay
    together in the record's order, since that order is read back (710 after 700 …)."""
    last: dict[tuple[str, str], SourceField] = {}
    for name, new in orphans:
        previous = last.get((name, new.tag[:1]))
        if previous is None:
            _insert_by_tag(fields, new)
        else:
            fields.insert(next(i for i, f in enumerate(fields) if f is previous) + 1, new)
        last[(name, new.tag[:1])] = new


def _insert_by_tag(fields: list[SourceField], new: SourceField) -> None:
    """After the last field whose tag is not greater: MARC records are in tag order."""
    position = len(fields)
    while position > 0 and fields[position - 1].tag > new.tag:
        position -= 1
    fields.insert(position, new)


# --- leader and 008 -----------------------------------------------------------------------------


def _template_008(record: Record) -> str:
    entered = (record.created_at or dt.datetime.now(dt.UTC)).strftime("%y%m%d")
    kind = _LEADER_TYPE[record.material_type]
    books = kind[0] == "a" and kind[1] != "s"
    # books: 18-27 blank (illustrations … nature of contents), then government publication,
    # conference, festschrift, index, undefined, literary form, biography
    specific = " " * 11 + "000 0 " if books else " " * 17
    return f"{entered}nuuuu    xx {specific}    d"


def _patched(
    record: Record, leader: str, fields: list[SourceField], changed: set[str], force: bool
) -> str:
    """Leader/06-07 and 008 follow the material type, year and language when they changed."""
    leader = (leader or "").ljust(24)[:24]
    wanted = _LEADER_TYPE[record.material_type]
    if "type" in changed:
        kind = leader[6] if wanted[0] == "a" and leader[6] in "at" and not force else wanted[0]
        leader = f"{leader[:6]}{kind}{wanted[1]}{leader[8:]}"
    if not changed & {"type", "publication", "languages"}:
        return leader
    index = next((i for i, f in enumerate(fields) if f.tag == "008"), None)
    if index is None:
        _insert_by_tag(fields, SourceField("008", data=_template_008(record)))
        index = next(i for i, f in enumerate(fields) if f.tag == "008")
        changed = changed | {"type", "publication", "languages"}
    data = field_008(SourceRecord("marc21", leader, [fields[index]]))
    if "publication" in changed:
        data = data[:6] + _dates(record.year) + data[15:]
    if "languages" in changed:
        data = data[:35] + (record.languages[0] if record.languages else "   ") + data[38:]
    if "type" in changed and leader[6] in "at" and leader[7] not in "bis":
        contents = "".join(c for c in data[24:28] if c not in "mtu")
        contents = (_CONTENTS.get(record.material_type, "") + contents).ljust(4)[:4]
        conference = "1" if record.material_type == MaterialType.PROCEEDINGS else "0"
        data = data[:24] + contents + data[28] + conference + data[30:]
    fields[index] = SourceField("008", data=data)
    return leader


def _dates(year: str) -> str:
    """008/06-14: type of date, date 1, date 2."""
    span = years.parse_year(year) if year else None
    if span is None:
        return "nuuuu    "
    if span.start == span.end:
        return f"{'q' if span.uncertain else 's'}{span.start}    "
    return f"{'q' if span.uncertain else 'm'}{span.start}{span.end}"


# --- fields from the record ---------------------------------------------------------------------


def _data(tag: str, indicators: str, *pairs: tuple[str, str]) -> SourceField:
    return SourceField(tag, indicators, [Subfield(code, value) for code, value in pairs if value])


def _punctuated(
    pairs: list[tuple[str, str]], before: Callable[[str, str], str], end: str
) -> list[tuple[str, str]]:
    """Subfields with ISBD punctuation: each value takes the mark the next subfield needs."""
    out = []
    for i, (code, value) in enumerate(pairs):
        mark = before(code, pairs[i + 1][0]) if i + 1 < len(pairs) else end
        out.append((code, punctuate(value, mark) if mark else value))
    return out


def _nothing(record: Record, kept: list[SourceField]) -> list[SourceField]:
    return []


def _control(record: Record, kept: list[SourceField]) -> list[SourceField]:
    number = record.control_number or (str(record.id) if record.id is not None else "")
    out = [SourceField("001", data=number)] if number else []
    if record.control_source:
        out.append(SourceField("003", data=record.control_source))
    return out


def _languages(record: Record, kept: list[SourceField]) -> list[SourceField]:
    if len(record.languages) < 2 and not (kept and record.languages):
        return []
    indicators = kept[0].indicators if kept else "0 "
    return [_data("041", indicators, *(("a", code) for code in record.languages))]


def _title(record: Record, kept: list[SourceField]) -> list[SourceField]:
    old = kept[0] if kept else None
    main = bool(record.contributors) and record.contributors[0].role in _MAIN_ROLES
    indicators = old.indicators if old is not None else ("1" if main else "0") + "0"
    links = [(s.code, s.value) for s in old.subfields if s.code in ("6", "8")] if old else []
    medium = [(s.code, s.value) for s in old.subfields if s.code == "h"] if old else []
    pairs = [("a", record.title), *[(c, v.rstrip(" /:;=.")) for c, v in medium]]
    pairs += [("b", record.title_remainder), ("c", record.responsibility)]
    pairs = [(c, v) for c, v in pairs if v]
    marks = {"b": " :", "c": " /"}
    body = _punctuated(pairs, lambda _code, following: marks.get(following, ""), ".")
    return [_data("245", indicators, *links, *body)]


def _edition(record: Record, kept: list[SourceField]) -> list[SourceField]:
    if not record.edition:
        return []
    statement, _, remainder = record.edition.partition(" / ")
    if remainder:
        return [
            _data("250", "  ", ("a", punctuate(statement, " /")), ("b", punctuate(remainder, ".")))
        ]
    return [_data("250", "  ", ("a", punctuate(statement, ".")))]


def _scale(record: Record, kept: list[SourceField]) -> list[SourceField]:
    return [_data("255", "  ", ("a", punctuate(record.scale, ".")))] if record.scale else []


def _publication(record: Record, kept: list[SourceField]) -> list[SourceField]:
    pairs = [("a", p) for p in record.places] + [("b", p) for p in record.publishers]
    pairs += [("c", record.year)] if record.year else []
    if not pairs:
        return []
    marks = {("a", "a"): " ;", ("a", "b"): " :", ("b", "b"): " :", ("a", "c"): ",", ("b", "c"): ","}
    body = _punctuated(pairs, lambda code, following: marks.get((code, following), ""), ".")
    rda = bool(kept) and all(f.tag == "264" for f in kept)
    return [_data("264" if rda else "260", " 1" if rda else "  ", *body)]


def _extent(record: Record, kept: list[SourceField]) -> list[SourceField]:
    extent = record.extent
    pairs = [("a", extent.pages), ("b", extent.illustrations), ("c", extent.dimensions)]
    pairs = [(c, v) for c, v in pairs if v]
    marks = {"b": " :", "c": " ;"}
    body = _punctuated(pairs, lambda _code, following: marks.get(following, ""), "")
    return [_data("300", "  ", *body)] if body else []


def _summary(record: Record, kept: list[SourceField]) -> list[SourceField]:
    return [_data("520", "  ", ("a", line)) for line in record.summary.split("\n") if line.strip()]


def _funding(record: Record, kept: list[SourceField]) -> list[SourceField]:
    out = [_data("536", "  ", ("a", funder)) for funder in record.funders]
    if record.project:
        if out:
            out[0].subfields.append(Subfield("f", record.project))
        else:
            out.append(_data("536", "  ", ("f", record.project)))
    return out


def _host(record: Record, kept: list[SourceField]) -> list[SourceField]:
    host = record.host
    if host is None:
        return []
    parts = host_parts_text(host.volume, host.issue, host.year, host.pages)
    return [_data("773", "0 ", ("t", host.title), ("g", parts))]


def _copies(record: Record, kept: list[SourceField]) -> list[SourceField]:
    return copy_fields(record.copies)


def _listed(name: str) -> Callable[[Record, list[SourceField]], list[SourceField]]:
    """A listed group generated whole, in the record's order."""

    def generate(record: Record, kept: list[SourceField]) -> list[SourceField]:
        group = next(g for g in GROUPS if g.name == name)
        items = list(group.value(record))
        if name == "contributors":
            main = bool(items) and items[0].role in _MAIN_ROLES
            links = _Links(kept)
            return [
                f
                for i, c in enumerate(items)
                for f in _contributor_fields(c, main and i == 0, links)
            ]
        return [f for item in items for f in _ITEM_FIELDS[name](item)]

    return generate


def _contributor_fields(contributor: Contributor, main: bool, links: _Links) -> list[SourceField]:
    """The name field, and an 880 with the name in its other script when there is one."""
    role = contributor.role
    prefix = "1" if main else "7"
    relator = RELATOR_TERMS.get(role)
    if role == ContributorRole.MEETING:
        tag, indicators, name, relator = f"{prefix}11", "2 ", contributor.name, None
    elif role.is_corporate:
        tag, indicators, name = f"{prefix}10", "2 ", contributor.name
    else:
        tag = f"{prefix}00"
        indicators = "1 " if contributor.forenames else "0 "
        name = contributor.display_name()

    def body(text: str) -> list[tuple[str, str]]:
        if relator is None:
            return [("a", punctuate(text, "."))]
        return [("a", punctuate(text, ",")), ("e", f"{relator[0]}."), ("4", relator[1])]

    if not contributor.name_other_script:
        return [_data(tag, indicators, *body(name))]
    number = links.take()
    return [
        _data(tag, indicators, ("6", f"880-{number}"), *body(name)),
        _data("880", indicators, ("6", f"{tag}-{number}"), *body(contributor.name_other_script)),
    ]


def _identifier_fields(item: object) -> list[SourceField]:
    kind, value, qualifier = item.type, item.value, item.qualifier
    if kind == IdentifierType.ISBN:
        return [_data("020", "  ", ("a", value), ("q", qualifier))]
    if kind == IdentifierType.ISSN:
        return [_data("022", "  ", ("a", value))]
    if kind == IdentifierType.DOI:
        return [_data("024", "7 ", ("a", value), ("2", "doi"))]
    return [_data("024", "8 ", ("a", value), ("q", qualifier))]


def _classification_fields(item: object) -> list[SourceField]:
    scheme, value = item.scheme, item.value
    if scheme == ClassificationScheme.UDC:
        return [_data("080", "  ", ("a", value))]
    if scheme == ClassificationScheme.BBK:
        return [_data("084", "  ", ("a", value), ("2", "rubbk"))]
    return [_data("084", "  ", ("a", value))]


def _series_fields(item: object) -> list[SourceField]:
    title, number = item.title, item.number
    if number:
        return [_data("490", "0 ", ("a", punctuate(title, " ;")), ("v", number))]
    return [_data("490", "0 ", ("a", title))]


def _subject_fields(item: object) -> list[SourceField]:
    kind, text = item
    if kind == "keyword":
        return [_data("653", "  ", ("a", text))]
    heading, *parts = text.split(SUBJECT_SEPARATOR)
    pairs = [("a", heading)] + [("x", part) for part in parts]
    pairs[-1] = (pairs[-1][0], punctuate(pairs[-1][1], "."))
    return [_data("651" if kind == "geographic" else "650", " 4", *pairs)]


_ITEM_FIELDS: dict[str, Callable[[object], list[SourceField]]] = {
    "identifiers": _identifier_fields,
    "classifications": _classification_fields,
    "parallel_titles": lambda item: [_data("246", "31", ("a", item.title))],
    "series": _series_fields,
    "notes": lambda item: [_data("500", "  ", ("a", str(item)))],
    "subjects": _subject_fields,
    "links": lambda item: [
        _data("856", "40", ("u", item.url), ("z", access_note(item.note, item.access_date)))
    ],
}

_GENERATORS: dict[str, Callable[[Record, list[SourceField]], list[SourceField]]] = {
    "control": _control,
    "languages": _languages,
    "title": _title,
    "edition": _edition,
    "scale": _scale,
    "publication": _publication,
    "extent": _extent,
    "summary": _summary,
    "funding": _funding,
    "host": _host,
    "copies": _copies,
    **{g.name: _listed(g.name) for g in GROUPS if g.listed},
}
