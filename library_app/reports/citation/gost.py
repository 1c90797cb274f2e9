"""GOST descriptions: GOST R 7.0.100-2018 (the default), GOST 7.1-2003 and the shorter
references of GOST R 7.0.5-2008, as profiles of one formatter.

The three standards share the ISBD structure — areas in a fixed order, each opened by «. – »,
with « / » before the statement of responsibility, « : » before other title information and
the publisher, « ; » between groups of responsibility, « // » before the host of a part — and
differ in a few choices, which :class:`Profile` names:

* GOST R 7.0.100-2018: heading «Фамилия, И. О.» for one to three authors, who are all repeated
  after « / »; with four or more authors no heading and the first three «[и др.]»; role words
  in full («редактор»); places in full; ISBN; the closing «Текст : непосредственный».
* GOST 7.1-2003: the same heading, «[и др.]» after the first author, abbreviated role words and
  places («М.»), «[Электронный ресурс]» after the title, «Режим доступа:».
* GOST R 7.0.5-2008: the heading holds up to three authors «Фамилия И. О.» and they are not
  repeated; areas separated by a full stop; no series, ISBN or content-type area.
"""

from __future__ import annotations

from dataclasses import dataclass

from library_app.core.model import (
    Contributor,
    ContributorRole,
    IdentifierType,
    MaterialType,
    Record,
)

from .common import (
    EN_DASH,
    Terms,
    by_role,
    clean,
    direct,
    extent_pages,
    finish,
    gost_date,
    group_digits,
    inverted,
    is_electronic,
    join_areas,
    page_span,
    script_of_text,
    terms_for,
    thesis_statement,
)
from .places import place_form

Role = ContributorRole


@dataclass(frozen=True)
class Profile:
    separator: str  # between areas
    heading_comma: bool  # «Иванов, И. И.» or «Иванов И. И.»
    heading_names: int  # authors named in the heading (GOST R 7.0.5: up to three)
    names_before_et_al: int  # authors kept in the statement when there are four or more
    abbreviate: bool  # role words and places (GOST R 7.0.12-2011)
    material_designation: bool  # «[Электронный ресурс]» after the title
    content_type: bool  # «Текст : непосредственный»
    series: bool
    isbn: bool
    notes: bool  # project and funders of grey literature
    url_label: str


GOST_R_7_0_100 = Profile(". – ", True, 1, 3, False, False, True, True, True, True, "URL: ")
GOST_7_1 = Profile(". – ", True, 1, 1, True, True, False, True, True, True, "Режим доступа: ")
GOST_R_7_0_5 = Profile(". ", False, 3, 1, True, False, False, False, False, False, "URL: ")

PROFILES = {
    "gost-r-7.0.100-2018": GOST_R_7_0_100,
    "gost-7.1-2003": GOST_7_1,
    "gost-r-7.0.5-2008": GOST_R_7_0_5,
}

# Role words: (singular, plural) in full (GOST R 7.0.100) and abbreviated (GOST R 7.0.12).
# Nominative forms, so that a name never has to be declined («редактор А. Г. Калпин»).
_ROLE_WORDS_FULL = {
    True: {
        Role.EDITOR: ("редактор", "редакторы"),
        Role.COMPILER: ("составитель", "составители"),
        Role.TRANSLATOR: ("переводчик", "переводчики"),
    },
    False: {
        Role.EDITOR: ("edited by", "edited by"),
        Role.COMPILER: ("compiled by", "compiled by"),
        Role.TRANSLATOR: ("translated by", "translated by"),
    },
}
_ROLE_WORDS_SHORT = {
    True: {
        Role.EDITOR: ("ред.", "ред."),
        Role.COMPILER: ("сост.", "сост."),
        Role.TRANSLATOR: ("пер.", "пер."),
    },
    False: {
        Role.EDITOR: ("ed. by", "ed. by"),
        Role.COMPILER: ("comp. by", "comp. by"),
        Role.TRANSLATOR: ("transl. by", "transl. by"),
    },
}


@dataclass(frozen=True)
class _Context:
    record: Record
    profile: Profile
    terms: Terms
    all_authors: bool
    abbreviate: bool
    with_notes: bool


def format_gost(
    record: Record,
    profile: Profile,
    *,
    all_authors: bool = False,
    abbreviate_places: bool | None = None,
    notes: bool = False,
) -> str:
    abbreviate = profile.abbreviate if abbreviate_places is None else abbreviate_places
    context = _Context(record, profile, terms_for(record), all_authors, abbreviate, notes)
    authors = by_role(record, Role.AUTHOR)
    heading = _heading(context, authors)
    electronic = is_electronic(record)
    first = _title_and_responsibility(context, authors, bool(heading), electronic)
    if heading:
        first = f"{heading} {first}"
    separator = profile.separator

    if record.host is not None:
        component = join_areas(
            [first, *_identifiers(context), _content(context, electronic)], separator
        )
        whole = f"{component} // {_host(context)}"
        return finish(join_areas([whole, *_links(context, electronic)], separator))

    areas = [
        first,
        clean(record.edition),
        _scale(context),
        _publication(context, record.year),
        _extent(context),
        *_series(context),
        *_links(context, electronic),
        *_notes(context),
        *_identifiers(context),
        _content(context, electronic),
    ]
    return finish(join_areas(areas, separator))


# --- area 1: title and responsibility ---------------------------------------------------------


def _heading(context: _Context, authors: list[Contributor]) -> str:
    """The heading: the first author (or, in GOST R 7.0.5, up to three), only when there are
    one to three authors (GOST 7.80-2000; GOST R 7.0.100-2018, 4.3)."""
    if not 1 <= len(authors) <= 3:
        return ""
    comma = context.profile.heading_comma
    names = [inverted(a, comma) for a in authors[: context.profile.heading_names]]
    heading = ", ".join(names)
    return heading if heading.endswith(".") else heading + "."


def _title_and_responsibility(
    context: _Context, authors: list[Contributor], has_heading: bool, electronic: bool
) -> str:
    record, profile = context.record, context.profile
    text = clean(record.title)
    if profile.material_designation and electronic:
        text += " [Электронный ресурс]"
    for parallel in record.parallel_titles:
        if parallel.title.strip():
            text += f" = {clean(parallel.title)}"
    remainders = [clean(record.title_remainder), thesis_statement(record)]
    if record.material_type == MaterialType.THESIS and not any(remainders):
        remainders.append("[диссертация]" if context.terms.cyrillic else "[thesis]")
    for remainder in remainders:
        if remainder:
            text += f" : {remainder}"
    responsibility = _responsibility(context, authors, has_heading)
    if responsibility:
        text += f" / {responsibility}"
    return text


def _responsibility(context: _Context, authors: list[Contributor], has_heading: bool) -> str:
    record, profile = context.record, context.profile
    shortened = len(authors) > 3 and not context.all_authors
    catalogued = clean(record.responsibility)
    # GOST R 7.0.5: the names in the heading are not repeated, so a catalogued statement
    # (which repeats them) cannot be used as it is.
    heading_holds_all = profile.heading_names > 1
    if catalogued and not (heading_holds_all and authors):
        if shortened:
            return _shorten(catalogued, profile.names_before_et_al, context.terms.et_al)
        return catalogued
    groups: list[str] = []
    if authors and not (has_heading and heading_holds_all):
        names = [direct(a) for a in authors]
        if shortened:
            kept = names[: profile.names_before_et_al]
            groups.append(", ".join(kept) + f" {context.terms.et_al}")
        else:
            groups.append(", ".join(names))
    corporate = by_role(record, Role.CORPORATE_AUTHOR)
    if corporate:
        groups.append(", ".join(c.name.strip() for c in corporate))
    roles = (Role.TRANSLATOR,) if record.host is not None else _EDITING_ROLES
    groups.extend(_role_groups(context, roles))
    bodies = by_role(record, Role.ISSUING_BODY)
    if bodies:
        groups.append(", ".join(b.name.strip() for b in bodies))
    title_words = f"{record.title} {record.title_remainder}".casefold()
    for meeting in by_role(record, Role.MEETING):
        if meeting.name.strip().casefold() not in title_words:
            groups.append(meeting.name.strip())
    if not groups and catalogued:
        return catalogued
    return " ; ".join(groups)


_EDITING_ROLES = (Role.EDITOR, Role.COMPILER, Role.TRANSLATOR)


def _shorten(statement: str, keep: int, et_al: str) -> str:
    """The catalogued statement with its first group (the authors) cut to ``keep`` names and
    «[и др.]»; the later groups («; под редакцией …») stay as printed."""
    groups = statement.split(" ; ")
    names = groups[0].split(", ")
    if len(names) > 3 and "[" not in groups[0]:
        groups[0] = ", ".join(names[:keep]) + f" {et_al}"
    return " ; ".join(groups)


def _role_groups(context: _Context, roles: tuple[ContributorRole, ...]) -> list[str]:
    table = _ROLE_WORDS_SHORT if context.profile.abbreviate else _ROLE_WORDS_FULL
    words = table[context.terms.cyrillic]
    groups = []
    for role in roles:
        people = by_role(context.record, role)
        if people:
            singular, plural = words[role]
            word = singular if len(people) == 1 else plural
            groups.append(f"{word} {', '.join(direct(p) for p in people)}")
    return groups


# --- areas 3–9 --------------------------------------------------------------------------------


def _scale(context: _Context) -> str:
    scale = clean(context.record.scale)
    if not scale:
        return ""
    scale = group_digits(scale)
    if scale[0].isdigit():
        return f"{context.terms.scale} {scale}"
    return scale


def _publication(context: _Context, year: str) -> str:
    record = context.record
    places = [place_form(p, context.abbreviate) for p in record.places if p.strip()]
    publishers = [clean(p) for p in record.publishers if p.strip()]
    if places and publishers:
        if len(places) == len(publishers) > 1:
            text = " ; ".join(f"{p} : {b}" for p, b in zip(places, publishers, strict=True))
        else:
            text = " ; ".join(places) + " : " + " : ".join(publishers)
    elif publishers:
        text = f"{context.terms.no_place} : " + " : ".join(publishers)
    else:
        text = " ; ".join(places)
    year = year.strip()
    if year.endswith(("-", EN_DASH)):
        # a resource still going on, «2000 – .» (GOST R 7.0.100-2018, A: web sites)
        year = year.rstrip("-– ") + f" {EN_DASH} "
    if year:
        text = f"{text}, {year}" if text else year
    return text


def _extent(context: _Context) -> str:
    extent = context.record.extent
    text = extent_pages(extent.pages, context.terms)
    illustrations = clean(extent.illustrations)
    if illustrations:
        text = f"{text} : {illustrations}" if text else illustrations
    return text


def _series(context: _Context) -> list[str]:
    if not context.profile.series or not context.record.series:
        return []
    parts = []
    for series in context.record.series:
        title = clean(series.title)
        if title:
            number = series.number.strip()
            parts.append(f"({title} ; {number})" if number else f"({title})")
    return [" ".join(parts)] if parts else []


def _notes(context: _Context) -> list[str]:
    record = context.record
    notes: list[str] = []
    if context.profile.notes:
        cyrillic = context.terms.cyrillic
        if record.project.strip():
            label = "Проект" if cyrillic else "Project"
            notes.append(f"{label}: {clean(record.project)}")
        funders = [clean(f) for f in record.funders if f.strip()]
        if funders:
            label = "Финансирование" if cyrillic else "Funded by"
            notes.append(f"{label}: {', '.join(funders)}")
    if context.with_notes:
        used = thesis_statement(record)
        notes.extend(clean(n) for n in record.notes if n.strip() and n.strip().rstrip(".") != used)
    return notes


def _links(context: _Context, electronic: bool) -> list[str]:
    if not electronic:
        return []
    label = context.profile.url_label
    parts = []
    for link in context.record.links:
        url = link.url.strip()
        if not url:
            continue
        text = f"{label}{url}"
        if link.access_date is not None:
            text += f" (дата обращения: {gost_date(link.access_date)})"
        parts.append(text)
    return parts


def _identifiers(context: _Context) -> list[str]:
    record, profile = context.record, context.profile
    if not profile.isbn:
        return []
    wanted = {IdentifierType.DOI}
    if record.host is None:
        wanted.add(IdentifierType.ISBN)
        if record.material_type == MaterialType.SERIAL:
            wanted.add(IdentifierType.ISSN)
    parts = []
    for identifier in record.identifiers:
        if identifier.type in wanted and identifier.value.strip():
            text = f"{identifier.type.value.upper()} {identifier.value.strip()}"
            if identifier.qualifier.strip() and identifier.type != IdentifierType.DOI:
                text += f" ({identifier.qualifier.strip()})"
            parts.append(text)
    return parts


def _content(context: _Context, electronic: bool) -> str:
    """Area 9 of GOST R 7.0.100-2018: the form of the content and the means of access."""
    if not context.profile.content_type:
        return ""
    kind = context.record.material_type
    if kind == MaterialType.MAP:
        content = "Картографическое изображение"
    elif kind == MaterialType.AUDIOVISUAL:
        content = "Изображение (движущееся ; двухмерное)"
    else:
        content = "Текст"
    if electronic:
        media = "электронный"
    elif kind == MaterialType.AUDIOVISUAL:
        media = "видео"
    else:
        media = "непосредственный"
    return f"{content} : {media}"


# --- the host of a part (analytic description) ------------------------------------------------


def _host(context: _Context) -> str:
    """«Заглавие источника / редактор … – Место : Издательство, Год. – Т. 12, № 3. – С. 45–58»:
    the journal, collection or book a part was published in."""
    record = context.record
    host = record.host
    assert host is not None
    terms = script_of_text(host.title) or context.terms
    host_context = _Context(
        record, context.profile, terms, context.all_authors, context.abbreviate, False
    )
    title = clean(host.title)
    editors = _role_groups(host_context, (Role.EDITOR, Role.COMPILER))
    if editors:
        title += " / " + " ; ".join(editors)
    numbering = []
    if host.volume.strip():
        numbering.append(f"{terms.volume} {host.volume.strip()}")
    if host.issue.strip():
        numbering.append(f"{terms.issue} {host.issue.strip()}")
    areas = [
        title,
        _publication(host_context, host.year or record.year),
        ", ".join(numbering),
        page_span(host.pages, terms) if host.pages.strip() else "",
    ]
    return join_areas(areas, context.profile.separator)
