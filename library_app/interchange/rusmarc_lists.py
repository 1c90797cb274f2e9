"""RUSMARC fields that repeat, one per value (identifiers, series, notes, subjects, names,
classes, links, copies): writing them, and merging them into a kept record.

A partner's subject heading carries an authority number ($3), a copy in IRBIS 910 a dozen
working subfields; when one value of a list is edited the others must come back untouched.
So the list as read from the kept fields is lined up with the list as it is now: kept fields
whose values are still there are written as they were, an edited value goes back into the field
it came from (only its own subfields change), a new value gets a new field.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from library_app.core.model import (
    ClassificationScheme,
    Contributor,
    ContributorRole,
    Copy,
    CopyStatus,
    IdentifierType,
    SourceField,
    Subfield,
)
from library_app.interchange import rusmarc_mapping as m

S = Subfield
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def sub_list(code: str, texts: list[str]) -> list[Subfield]:
    return [S(code, t) for t in texts if t]


def attribute(obj: Any, path: str) -> Any:
    if not path:
        return obj
    for name in path.split("."):
        obj = getattr(obj, name)
    return obj


def _rank(order: str, code: str) -> int:
    return order.index(code) if code and code in order else len(order)


def patch_field(
    template: SourceField, changes: list[tuple[str, list[Subfield]]], order: str
) -> SourceField:
    """The template with the subfields of each changed value (``codes``) replaced by ``new``,
    placed where the old ones stood (or, if there were none, in ``order``)."""
    subs = list(template.subfields)
    for codes, new in changes:
        removed = [i for i, s in enumerate(subs) if s.code in codes]
        if removed:
            at = removed[0]
        else:
            rank = _rank(order, new[0].code) if new else 0
            at = next((i for i, s in enumerate(subs) if _rank(order, s.code) > rank), len(subs))
        subs = [s for s in subs if s.code not in codes]
        subs[at:at] = new
    return SourceField(template.tag, template.indicators, subs)


# --- repeatable parts, one field per value -------------------------------------------------------


@dataclass(frozen=True)
class Listed:
    tags_for: Callable[[list[Any]], list[str]]  # tag of a new field per value ("" = unwritable)
    indicators: Callable[[Any, str], str]
    attrs: Callable[[str], tuple[tuple[str, str], ...]]  # per tag: (item attribute, codes)
    write: Callable[[str, str, Any], list[Subfield]]  # (tag, attribute, item)
    order: str = LETTERS
    extra: Callable[[str, Any], list[Subfield]] = lambda tag, item: []  # only in new fields
    kind: Callable[[Any], Any] = lambda item: None  # a kept field is reused for the same kind
    same: Callable[[Any, Any], bool] = operator.eq
    rebuild: Callable[[SourceField, Any, Any], SourceField | None] = lambda t, old, new: None
    fits: Callable[[str, Any], bool] = lambda tag, item: True  # can a kept tag hold the value


def _fixed_tag(tag: str) -> Callable[[list[Any]], list[str]]:
    return lambda items: [tag] * len(items)


def _text_writer(code: str) -> Callable[[str, str, Any], list[Subfield]]:
    return lambda tag, attr, item: sub_list(code, [item])


def _by_code(codes: dict[str, str]) -> Callable[[str, str, Any], list[Subfield]]:
    return lambda tag, attr, item: sub_list(codes[attr], [getattr(item, attr)])


def _write_heading(tag: str, attr: str, item: str) -> list[Subfield]:
    head, *subdivisions = item.split(m.SUBJECT_SEPARATOR)
    return sub_list("a", [head.strip()]) + sub_list("x", [s.strip() for s in subdivisions])


_ISBN_TAGS = {IdentifierType.ISBN: "010", IdentifierType.ISSN: "011", IdentifierType.DOI: "017"}


def _write_identifier(tag: str, attr: str, item: Any) -> list[Subfield]:
    return sub_list("a" if attr == "value" else "b", [attribute(item, attr)])


def _identifier_extra(tag: str, item: Any) -> list[Subfield]:
    return [S("2", "doi")] if tag == "017" else []


RELATOR_CODES = {role: code for code, role in m.RELATORS.items()}
RELATOR_CODES[ContributorRole.CORPORATE_AUTHOR] = "070"
RELATOR_CODES[ContributorRole.ISSUING_BODY] = "570"
_INITIALS = re.compile(r"^(?:[^\W\d_]{1,3}\.\s*-?\s*)+$")


def initials(forenames: str) -> str:
    """«Владимир Георгиевич» → «В. Г.», «Иоганн-Готтгильф» → «И.-Г.» (RUSMARC 70X $b)."""
    words = forenames.split()
    return " ".join("-".join(p[:1] + "." for p in w.split("-") if p) for w in words)


_PRIMARY_ROLES = (ContributorRole.AUTHOR, ContributorRole.CORPORATE_AUTHOR, ContributorRole.MEETING)


def contributor_tags(items: list[Contributor]) -> list[str]:
    """The first author (person or body) is the main entry (700/710); further authors 701/711,
    other persons 702, issuing bodies 712."""
    tags = []
    primary_taken = False
    for c in items:
        primary = c.role in _PRIMARY_ROLES
        if c.role.is_corporate:
            tag = "712" if c.role == ContributorRole.ISSUING_BODY else "711"
        else:
            tag = "701" if c.role == ContributorRole.AUTHOR else "702"
        if primary and not primary_taken:
            tag = "710" if c.role.is_corporate else "700"
            primary_taken = True
        tags.append(tag)
    return tags


def _contributor_attrs(tag: str) -> tuple[tuple[str, str], ...]:
    if tag in ("700", "701", "702"):
        return (("name", "a3f"), ("forenames", "bg"), ("role", "4"))
    return (("name", "abcdef3"), ("role", "4"))


def _write_contributor(tag: str, attr: str, item: Contributor) -> list[Subfield]:
    if attr == "name":
        return sub_list("a", [item.name])
    if attr == "role":
        return sub_list("4", [RELATOR_CODES.get(item.role, "")])
    if not item.forenames or _INITIALS.match(item.forenames):
        return sub_list("b", [item.forenames])
    return [S("b", initials(item.forenames)), S("g", item.forenames)]


def _contributor_indicators(item: Contributor, tag: str) -> str:
    if not item.role.is_corporate:
        return " 1"
    return "12" if item.role == ContributorRole.MEETING else "02"


def _copy_key(c: Copy) -> tuple:
    return (
        c.barcode,
        c.location,
        c.shelf_mark,
        c.status,
        c.acquired_on,
        c.price,
        c.currency,
        c.note,
        c.source,
    )


def same_copy(kept: Copy, current: Copy) -> bool:
    """Equal but for id/version; a copy the partner sent without an inventory number and that
    got one on import is still the partner's copy as sent."""
    numbered = kept.inventory_number == current.inventory_number or not kept.inventory_number
    return numbered and _copy_key(kept) == _copy_key(current)


_COPY_ATTRS = {
    "899": (
        ("location", "ab"),
        ("shelf_mark", "j"),
        ("inventory_number", "p"),
        ("barcode", "w"),
        ("note", "z"),
    ),
    "910": (
        ("status", "a"),
        ("inventory_number", "b"),
        ("acquired_on", "c"),
        ("location", "d"),
        ("price", "e"),
        ("barcode", "h"),
        ("shelf_mark", "r"),
    ),
}


def _fits_copy(tag: str, item: Copy) -> bool:
    """899 has no status, date or price: a copy that needs them is written as an IRBIS 910."""
    if tag != "899":
        return True
    return item.status == CopyStatus.AVAILABLE and item.acquired_on is None and item.price is None


def _write_copy(tag: str, attr: str, item: Copy) -> list[Subfield]:
    codes = dict((a, c[0]) for a, c in _COPY_ATTRS[tag])
    value = getattr(item, attr)
    if attr == "status":
        value = m.IRBIS_STATUS_CODE.get(value, "0")
    elif attr == "acquired_on":
        value = value.strftime("%Y%m%d") if value else ""
    elif attr == "price":
        value = str(value) if value is not None else ""
    return sub_list(codes[attr], [value])


def _rebuild_series_link(template: SourceField, old: Any, new: Any) -> SourceField | None:
    """410/461 carry the series as embedded fields; they are rebuilt, keeping the link to the
    series record ($1001) while its title is unchanged."""
    if template.tag == "225":
        return None
    outer, inner = m.embedded_fields(template)
    subs = [s for s in outer.subfields if s.code not in "tv"]
    if old is not None and old.title == new.title:
        subs += [S("1", f.tag + f.data) for f in inner if f.tag == "001"]
    indicators = next((f.indicators for f in inner if f.tag == "200"), "1 ")
    subs += [S("1", "200" + indicators), S("a", new.title), *sub_list("v", [new.number])]
    return SourceField(template.tag, template.indicators, subs)


LISTS: dict[str, Listed] = {
    "identifiers": Listed(
        tags_for=lambda items: [_ISBN_TAGS.get(i.type, "") for i in items],
        indicators=lambda item, tag: "  ",
        attrs=lambda tag: (
            (("value", "a"),) if tag == "017" else (("value", "a"), ("qualifier", "b"))
        ),
        write=_write_identifier,
        order="abdz",
        extra=_identifier_extra,
        kind=lambda item: item.type,
    ),
    "series": Listed(
        tags_for=_fixed_tag("225"),
        indicators=lambda item, tag: "1 ",
        attrs=lambda tag: (("title", "a"), ("number", "v")),
        write=_by_code({"title": "a", "number": "v"}),
        order="adefhivxz",
        rebuild=_rebuild_series_link,
    ),
    "notes": Listed(
        tags_for=_fixed_tag("300"),
        indicators=lambda item, tag: "  ",
        attrs=lambda tag: (("", LETTERS),),
        write=_text_writer("a"),
    ),
    "subjects": Listed(
        tags_for=_fixed_tag("606"),
        indicators=lambda item, tag: "0 ",
        attrs=lambda tag: (("", "axyzj3"),),
        write=_write_heading,
    ),
    "geographic": Listed(
        tags_for=_fixed_tag("607"),
        indicators=lambda item, tag: "  ",
        attrs=lambda tag: (("", "axyzj3"),),
        write=_write_heading,
    ),
    "keywords": Listed(
        tags_for=_fixed_tag("610"),
        indicators=lambda item, tag: "0 ",
        attrs=lambda tag: (("", "a"),),
        write=_text_writer("a"),
    ),
    "classifications": Listed(
        tags_for=lambda items: [
            "675" if c.scheme == ClassificationScheme.UDC else "686" for c in items
        ],
        indicators=lambda item, tag: "  ",
        attrs=lambda tag: (("value", "a"),),
        write=lambda tag, attr, item: sub_list("a", [item.value]),
        extra=lambda tag, item: (
            [S("2", "rubbk")] if item.scheme == ClassificationScheme.BBK else []
        ),
        kind=lambda item: item.scheme,
    ),
    "contributors": Listed(
        tags_for=contributor_tags,
        indicators=_contributor_indicators,
        attrs=_contributor_attrs,
        write=_write_contributor,
        order="a3bcdfg4",
        kind=lambda c: (
            c.role.is_corporate,
            c.role == ContributorRole.MEETING,
            c.role in _PRIMARY_ROLES,
        ),
    ),
    "links": Listed(
        tags_for=_fixed_tag("856"),
        indicators=lambda item, tag: "4 ",
        attrs=lambda tag: (("url", "u"), ("note", "yz")),
        write=_by_code({"url": "u", "note": "z"}),
    ),
    "copies": Listed(
        tags_for=_fixed_tag("910"),
        indicators=lambda item, tag: "  ",
        attrs=lambda tag: _COPY_ATTRS.get(tag, ()),
        write=_write_copy,
        order="abcdehr",
        same=same_copy,
        fits=_fits_copy,
    ),
}


def _new_field(spec: Listed, item: Any, tag: str) -> SourceField:
    subs = [s for attr, _ in spec.attrs(tag) for s in spec.write(tag, attr, item)]
    return SourceField(tag, spec.indicators(item, tag), subs + spec.extra(tag, item))


def new_listed(spec: Listed, items: list[Any]) -> list[SourceField]:
    tags = spec.tags_for(items)
    return [_new_field(spec, item, tag) for item, tag in zip(items, tags, strict=True) if tag]


def _patched(spec: Listed, template: SourceField, old_items: list[Any], item: Any) -> SourceField:
    old = old_items[0] if len(old_items) == 1 else None
    rebuilt = spec.rebuild(template, old, item)
    if rebuilt is not None:
        return rebuilt
    changes = [
        (codes, spec.write(template.tag, attr, item))
        for attr, codes in spec.attrs(template.tag)
        if old is None or attribute(old, attr) != attribute(item, attr)
    ]
    return patch_field(template, changes, spec.order)


def merge_listed(
    spec: Listed, kept: list[SourceField], contributions: list[list[Any]], current: list[Any]
) -> list[SourceField] | None:
    """Kept fields whose values are still there, in the record's order; changed values written
    into the field they came from (when it suits them), new values into new fields."""
    flat = [i for chunk in contributions for i in chunk]
    if len(flat) == len(current) and all(map(spec.same, flat, current)):
        return None
    tags = spec.tags_for(current)
    out: list[SourceField] = []
    pending: list[tuple[SourceField, list[Any]]] = []
    done = 0

    def generate_until(stop: int) -> None:
        nonlocal done
        for index in range(done, stop):
            item = current[index]
            usable = next(
                (
                    p
                    for p in pending
                    if spec.kind(p[1][0]) == spec.kind(item) and spec.fits(p[0].tag, item)
                ),
                None,
            )
            if usable is not None:
                pending.remove(usable)
                out.append(_patched(spec, usable[0], usable[1], item))
            elif tags[index]:
                out.append(_new_field(spec, item, tags[index]))
        done = max(done, stop)

    for f, items in zip(kept, contributions, strict=True):
        if not items:
            out.append(f)  # contributes nothing we model (e.g. 010 with a price only)
            continue
        at = next(
            (
                q
                for q in range(done, len(current) - len(items) + 1)
                if all(map(spec.same, items, current[q : q + len(items)]))
            ),
            None,
        )
        if at is None:
            pending.append((f, items))
            continue
        generate_until(at)
        out.append(f)
        done = at + len(items)
    generate_until(len(current))
    return out
