"""A synthetic collection that looks like the library of the Regional Environmental Centre for
Central Asia (CAREC): mostly Russian, a quarter English, the rest in the five national languages,
books and grey literature on water, desertification and climate, 1970–2026.

It has to be realistic enough to exercise what the real catalog must cope with — Kazakh,
Kyrgyz and Tajik letters, Uzbek ʻ, Turkmen Latin, names in two scripts, ISBN-10 next to ISBN-13,
year ranges, journals, maps, grey literature with projects and funders — and reproducible, so a
benchmark or a bug report can say "seed 7, 10 000 records" and mean the same records everywhere.
Randomness comes only from a ``random.Random`` seeded with ``seed`` (``Dice``, a faster
subclass); there is no clock, no global ``random`` and no iteration over sets.

This module decides what a record is (language, material, year, topic, place, title) and adds
what a cataloguer adds (subjects, classification, summary, copies); ``demo_materials`` describes
each kind of material, and the words and names come from the ``demo_vocabulary``,
``demo_phrases``, ``demo_places`` and ``demo_names`` tables.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from functools import cache

from library_app.core.model import (
    AcquisitionSource,
    Classification,
    ClassificationScheme,
    Copy,
    CopyStatus,
    MaterialType,
    ParallelTitle,
    Record,
)
from library_app.services import demo_names as names
from library_app.services.demo_materials import (
    CYRILLIC,
    LAST_DAY,
    About,
    Cataloguer,
    Dice,
    Eras,
    Weighted,
    journals,
)
from library_app.services.demo_places import REGIONS, Region
from library_app.services.demo_vocabulary import (
    FRAME_WEIGHTS,
    LANGUAGES,
    TOPICS,
    Topic,
    capitalised,
)

M = MaterialType
Source = AcquisitionSource

LANGUAGE_SHARES = Weighted(
    {"rus": 55, "eng": 25, "kaz": 8, "uzb": 4, "kir": 3, "tgk": 2.5, "tuk": 2.5}
)
MATERIAL_SHARES = Weighted(
    {M.BOOK: 35, M.REPORT: 25, M.ARTICLE: 20, M.PROCEEDINGS: 7, M.THESIS: 4, M.MAP: 3}
    | {M.SERIAL: 3, M.ELECTRONIC: 1, M.AUDIOVISUAL: 1, M.STANDARD: 1}
)
BILINGUAL_SHARE = 0.05
SECOND_LANGUAGE = {
    code: Weighted(weights)
    for code, weights in {
        "rus": {"eng": 8, "kaz": 2},
        "eng": {"rus": 1},
        "kaz": {"rus": 8, "eng": 2},
        "uzb": {"rus": 1, "eng": 1},
        "kir": {"rus": 1},
        "tgk": {"rus": 1},
        "tuk": {"eng": 1, "rus": 1},
    }.items()
}
YEARS = Weighted(  # most of the collection is from 2000–2020
    {year: 1 if year < 1990 else 2.5 if year < 2000 else 6 if year <= 2020 else 3.5
     for year in range(1970, 2027)}
)  # fmt: skip
LANGUAGE_SINCE = {"uzb": 1996, "tuk": 1996}  # catalogued in the Latin script, used from the 1990s
MATERIAL_SINCE = {M.ELECTRONIC: 2003, M.AUDIOVISUAL: 1985}  # online resources; video
LANGUAGE_COUNTRY = {"kaz": "kz", "uzb": "uz", "kir": "kg", "tgk": "tj", "tuk": "tm"}
UDC_PLACE = {"kz": "(574)", "uz": "(575.1)", "kg": "(575.2)", "tj": "(575.3)", "tm": "(575.4)"}
BBK_PLACE = {"kz": "(5Каз)", "uz": "(5Узб)", "kg": "(5Кир)", "tj": "(5Тад)", "tm": "(5Тур)"}
SUMMARY_SHARE = {M.BOOK: 0.6, M.REPORT: 0.7, M.ARTICLE: 0.75, M.PROCEEDINGS: 0.6, M.THESIS: 0.8}
SUMMARY_SHARE |= {M.MAP: 0.4, M.SERIAL: 0.0, M.ELECTRONIC: 0.7, M.AUDIOVISUAL: 0.6, M.STANDARD: 0}
IMPORTED = {"rus": "RuMoRKP", "kaz": "KZ-AlNL", "eng": "DLC"}  # MARC 003 of national agencies

COPY_COUNTS = {
    material: Weighted(weights)
    for material, weights in {
        M.BOOK: {1: 55, 2: 30, 3: 12, 4: 3},
        M.REPORT: {0: 20, 1: 60, 2: 15, 3: 5},
        M.ARTICLE: {0: 55, 1: 45},
        M.PROCEEDINGS: {1: 60, 2: 30, 3: 10},
        M.THESIS: {1: 90, 2: 10},
        M.MAP: {1: 70, 2: 25, 3: 5},
        M.SERIAL: {1: 80, 2: 20},
        M.ELECTRONIC: {0: 1},
        M.AUDIOVISUAL: {1: 85, 2: 15},
        M.STANDARD: {1: 70, 2: 30},
    }.items()
}
READING_ROOM, MAIN_STACK, LENDING, REFERENCE = (
    "Читальный зал",
    "Основной фонд",
    "Абонемент",
    "Справочный фонд",
)
LOCATIONS = {
    M.BOOK: Weighted({MAIN_STACK: 45, LENDING: 30, READING_ROOM: 20, REFERENCE: 5}),
    M.REPORT: Weighted({MAIN_STACK: 50, READING_ROOM: 40, REFERENCE: 10}),
    M.PROCEEDINGS: Weighted({MAIN_STACK: 60, READING_ROOM: 40}),
    M.AUDIOVISUAL: Weighted({LENDING: 1}),
    M.MAP: Weighted({REFERENCE: 1}),
    M.STANDARD: Weighted({REFERENCE: 1}),
}
IN_READING_ROOM = Weighted({READING_ROOM: 1})
_STATUS_SHARES = {CopyStatus.AVAILABLE: 86, CopyStatus.ON_LOAN: 9, CopyStatus.IN_REPAIR: 2}
_STATUS_SHARES |= {CopyStatus.LOST: 1.5, CopyStatus.WRITTEN_OFF: 1.5}
STATUSES = {  # reading-room and reference copies are not lent out
    location: Weighted(
        _STATUS_SHARES
        if location in (MAIN_STACK, LENDING)
        else _STATUS_SHARES | {CopyStatus.AVAILABLE: 95, CopyStatus.ON_LOAN: 0}
    )
    for location in (READING_ROOM, MAIN_STACK, LENDING, REFERENCE)
}
SOURCES = {  # grey literature is given or exchanged, hardly ever bought
    "trade": Weighted(
        {Source.PURCHASE: 55, Source.GIFT: 30, Source.EXCHANGE: 10, Source.DEPOSIT: 5}
    ),
    "grey": Weighted(
        {Source.GIFT: 60, Source.EXCHANGE: 25, Source.DEPOSIT: 10, Source.PURCHASE: 5}
    ),
}
GREY = (M.REPORT, M.ARTICLE, M.PROCEEDINGS, M.THESIS, M.AUDIOVISUAL)
TENGE_INTRODUCED = dt.date(1993, 11, 15)
_JANUARY_FIRST = {year: dt.date(year, 1, 1).toordinal() for year in range(1970, 2031)}
_LAST_DAY = LAST_DAY.toordinal()
KZT_PER_UNIT = ((2000, 1), (2010, 3), (2020, 8), (9999, 15))  # book prices rose with the years


def generate_records(count: int, seed: int = 1, first_inventory: int = 1) -> Iterator[Record]:
    """Yields `count` Record objects (id=None), deterministic for (count, seed, first_inventory).

    A longer run starts with exactly the records of a shorter one, so a 100-record demo is the
    beginning of the 10 000-record one.  Inventory numbers run on from ``first_inventory`` so the
    demo can be loaded into a catalog that already holds copies.
    """
    if count < 0:
        raise ValueError(f"count must not be negative, got {count}")
    if first_inventory < 1:
        raise ValueError(f"first_inventory must be at least 1, got {first_inventory}")
    generator = _Generator(Dice(seed), first_inventory)
    for ordinal in range(1, count + 1):
        yield generator.record(ordinal)


class _Generator:
    """One pass over a collection: the random stream and the running inventory number."""

    def __init__(self, rng: Dice, first_inventory: int) -> None:
        self.rng = rng
        self.cataloguer = Cataloguer(rng)
        self.next_inventory = first_inventory

    def record(self, ordinal: int) -> Record:
        rng = self.rng
        language = LANGUAGE_SHARES.pick(rng)
        material = MATERIAL_SHARES.pick(rng)
        while material == M.STANDARD and language not in ("rus", "eng"):
            material = MATERIAL_SHARES.pick(rng)
        year = YEARS.pick(rng)
        while not _possible(language, material, year):
            year = YEARS.pick(rng)
        record = Record(title="", material_type=material, languages=[language])
        if material == M.STANDARD:
            standard = rng.choice([s for s in names.STANDARDS if s.language == language])
            year = min(2026, standard.year + rng.randint(0, 6))  # a reprint
            about = About(language, LANGUAGES[language], year, TOPICS[standard.topic], None)
            self.cataloguer.standard(record, about, standard)
        else:
            topic = _topics(year, material == M.MAP).pick(rng)
            region = REGIONS[_regions(topic.key, language, _REGION_ERAS.of(year)).pick(rng)]
            about = About(language, LANGUAGES[language], year, topic, region)
            self._titles(record, about, region)
            self.cataloguer.builders[material](record, about)
        record.year = self._year(material, year)
        self._description(record, about)
        self._provenance(record, about, ordinal)
        self._copies(record, about)
        return record

    def _titles(self, r: Record, a: About, region: Region) -> None:
        rng, topic = self.rng, a.topic
        second = None
        if rng.random() < BILINGUAL_SHARE and r.material_type != M.SERIAL:
            second = SECOND_LANGUAGE[a.language].pick(rng)
        if r.material_type == M.MAP:  # maps are titled after what and where they show
            skip = "topic_of_region" in topic.skip_frames
            frame = "topic_in_region" if skip else "topic_of_region"
        else:
            languages = (a.language, second) if second else (a.language,)
            frame = _frames(topic.key, languages).pick(rng)
        phrase = rng.randrange(len(topic.words[a.language].phrases))
        r.title = _title(a.language, topic, region, frame, phrase)
        if second:
            r.languages.append(second)
            r.parallel_titles.append(
                ParallelTitle(_title(second, topic, region, frame, phrase), second)
            )
            names_of = a.words.language_names
            note = a.words.words["bilingual"]
            r.notes.append(note.format(a=names_of[a.language], b=names_of[second]))

    def _year(self, material: M, year: int) -> str:
        """Mostly "2005"; multi-year reports "1998-2003"; now and then an uncertain "[2005?]"."""
        roll = self.rng.random()
        if material == M.REPORT and roll < 0.04:
            return f"{max(1970, year - self.rng.randint(1, 5))}-{year}"
        if material not in (M.ARTICLE, M.SERIAL, M.STANDARD, M.ELECTRONIC) and roll > 0.97:
            return f"[{year}?]"
        return str(year)

    def _description(self, r: Record, a: About) -> None:
        """Subjects, places, keywords, summary and classification: what a cataloguer adds."""
        rng, topic, lang = self.rng, a.topic, a.language
        r.subjects.append(topic.words[lang].heading)
        if rng.random() < 0.35:
            other = _topics(a.year, False).pick(rng)
            if other is not topic:
                r.subjects.append(other.words[lang].heading)
        if a.region is not None:
            r.geographic_names.append(a.region.names[lang].heading)
            wider = REGIONS["central_asia"]
            if a.region is not wider and rng.random() < 0.25:
                r.geographic_names.append(wider.names[lang].heading)
            if rng.random() < SUMMARY_SHARE[r.material_type]:
                r.summary = self._summary(a, a.region, r.material_type)
        if rng.random() < 0.7:
            keywords = topic.words[lang].keywords
            r.keywords.extend(rng.few(keywords, rng.randint(2, 3)))
        country = a.region.country if a.region else None  # standards are about no place
        if rng.random() < (0.85 if lang in CYRILLIC else 0.45):
            udc = rng.choice(topic.udc)
            if country is not None and rng.random() < 0.5:
                udc += UDC_PLACE.get(country, "(575)")
            r.classifications.append(Classification(ClassificationScheme.UDC, udc))
        if lang in CYRILLIC and rng.random() < 0.75:
            bbk = rng.choice(topic.bbk)
            if country is not None and rng.random() < 0.4:
                bbk += BBK_PLACE.get(country, "(5)")
            r.classifications.append(Classification(ClassificationScheme.BBK, bbk))
        if rng.random() < 0.15:
            local = f"{topic.local_class}.{rng.randint(1, 12)}"
            r.classifications.append(Classification(ClassificationScheme.LOCAL, local))

    def _summary(self, a: About, place: Region, material: M) -> str:
        """A sentence on the topic and place, then perhaps one on the kind of material (its
        readers, its method) and one on its sources: never two sentences saying the same."""
        rng, words = self.rng, a.words
        topic, region = a.topic.words[a.language], place.names[a.language]
        openings = [o for o in words.openings if topic.linked or "{L}" not in o]
        opening = rng.choice(openings).format(
            T=topic.base, L=topic.linked, Rg=region.possessor, Rl=region.location
        )
        sentences = [capitalised(opening)]
        specific = words.closings.get(material.value)
        if specific and rng.random() < 0.6:
            sentences.append(rng.choice(specific))
        if rng.random() < 0.4:
            sentences.append(rng.choice(words.closings["any"]))
        return " ".join(sentences)

    def _provenance(self, r: Record, a: About, ordinal: int) -> None:
        """Our own control number, or the national agency's for books copied from its records."""
        source = IMPORTED.get(a.language)
        if source and r.material_type in (M.BOOK, M.PROCEEDINGS) and self.rng.random() < 0.25:
            serial = self.rng.randint(1, 99_999)
            r.control_source = source
            if source == "DLC":  # an LCCN: two-digit year before 2001, four-digit after
                year = str(a.year) if a.year > 2000 else f"{a.year % 100:02d}"
                r.control_number = f"{year}{serial:06d}"
            elif source == "RuMoRKP":
                r.control_number = f"{a.year % 100:02d}-{serial:05d}"
            else:
                r.control_number = f"KZ{a.year}{serial:05d}"
        else:
            r.control_number = f"CAREC-{ordinal:06d}"

    def _copies(self, r: Record, a: About) -> None:
        rng, material = self.rng, r.material_type
        count = COPY_COUNTS[material].pick(rng)
        if not count:
            return
        shelf_mark = self._shelf_mark(r)
        published = int(r.year.strip("[?]")[-4:])  # the last year of a range
        locations = LOCATIONS.get(material, IN_READING_ROOM)
        sources = SOURCES["grey" if material in GREY else "trade"]
        for _ in range(count):
            inventory = self.next_inventory
            self.next_inventory += 1
            location = locations.pick(rng)
            status = STATUSES[location].pick(rng)
            source = sources.pick(rng)
            start = published
            if published < 2001 and rng.random() < 0.3:  # came with a donated collection later
                start, source = rng.randint(2001, 2010), Source.GIFT
            first, last = _JANUARY_FIRST[start], min(_JANUARY_FIRST[start + 3], _LAST_DAY)
            acquired = dt.date.fromordinal(rng.randint(first, last))
            price, currency = self._price(acquired, a) if source == Source.PURCHASE else (None, "")
            r.copies.append(
                Copy(f"{inventory:06d}", _barcode(inventory), location, shelf_mark, status,
                     acquired, source, price, currency)
            )  # fmt: skip

    def _shelf_mark(self, r: Record) -> str:
        """Class number and author sign («26.22 А95»), as on the spine label."""
        classes = [c.value for c in r.classifications if c.scheme != ClassificationScheme.UDC]
        classes += [c.value.split("(")[0] for c in r.classifications]
        heading = next((c.name for c in r.contributors if not c.role.is_corporate), r.title)
        letter = next((ch.upper() for ch in heading if ch.isalpha()), "A")
        mark = f"{letter}{self.rng.randint(11, 99)}"
        return f"{classes[0]} {mark}" if classes else mark

    def _price(self, acquired: dt.date, a: About) -> tuple[Decimal, str]:
        """Soviet kopecks, post-Soviet roubles, then tenge; foreign books in dollars or euros."""
        rng = self.rng
        if acquired < dt.date(1992, 1, 1):
            cents, currency = rng.randint(30, 600), "RUB"
        elif acquired < TENGE_INTRODUCED:
            cents, currency = rng.randint(50, 5000) * 100, "RUB"
        elif a.foreign:
            cents, currency = rng.randint(25, 250) * 100, rng.choice(("USD", "USD", "EUR"))
        else:
            unit = next(unit for until, unit in KZT_PER_UNIT if acquired.year < until)
            cents, currency = rng.randint(15, 200) * 1000 * unit, "KZT"
        return Decimal(cents).scaleb(-2), currency  # always two decimals: 2500.00


def _title(language: str, topic: Topic, region: Region, frame: str, phrase: int) -> str:
    words, place = topic.words[language], region.names[language]
    template = LANGUAGES[language].frames[frame]
    return capitalised(
        template.format(
            T=words.base, L=words.linked, P=words.phrases[phrase],
            Rg=place.possessor, Rl=place.location,
        )
    )  # fmt: skip


def _barcode(inventory: int) -> str:
    """EAN-13 in the in-store range (prefix 2) carrying the inventory number, so it is unique.

    Inventory numbers beyond eleven digits give longer codes, still unique and still prefixed.
    """
    body = f"2{inventory:011d}"
    odd, even = body[::2].encode(), body[1::2].encode()  # byte sums run in C; this is per copy
    weighted = sum(odd) - 48 * len(odd) + 3 * (sum(even) - 48 * len(even))  # 48: ord("0")
    return f"{body}{-weighted % 10}"  # EAN-13 weights 1, 3, 1, 3 …


# --- cached choices (no randomness inside, so caching keeps the output deterministic) -------
@cache
def _topics(year: int, mappable: bool) -> Weighted[Topic]:
    return Weighted(
        (topic, topic.weight)
        for topic in TOPICS.values()
        if topic.since <= year
        and (topic.mappable or not mappable)
        and any(_fits(topic, region, year) for region in REGIONS.values())
    )


@cache
def _possible(language: str, material: M, year: int) -> bool:
    """Whether such an item can exist: Uzbek and Turkmen in Latin script only from the 1990s,
    online resources from 2003, articles and journal issues only once a journal in the language
    existed (no Kazakh article in a Moscow journal)."""
    if year < max(LANGUAGE_SINCE.get(language, 0), MATERIAL_SINCE.get(material, 0)):
        return False
    return material not in (M.ARTICLE, M.SERIAL) or bool(journals(language, year))


def _fits(topic: Topic, region: Region, year: int) -> bool:
    return bool(topic.region_tags & region.tags) and region.since <= year <= region.until


_REGION_ERAS = Eras((region.since, region.until) for region in REGIONS.values())


@cache
def _regions(topic: str, language: str, year: int) -> Weighted[str]:
    """Places the topic is written about; a national language favours its own country."""
    home = LANGUAGE_COUNTRY.get(language)
    return Weighted(
        (key, region.weight * (4 if region.country == home else 1))
        for key, region in REGIONS.items()
        if _fits(TOPICS[topic], region, year)
    )


@cache
def _frames(topic: str, languages: tuple[str, ...]) -> Weighted[str]:
    """Title frames that read well for the topic in every language of the record."""
    about = TOPICS[topic]
    return Weighted(
        (frame, weight)
        for frame, weight in FRAME_WEIGHTS.items()
        if frame not in about.skip_frames
        and all(
            about.words[code].linked or "{L}" not in LANGUAGES[code].frames[frame]
            for code in languages
        )
    )
