"""MARC21 bibliographic fields → our record: the reading half of the MARC21 mapping.

The catalog keeps every imported MARC record whole (``Record.source``).  The writer runs these
very functions over the kept fields to learn what the import made of them: a part of the
description that still equals what the fields say was not edited, and its fields are written
back untouched.  So every list-valued part is read *field by field* (``Mapped.items`` says which
field gave which author, subject or identifier) and each part belongs to one ``Group`` of tags.

The mapping itself (README, «MARC21 mapping») in short: 001/003 control number and source,
008 year (when 260/264 have none) and language, 020/022/024 identifiers, 041 languages, 080/084
UDC/BBK, 1XX/7XX contributors with roles, 245 title, 246 parallel titles, 250 edition,
255 scale, 260/264 imprint, 300 extent, 440/490/830 series, 500–546 notes, 520 summary,
536 funding, 6XX subjects, 773 host item, 856 links, 852/876/952 copies; leader/06-07 and 008
the material type.  ISBD punctuation is trimmed on reading; ``marc21_export`` adds it back.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from library_app.core.model import (
    Classification,
    ClassificationScheme,
    Contributor,
    ContributorRole,
    HostItem,
    OnlineLink,
    ParallelTitle,
    Record,
    Series,
    SourceField,
    SourceRecord,
)
from library_app.core.progress import CancelCheck, ProgressCallback, check_cancel
from library_app.interchange.base import Problem, ReadItem, Severity
from library_app.interchange.marc21_fields import (
    RELATORS,
    Context,
    access_date_in,
    clean,
    control_text,
    field_008,
    first,
    fit_columns,
    language_code,
    linked_tag,
    material_type,
    parse_host_parts,
    read_identifiers,
    script_links,
    text_of,
    title_with_parts,
    trim,
    usable_year,
    values,
)
from library_app.interchange.marc21_holdings import read_copies, without_clashes

SUBJECT_SEPARATOR = " -- "
HOLDINGS_TYPES = ("u", "v", "x", "y")
NOTE_TAGS = frozenset(f"{n}" for n in range(500, 547)) - {"520", "536"}
PERSON_TAGS = frozenset({"100", "700"})
BODY_TAGS = frozenset({"110", "710"})
MEETING_TAGS = frozenset({"111", "711"})
NAME_TAGS = PERSON_TAGS | BODY_TAGS | MEETING_TAGS
SUBJECT_TAGS = frozenset({"600", "610", "611", "630", "650", "651", "653"})

_URL = re.compile(r"^(https?|ftp)://\S+$", re.IGNORECASE)
# --- groups: which tags make which part of the description ------------------------------------


@dataclass(frozen=True)
class Group:
    """Fields that together make one part of the record; ``value`` is what the writer compares
    (the record's part now with what the kept fields say) to decide whether it was edited."""

    name: str
    owns: Callable[[SourceField], bool]
    value: Callable[[Record], object]
    listed: bool = False  # one item per field: unchanged items keep their fields
    single: bool = False  # only the first field of each tag is read (a second 245 is not)

    def owned(self, fields: list[SourceField]) -> list[int]:
        """Indexes of the fields this group reads."""
        found = [i for i, f in enumerate(fields) if self.owns(f)]
        if self.single:
            tags = [fields[i].tag for i in found]
            found = [i for n, i in enumerate(found) if fields[i].tag not in tags[:n]]
        return found


def _tags(*tags: str) -> Callable[[SourceField], bool]:
    chosen = frozenset(tags)
    return lambda f: f.tag in chosen


def subject_items(record: Record) -> list[tuple[str, str]]:
    return (
        [("subject", s) for s in record.subjects]
        + [("geographic", g) for g in record.geographic_names]
        + [("keyword", k) for k in record.keywords]
    )


def copy_keys(record: Record) -> list[tuple]:
    return [
        (
            c.inventory_number,
            c.barcode,
            c.location,
            c.shelf_mark,
            c.status,
            c.acquired_on,
            c.source,
            c.price,
            c.currency,
            c.note,
        )
        for c in record.copies
    ]


GROUPS: tuple[Group, ...] = (
    Group(
        "control", _tags("001", "003"), lambda r: (r.control_number, r.control_source), single=True
    ),
    Group("type", lambda f: False, lambda r: r.material_type),
    Group("languages", _tags("041"), lambda r: r.languages),
    Group("identifiers", _tags("020", "022", "024"), lambda r: r.identifiers, listed=True),
    Group("classifications", _tags("080", "084"), lambda r: r.classifications, listed=True),
    Group(
        "contributors",
        lambda f: f.tag in NAME_TAGS or (f.tag == "880" and linked_tag(f) in NAME_TAGS),
        lambda r: r.contributors,
        listed=True,
    ),
    Group(
        "title",
        _tags("245"),
        lambda r: (r.title, r.title_remainder, r.responsibility),
        single=True,
    ),
    Group(
        "parallel_titles",
        lambda f: f.tag == "246" or (f.tag == "880" and linked_tag(f) == "245"),
        lambda r: r.parallel_titles,
        listed=True,
    ),
    Group("edition", _tags("250"), lambda r: r.edition, single=True),
    Group("scale", _tags("255"), lambda r: r.scale, single=True),
    Group(
        "publication",
        lambda f: f.tag == "260" or (f.tag == "264" and f.indicators[1:2] == "1"),
        lambda r: (r.places, r.publishers, r.year),
    ),
    Group("extent", _tags("300"), lambda r: r.extent, single=True),
    Group("series", _tags("440", "490", "830"), lambda r: r.series, listed=True),
    Group("notes", lambda f: f.tag in NOTE_TAGS, lambda r: r.notes, listed=True),
    Group("summary", _tags("520"), lambda r: r.summary),
    Group("funding", _tags("536"), lambda r: (r.funders, r.project)),
    Group("subjects", lambda f: f.tag in SUBJECT_TAGS, subject_items, listed=True),
    Group("host", _tags("773"), lambda r: r.host, single=True),
    Group("links", _tags("856"), lambda r: r.links, listed=True),
    Group("copies", _tags("852", "876", "952"), copy_keys),
)


@dataclass
class Mapped:
    """What the mapping made of one source record; ``items`` maps the index of each field of
    a listed group to the items it gave (an empty list: the field gave nothing we map)."""

    record: Record | None
    problems: list[Problem] = field(default_factory=list)
    items: dict[int, list[object]] = field(default_factory=dict)


# --- reading ---------------------------------------------------------------------------------


def read_record(source: SourceRecord, position: int = 0) -> Mapped:
    """Our description of a MARC21 record; the source is kept in it as it is."""
    ctx = Context(position, scripts=script_links(source.fields))
    mapped = Mapped(None, ctx.problems)
    record = Record(title="", source=source)
    fields = list(enumerate(source.fields))
    _read_control(fields, record)
    _read_title(fields, record, ctx)
    for group in GROUPS:
        reader = _LISTED_READERS.get(group.name)
        if reader is None:
            continue
        for index, f in fields:
            if group.owns(f):
                mapped.items[index] = reader(f, ctx)
    _date_links_from_notes(mapped)
    _collect(record, mapped, fields)
    _read_series(fields, record, mapped, ctx)
    _read_publication(fields, source, record, ctx)
    _read_languages(fields, source, record, ctx)
    _read_description(fields, record, ctx)
    record.host = _read_host(fields, ctx)
    record.copies = read_copies([f for _, f in fields], ctx)
    record.material_type = material_type(source)
    if not record.title:
        message = "the record has no title (245 $a); it cannot be imported"
        if any(f.tag == "200" for _, f in fields):
            message += " — it looks like a UNIMARC/RUSMARC record (200 is its title field)"
        ctx.problems.append(Problem(message, position, "245"))
        return mapped
    fit_columns(record, ctx)
    mapped.record = record
    return mapped


def read_items(
    decoded: Iterable[tuple[int, SourceRecord | None, list[Problem]]],
    total: int,
    progress: ProgressCallback,
    is_cancelled: CancelCheck,
) -> tuple[list[ReadItem], list[Problem]]:
    """Map every decoded record (ISO 2709 or MARCXML) to an item, reporting progress; also
    the problems of the file as a whole (holdings records merged into their records)."""
    check_cancel(is_cancelled)
    items: list[ReadItem] = []
    holdings: list[tuple[int, SourceRecord, list[Problem]]] = []
    for count, (position, source, problems) in enumerate(decoded, 1):
        if source is None:
            if not any(p.severity == Severity.ERROR for p in problems):
                problems.append(Problem("the record cannot be read", position))
            items.append(ReadItem(position, None, problems))
        elif source.leader[6:7] in HOLDINGS_TYPES:
            holdings.append((position, source, problems))
        else:
            source.format = "marc21"
            mapped = read_record(source, position)
            problems += leader_problems(source, position) + mapped.problems
            items.append(ReadItem(position, mapped.record, problems))
        if count % 200 == 0:
            progress(count, total)
            check_cancel(is_cancelled)
    file_problems = _merge_holdings(items, holdings)
    progress(total, total)
    return items, file_problems


def _merge_holdings(
    items: list[ReadItem], holdings: list[tuple[int, SourceRecord, list[Problem]]]
) -> list[Problem]:
    """MARC21 holdings records (leader/06 u, v, x, y) describe copies of the bibliographic
    record whose 001 their 004 names; the copies join that record instead of being lost."""
    by_number = {
        item.record.control_number: item
        for item in items
        if item.record is not None and item.record.control_number
    }
    problems: list[Problem] = []
    for position, source, decoding in holdings:
        problems.extend(decoding)
        target = next((control_text(f) for f in source.fields if f.tag == "004"), "")
        found = by_number.get(target)
        kind = f"a holdings record (leader/06 «{source.leader[6]}»)"
        if found is None or found.record is None:
            problems.append(
                Problem(
                    f"{kind} for 001 {target or '(none)'}, which is not in this file; left out",
                    position,
                    "004",
                    Severity.WARNING,
                )
            )
            continue
        ctx = Context(found.position)
        found.record.copies = without_clashes(
            found.record.copies + read_copies(source.fields, ctx), ctx
        )
        found.problems.extend(ctx.problems)
        problems.append(
            Problem(
                f"{kind}; its copies were added to record {found.position} (001 {target})",
                position,
                "004",
                Severity.WARNING,
            )
        )
    return problems


def leader_problems(source: SourceRecord, position: int) -> list[Problem]:
    """Leader positions MARC21 fixes (10-11, 20-23): wrong ones are rewritten on export."""
    leader = source.leader.ljust(24)
    problems = []
    for where, found, expected in (
        ("leader/10-11", leader[10:12], "22"),
        ("leader/20-23", leader[20:24], "4500"),
    ):
        if found != expected:
            problems.append(
                Problem(
                    f"«{found}» instead of «{expected}»; read as {expected} (and written so)",
                    position,
                    where,
                    Severity.WARNING,
                )
            )
    return problems


def _unique(items: list) -> list:
    seen: list = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen


def _collect(record: Record, mapped: Mapped, fields: list[tuple[int, SourceField]]) -> None:
    """Fill the listed parts from the items of their fields (duplicates once)."""
    by_group: dict[str, list] = {g.name: [] for g in GROUPS if g.listed}
    owner = {g.name: g for g in GROUPS if g.listed}
    for index, f in fields:
        for name, group in owner.items():
            if name != "series" and index in mapped.items and group.owns(f):
                by_group[name].extend(mapped.items[index])
    record.contributors = _unique(by_group["contributors"])
    record.identifiers = _unique(by_group["identifiers"])
    record.classifications = _unique(by_group["classifications"])
    record.parallel_titles = _unique(by_group["parallel_titles"])
    record.notes = _unique(by_group["notes"])
    record.links = _unique(by_group["links"])
    subjects = _unique(by_group["subjects"])
    record.subjects = [text for kind, text in subjects if kind == "subject"]
    record.geographic_names = [text for kind, text in subjects if kind == "geographic"]
    record.keywords = [text for kind, text in subjects if kind == "keyword"]


def _read_control(fields: list[tuple[int, SourceField]], record: Record) -> None:
    first_of = _first_of_each_tag(fields, ("001", "003", "040"))
    record.control_number = control_text(first_of["001"]) if "001" in first_of else ""
    record.control_source = control_text(first_of["003"]) if "003" in first_of else ""
    if not record.control_source and "040" in first_of:
        record.control_source = first(first_of["040"], "a")


def _first_of_each_tag(
    fields: list[tuple[int, SourceField]], tags: tuple[str, ...]
) -> dict[str, SourceField]:
    found: dict[str, SourceField] = {}
    for _, f in fields:
        if f.tag in tags:
            found.setdefault(f.tag, f)
    return found


def _read_title(fields: list[tuple[int, SourceField]], record: Record, ctx: Context) -> None:
    titles = [f for _, f in fields if f.tag == "245"]
    if len(titles) > 1:
        ctx.warn("245", f"{len(titles)} title fields (245); only the first was read")
    if titles:
        f = titles[0]
        record.title = title_with_parts(f, ctx)
        record.title_remainder = trim(" ".join(trim(v) for v in values(f, "b", ctx)))
        record.responsibility = trim(" ".join(values(f, "c", ctx)))
        if record.title:
            return
    for tag in ("240", "130", "246", "740"):
        for _, f in fields:
            if f.tag == tag and (title := title_with_parts(f, ctx)):
                ctx.warn("245", f"no title proper (245 $a); the title was taken from {tag}")
                record.title = title
                return


# --- listed groups: one field → its items --------------------------------------------------------


def _role(f: SourceField, default: ContributorRole) -> ContributorRole:
    """The first relator ($e term, $4 code; $j term for meetings) we have a role for."""
    codes = "j4" if f.tag in MEETING_TAGS else "e4"
    for text in values(f, codes):
        role = RELATORS.get(trim(text).strip(" .,").lower())
        if role is not None:
            return default if role == ContributorRole.AUTHOR else role
    return default


def _contributor(f: SourceField, ctx: Context) -> list[object]:
    """A name field; its 880 (the name in the original script) gives ``name_other_script``."""
    if f.tag == "880":
        return []  # read with the field it belongs to
    default = ContributorRole.AUTHOR
    if f.tag in BODY_TAGS:
        default = ContributorRole.CORPORATE_AUTHOR
    elif f.tag in MEETING_TAGS:
        default = ContributorRole.MEETING
    role = _role(f, default)
    name = _full_name(f, ctx)
    forenames = ""
    if f.tag in PERSON_TAGS and ", " in name and f.indicators[:1] != "0" and not role.is_corporate:
        name, forenames = (trim(part) for part in name.split(", ", 1))
    if not name:
        ctx.warn(f"{f.tag}$a", "name is empty; the contributor was left out")
        return []
    other = ctx.other_script(f)
    other_name = _full_name(other, ctx) if other is not None else ""
    return [Contributor(name, forenames, role, other_name)]


def _full_name(f: SourceField, ctx: Context) -> str:
    """Persons: $a; bodies: with their subordinate units; meetings: with number, date, place."""
    tag = linked_tag(f) if f.tag == "880" else f.tag
    codes = "abcdn" if tag in BODY_TAGS else "acdenq" if tag in MEETING_TAGS else "a"
    return trim(" ".join(values(f, codes, ctx)))


def _classification(f: SourceField, ctx: Context) -> list[object]:
    value = first(f, "a", ctx)
    if not value:
        return []
    if f.tag == "080":
        return [Classification(ClassificationScheme.UDC, value)]
    source = first(f, "2").lower()
    bbk = source.startswith("rubbk") or source == "bbk"
    scheme = ClassificationScheme.BBK if bbk else ClassificationScheme.LOCAL
    return [Classification(scheme, value)]


def _parallel_title(f: SourceField, ctx: Context) -> list[object]:
    title = title_with_parts(f, ctx)
    remainder = trim(first(f, "b", ctx))
    if remainder:
        title = f"{title} : {remainder}" if title else remainder
    return [ParallelTitle(title)] if title else []


def _series(f: SourceField, ctx: Context) -> list[object]:
    title = title_with_parts(f, ctx)
    return [Series(title, trim(first(f, "v", ctx)))] if title else []


def _note(f: SourceField, ctx: Context) -> list[object]:
    text = text_of(f, ctx)
    return [text] if text else []


def _subject(f: SourceField, ctx: Context) -> list[object]:
    if f.tag == "653":
        return [("keyword", trim(v)) for v in values(f, "a", ctx) if trim(v)]
    skip = {"600": "e4", "610": "e4", "611": "j4"}.get(f.tag, "")
    heading: list[str] = []
    parts: list[str] = []
    for sub in f.subfields:
        text = clean(sub.value)
        if not sub.code or sub.code.isdigit() or sub.code in skip or not text:
            continue
        if sub.code in "vxyz":
            parts.append(trim(text))
        elif not parts:
            heading.append(text)  # "Austen, Jane," "1775-1817": the commas belong to it
    text = SUBJECT_SEPARATOR.join(p for p in [trim(" ".join(heading)), *parts] if p)
    if not text:
        return []
    return [("geographic" if f.tag == "651" else "subject", text)]


def _link(f: SourceField, ctx: Context) -> list[object]:
    note = first(f, "z", ctx) or first(f, "y", ctx) or first(f, "3", ctx)
    access = access_date_in(note)
    date, note = access if access else (None, note)
    found: list[object] = []
    for url in values(f, "u", ctx):
        if _URL.match(url):
            found.append(OnlineLink(url, access_date=date, note=note))
        else:
            ctx.warn("856$u", f"«{url}» is not a web address (http://, https://); left out")
    return found


def _date_links_from_notes(mapped: Mapped) -> None:
    """A catalogue that has nowhere to put the access date writes it in a note («Дата обращения:
    12.03.2024»): links without a date of their own take it from there."""
    items = [item for listed in mapped.items.values() for item in listed]
    dates = [found[0] for item in items if isinstance(item, str) if (found := access_date_in(item))]
    if not dates:
        return
    for item in items:
        if isinstance(item, OnlineLink) and item.access_date is None:
            item.access_date = dates[0]


_LISTED_READERS: dict[str, Callable[[SourceField, Context], list[object]]] = {
    "contributors": _contributor,
    "identifiers": read_identifiers,
    "classifications": _classification,
    "parallel_titles": _parallel_title,
    "series": _series,
    "notes": _note,
    "subjects": _subject,
    "links": _link,
}


def _read_series(
    fields: list[tuple[int, SourceField]], record: Record, mapped: Mapped, ctx: Context
) -> None:
    """440/490 as transcribed; 830 (the authorised form of a 490) only when there is none,
    so that one series is not listed twice."""
    statements = [i for i, f in fields if f.tag in ("440", "490")]
    chosen = statements or [i for i, f in fields if f.tag == "830"]
    for index, f in fields:
        if f.tag == "830" and statements:
            mapped.items[index] = []
    record.series = _unique([item for i in chosen for item in mapped.items.get(i, [])])


# --- scalar parts ------------------------------------------------------------------------------


def _read_publication(
    fields: list[tuple[int, SourceField]], source: SourceRecord, record: Record, ctx: Context
) -> None:
    imprints = [f for _, f in fields if f.tag == "260"]
    if not imprints:
        imprints = [f for _, f in fields if f.tag == "264" and f.indicators[1:2] == "1"]
    copyright_dates = [f for _, f in fields if f.tag == "264" and f.indicators[1:2] == "4"]
    for f in imprints:
        record.places.extend(p for v in values(f, "a", ctx) if (p := trim(v)))
        record.publishers.extend(p for v in values(f, "b", ctx) if (p := trim(v)))
    for f in imprints + copyright_dates:
        for text in values(f, "c", ctx):
            if record.year:
                break
            record.year = usable_year(text, f"{f.tag}$c", ctx)
    date1 = field_008(source)[7:11]
    if not record.year and date1.isdigit():
        record.year = usable_year(date1, "008/07-10", ctx)


def _read_languages(
    fields: list[tuple[int, SourceField]], source: SourceRecord, record: Record, ctx: Context
) -> None:
    """008/35-37 (the main language) first, then every language of 041 $a."""
    found = [language_code(field_008(source)[35:38], "008/35-37", ctx)]
    for _, f in fields:
        if f.tag != "041":
            continue
        for text in values(f, "a", ctx):
            # old records run codes together ("engrus")
            run_together = len(text) > 3 and len(text) % 3 == 0
            pieces = [text[i : i + 3] for i in range(0, len(text), 3)] if run_together else [text]
            found.extend(language_code(piece, "041$a", ctx) for piece in pieces)
    record.languages = _unique([code for code in found if code])


def _read_description(fields: list[tuple[int, SourceField]], record: Record, ctx: Context) -> None:
    first_of = _first_of_each_tag(fields, ("250", "255", "300"))
    if f := first_of.get("250"):
        record.edition = trim(first(f, "a", ctx))
        if remainder := trim(first(f, "b", ctx)):
            record.edition = f"{record.edition} / {remainder}"
    if f := first_of.get("255"):
        record.scale = trim(first(f, "a", ctx))
    if f := first_of.get("300"):
        record.extent.pages = trim(" ".join(values(f, "a", ctx)))
        record.extent.illustrations = trim(first(f, "b", ctx))
        record.extent.dimensions = trim(first(f, "c", ctx))
    summaries: list[str] = []
    for _, f in fields:
        if f.tag == "520" and (text := text_of(f, ctx)):
            summaries.append(text)
        elif f.tag == "536":
            record.funders.extend(values(f, "a", ctx))
            record.project = record.project or first(f, "f", ctx)
    record.summary = "\n".join(summaries)


def _read_host(fields: list[tuple[int, SourceField]], ctx: Context) -> HostItem | None:
    for _, f in fields:
        if f.tag != "773":
            continue
        title = trim(first(f, "t", ctx) or first(f, "a", ctx) or first(f, "p", ctx))
        if not title:
            ctx.warn("773", "host item without a title ($t); left out")
            return None
        volume, issue, year, pages = parse_host_parts(" ".join(values(f, "g", ctx)))
        return HostItem(title, year, volume, issue, pages)
    return None
