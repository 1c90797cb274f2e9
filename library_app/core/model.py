"""Domain model of the catalog: what an environmental library in Central Asia really holds.

Plain dataclasses, free of Qt and SQL, so that every layer (storage, search, interchange, printing,
GUI) speaks the same language and can be tested without a database.  Repeating elements (titles in
other languages, contributors, identifiers, subjects …) are ordered lists: cataloguers care about
their order, and GOST descriptions print them in that order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum


class MaterialType(StrEnum):
    BOOK = "book"
    ARTICLE = "article"
    REPORT = "report"  # grey literature: project reports, assessments, working papers
    PROCEEDINGS = "proceedings"
    THESIS = "thesis"
    MAP = "map"
    SERIAL = "serial"  # a journal or serial issue
    ELECTRONIC = "electronic"
    AUDIOVISUAL = "audiovisual"
    STANDARD = "standard"


class ContributorRole(StrEnum):
    AUTHOR = "author"
    EDITOR = "editor"
    COMPILER = "compiler"
    TRANSLATOR = "translator"
    CORPORATE_AUTHOR = "corporate_author"
    ISSUING_BODY = "issuing_body"
    MEETING = "meeting"

    @property
    def is_corporate(self) -> bool:
        """Corporate bodies and meetings have a single name, not surname plus forenames."""
        return self in (
            ContributorRole.CORPORATE_AUTHOR,
            ContributorRole.ISSUING_BODY,
            ContributorRole.MEETING,
        )


class IdentifierType(StrEnum):
    ISBN = "isbn"
    ISSN = "issn"
    DOI = "doi"
    LOCAL = "local"  # local / accession-independent numbers given by the library


class ClassificationScheme(StrEnum):
    UDC = "udc"
    BBK = "bbk"
    LOCAL = "local"  # the library's own shelf classes


class CopyStatus(StrEnum):
    AVAILABLE = "available"
    ON_LOAN = "on_loan"
    IN_REPAIR = "in_repair"
    LOST = "lost"
    WRITTEN_OFF = "written_off"


class AcquisitionSource(StrEnum):
    PURCHASE = "purchase"
    GIFT = "gift"
    EXCHANGE = "exchange"
    DEPOSIT = "deposit"


@dataclass
class Contributor:
    """A person or a body responsible for the work.

    For persons ``name`` is the surname and ``forenames`` the forenames or initials as printed; for
    corporate bodies and meetings ``name`` is the full name.  ``name_other_script`` keeps the same
    name as written in another script (e.g. «Абдуллаев» for "Abdullaev") so both forms are findable.
    """

    name: str
    forenames: str = ""
    role: ContributorRole = ContributorRole.AUTHOR
    name_other_script: str = ""

    def display_name(self) -> str:
        if self.forenames and not self.role.is_corporate:
            return f"{self.name}, {self.forenames}"
        return self.name


@dataclass
class ParallelTitle:
    title: str
    language: str = ""  # ISO 639-2/B code, "" when unknown


@dataclass
class Identifier:
    type: IdentifierType
    value: str  # normalised form (ISBN-13 without hyphens, ISSN NNNN-NNNN, DOI lower-cased)
    qualifier: str = ""  # e.g. "pbk.", "electronic", the source of a local number


@dataclass
class Classification:
    scheme: ClassificationScheme
    value: str


@dataclass
class Series:
    title: str
    number: str = ""


@dataclass
class HostItem:
    """The journal, collection or book an article or chapter was published in."""

    title: str
    year: str = ""
    volume: str = ""
    issue: str = ""
    pages: str = ""  # e.g. "45-58"


@dataclass
class OnlineLink:
    url: str
    access_date: dt.date | None = None  # GOST requires «дата обращения» for online resources
    note: str = ""


@dataclass
class Extent:
    pages: str = ""  # "312 с.", "xii, 240 p.", "1 map"
    illustrations: str = ""  # "ил.", "ill., maps"
    dimensions: str = ""  # "21 см", "60 x 90 cm"

    def is_empty(self) -> bool:
        return not (self.pages or self.illustrations or self.dimensions)


@dataclass
class Copy:
    """A physical (or licensed) holding of a record."""

    inventory_number: str
    barcode: str = ""
    location: str = ""  # reading room, stack, branch
    shelf_mark: str = ""
    status: CopyStatus = CopyStatus.AVAILABLE
    acquired_on: dt.date | None = None
    source: AcquisitionSource | None = None
    price: Decimal | None = None
    currency: str = ""  # ISO 4217, e.g. KZT
    note: str = ""
    id: int | None = None
    version: int = 0


@dataclass
class Attachment:
    """A file belonging to a record, stored once in the data directory under its content hash."""

    sha256: str
    filename: str
    size: int
    media_type: str = "application/octet-stream"
    id: int | None = None
    added_at: dt.datetime | None = None


@dataclass
class Subfield:
    code: str
    value: str


@dataclass
class SourceField:
    """One field of an exchange-format record exactly as it was read.

    Control fields (MARC 001–009) have ``data`` and no subfields; data fields have two
    ``indicators`` characters and ``subfields`` in their original order.
    """

    tag: str
    indicators: str = ""
    subfields: list[Subfield] = field(default_factory=list)
    data: str = ""

    @property
    def is_control(self) -> bool:
        return not self.subfields and not self.indicators


@dataclass
class SourceRecord:
    """The exchange record a description was imported from (MARC21, RUSMARC …), kept whole.

    Our model holds what people search, edit and print; a partner's MARC record holds much more
    (fixed fields, local 9XX fields, linking data).  Keeping the record as read lets an export
    write back every field nobody changed here, so MARC → catalog → MARC loses nothing.
    """

    format: str  # "marc21" or "rusmarc": which mapping the fields follow
    leader: str = ""
    fields: list[SourceField] = field(default_factory=list)


@dataclass
class Record:
    """A bibliographic description (one catalog entry)."""

    title: str
    material_type: MaterialType = MaterialType.BOOK
    title_remainder: str = ""  # other title information («сборник научных трудов»)
    parallel_titles: list[ParallelTitle] = field(default_factory=list)
    responsibility: str = ""  # statement of responsibility as printed
    contributors: list[Contributor] = field(default_factory=list)
    edition: str = ""
    places: list[str] = field(default_factory=list)
    publishers: list[str] = field(default_factory=list)
    year: str = ""  # as printed / catalogued: "2005", "[2005?]", "1998-2003"
    extent: Extent = field(default_factory=Extent)
    scale: str = ""  # maps: "1:1 000 000"
    series: list[Series] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    summary: str = ""
    languages: list[str] = field(default_factory=list)  # ISO 639-2/B codes
    identifiers: list[Identifier] = field(default_factory=list)
    classifications: list[Classification] = field(default_factory=list)
    subjects: list[str] = field(default_factory=list)
    geographic_names: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    host: HostItem | None = None
    links: list[OnlineLink] = field(default_factory=list)
    # grey literature
    project: str = ""
    funders: list[str] = field(default_factory=list)
    # provenance of the description
    control_number: str = ""  # the source record's control number (MARC 001)
    control_source: str = ""  # who assigned it (MARC 003), "" for our own
    source: SourceRecord | None = None  # the exchange record it was imported from, if any
    # holdings
    copies: list[Copy] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    # bookkeeping, owned by the storage layer
    id: int | None = None
    version: int = 0
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    deleted_at: dt.datetime | None = None

    def identifiers_of(self, kind: IdentifierType) -> list[str]:
        return [i.value for i in self.identifiers if i.type == kind]

    def classification_of(self, scheme: ClassificationScheme) -> list[str]:
        return [c.value for c in self.classifications if c.scheme == scheme]

    def persons_and_bodies(self, role: ContributorRole) -> list[Contributor]:
        return [c for c in self.contributors if c.role == role]
