"""Checking a record before it is saved.

Problems name the field and, where there is one, the offending value.  Errors block saving;
warnings (a missing year, an unknown language code) do not, because catalogues routinely hold
incomplete descriptions of grey literature that are still worth finding.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from library_app.core import identifiers, languages, years
from library_app.core.model import (
    ContributorRole,
    Copy,
    IdentifierType,
    MaterialType,
    Record,
    SourceRecord,
)


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    field: str  # dotted path: "identifiers[0]", "copies[1].inventory_number"
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


# C0 controls except tab, newline and carriage return, plus DEL: they come from damaged imports,
# PostgreSQL cannot store NUL at all, and none of them has a place in a description.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_URL = re.compile(r"^(https?|ftp)://\S+$", re.IGNORECASE)
_CURRENCY = re.compile(r"^[A-Z]{3}$")


def validate_record(record: Record) -> list[Problem]:
    problems: list[Problem] = []
    err = problems.append

    def warn(field: str, message: str) -> None:
        problems.append(Problem(field, message, Severity.WARNING))

    if not record.title.strip():
        err(Problem("title", "title proper is required"))
    if record.year.strip():
        span = years.parse_year(record.year)
        if span is None and years.states_no_date(record.year):
            warn("year", f"«{record.year}»: published without a date")
        elif span is None:
            err(Problem("year", f"«{record.year}» contains no year"))
        elif not years.plausible(span):
            err(Problem("year", f"{record.year}: year outside {years.EARLIEST_YEAR}–next year"))
    else:
        warn("year", "no year of publication")
    if not record.languages:
        warn("languages", "no language given")
    for i, code in enumerate(record.languages):
        canonical = languages.to_code(code)
        if canonical is not None and canonical != code and len(code) == 3 and code.islower():
            err(Problem(f"languages[{i}]", f"«{code}»: write the bibliographic code «{canonical}»"))
        elif canonical != code:
            err(Problem(f"languages[{i}]", f"«{code}» is not an ISO 639-2 code (e.g. rus, kaz)"))
        elif not languages.is_known(code):
            warn(f"languages[{i}]", f"{code}: language code not in the usual list")
    for i, parallel in enumerate(record.parallel_titles):
        if not parallel.title.strip():
            err(Problem(f"parallel_titles[{i}]", "parallel title is empty"))
    for i, contributor in enumerate(record.contributors):
        if not contributor.name.strip():
            err(Problem(f"contributors[{i}]", "name is empty"))
        if contributor.role.is_corporate and contributor.forenames:
            warn(f"contributors[{i}]", f"{contributor.name}: a body has no forenames")
    problems.extend(_identifier_problems(record))
    if record.material_type == MaterialType.ARTICLE and record.host is None:
        warn("host", "an article should name the journal or collection it appeared in")
    if record.host is not None and not record.host.title.strip():
        err(Problem("host.title", "host item needs a title"))
    for i, link in enumerate(record.links):
        if not _URL.match(link.url.strip()):
            err(Problem(f"links[{i}]", f"{link.url}: not a web address (http://, https://)"))
    if record.material_type == MaterialType.REPORT and not (
        record.persons_and_bodies(ContributorRole.ISSUING_BODY)
        or record.persons_and_bodies(ContributorRole.CORPORATE_AUTHOR)
        or record.publishers
    ):
        warn("contributors", "a report should name its issuing body")
    problems.extend(validate_copies(record.copies))
    problems.extend(control_character_problems(record))
    return problems


def _source_texts(source: SourceRecord) -> Iterator[str]:
    yield source.leader
    for f in source.fields:
        yield f.tag
        yield f.indicators
        yield f.data
        for sub in f.subfields:
            yield sub.code
            yield sub.value


def _has_control_character(value: object) -> bool:
    """Fast check over every text in a record; runs for each record of every bulk load."""
    if isinstance(value, str):
        return _CONTROL.search(value) is not None
    if isinstance(value, SourceRecord):
        # a kept MARC record holds hundreds of small texts: one search over all of them
        return _CONTROL.search("\n".join(_source_texts(value))) is not None
    if isinstance(value, list):
        return any(_has_control_character(item) for item in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return any(_has_control_character(item) for item in vars(value).values())
    return False


def control_character_problems(value: object, path: str = "") -> list[Problem]:
    """Every text field holding a control character, with its path and the character's code."""
    if not path and not _has_control_character(value):
        return []
    if isinstance(value, str):
        found = _CONTROL.search(value)
        if found:
            code = f"U+{ord(found.group()):04X}"
            return [Problem(path or "text", f"contains the control character {code}")]
        return []
    if isinstance(value, list):
        return [
            p
            for i, item in enumerate(value)
            for p in control_character_problems(item, f"{path}[{i}]")
        ]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [
            p
            for f in dataclasses.fields(value)
            for p in control_character_problems(
                getattr(value, f.name), f"{path}.{f.name}" if path else f.name
            )
        ]
    return []


def _identifier_problems(record: Record) -> list[Problem]:
    problems = []
    for i, ident in enumerate(record.identifiers):
        where = f"identifiers[{i}]"
        try:
            if ident.type == IdentifierType.ISBN:
                identifiers.normalize_isbn(ident.value)
            elif ident.type == IdentifierType.ISSN:
                identifiers.normalize_issn(ident.value)
            elif ident.type == IdentifierType.DOI:
                identifiers.normalize_doi(ident.value)
            elif not ident.value.strip():
                problems.append(Problem(where, "identifier is empty"))
        except identifiers.IdentifierProblem as problem:
            problems.append(Problem(where, str(problem)))
    return problems


def validate_copies(copies: list[Copy]) -> list[Problem]:
    problems = []
    seen_inventory: dict[str, int] = {}
    seen_barcode: dict[str, int] = {}
    for i, copy in enumerate(copies):
        where = f"copies[{i}]"
        inventory = copy.inventory_number.strip()
        if not inventory:
            problems.append(Problem(f"{where}.inventory_number", "inventory number is required"))
        elif inventory in seen_inventory:
            problems.append(
                Problem(
                    f"{where}.inventory_number",
                    f"{inventory} is already used by copies[{seen_inventory[inventory]}]",
                )
            )
        else:
            seen_inventory[inventory] = i
        barcode = copy.barcode.strip()
        if barcode:
            if barcode in seen_barcode:
                problems.append(
                    Problem(
                        f"{where}.barcode",
                        f"{barcode} is already used by copies[{seen_barcode[barcode]}]",
                    )
                )
            else:
                seen_barcode[barcode] = i
        if copy.price is not None and not copy.price.is_finite():
            problems.append(Problem(f"{where}.price", f"{copy.price}: not a price"))
        elif copy.price is not None and copy.price < 0:
            problems.append(Problem(f"{where}.price", f"{copy.price}: price cannot be negative"))
        if copy.currency and not _CURRENCY.match(copy.currency):
            problems.append(Problem(f"{where}.currency", f"{copy.currency}: use ISO 4217 (KZT)"))
    return problems


def errors_only(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == Severity.ERROR]


def normalize_record(record: Record) -> Record:
    """Bring identifiers to their canonical form in place (call after validation passed)."""
    for ident in record.identifiers:
        try:
            if ident.type == IdentifierType.ISBN:
                ident.value = identifiers.normalize_isbn(ident.value)
            elif ident.type == IdentifierType.ISSN:
                ident.value = identifiers.normalize_issn(ident.value)
            elif ident.type == IdentifierType.DOI:
                ident.value = identifiers.normalize_doi(ident.value)
            else:
                ident.value = ident.value.strip()
        except identifiers.IdentifierProblem:
            pass  # left as typed; validation reports it
    for copy in record.copies:
        copy.inventory_number = copy.inventory_number.strip()
        copy.barcode = copy.barcode.strip()
    record.title = record.title.strip()
    return record
