"""How each kind of material is described in the demo collection: who made it, who published it,
how it is numbered.

A book names authors or editors and a publisher with an ISBN of its era; a report names the body
that issued it, its project and funders; an article sits in a journal with a DOI; a proceedings
volume names its conference.  The choices follow the year, so Soviet-era items have no ISBN,
ISBN-10 gives way to ISBN-13 in 2007, and a publisher or ministry appears only while it existed.
"""

from __future__ import annotations

import bisect
import datetime as dt
import random
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Generic, TypeVar

from library_app.core.identifiers import isbn10_check_digit, isbn13_check_digit
from library_app.core.model import (
    Contributor,
    ContributorRole,
    Extent,
    HostItem,
    Identifier,
    IdentifierType,
    MaterialType,
    OnlineLink,
    Record,
    Series,
)
from library_app.services import demo_names as names
from library_app.services.demo_places import Region, city_name
from library_app.services.demo_vocabulary import LanguageWords, Topic

T = TypeVar("T")
_bisect = bisect.bisect
M = MaterialType
Role = ContributorRole


class Dice(random.Random):
    """``random.Random`` whose ``choice``, ``randint`` and ``randrange`` take one ``random()``.

    The standard ones loop over ``getrandbits`` to be exactly uniform, which makes them the
    largest single cost of generating 100 000 records; for picking among at most a few hundred
    items the bias of ``int(random() * n)`` (below 1e-13) does not matter.  Still seeded, still
    one Mersenne Twister: the output depends on the seed and nothing else.
    """

    def choice(self, seq: Sequence[T]) -> T:  # type: ignore[override]
        return seq[int(self.random() * len(seq))]

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def randrange(self, start: int, stop: int | None = None, step: int = 1) -> int:  # type: ignore[override]
        if stop is None:
            start, stop = 0, start
        return start + step * int(self.random() * ((stop - start + step - 1) // step))

    def few(self, seq: Sequence[T], k: int) -> list[T]:
        """``k`` different items of a short sequence (``sample`` is slow for two of five)."""
        pool = list(seq)
        return [pool.pop(int(self.random() * len(pool))) for _ in range(min(k, len(pool)))]


class Weighted(Generic[T]):
    """A fixed weighted choice, drawn with one ``random()`` call instead of ``rng.choices``.

    Takes pairs as well as a mapping because records of the vocabulary hold dicts and so cannot
    be dictionary keys.
    """

    def __init__(self, weights: Mapping[T, float] | Iterable[tuple[T, float]]) -> None:
        given = weights.items() if isinstance(weights, Mapping) else weights
        pairs = [(item, weight) for item, weight in given if weight > 0]
        self.items = tuple(item for item, _ in pairs)
        self.cumulative: list[float] = []
        total = 0.0
        for _, weight in pairs:
            total += weight
            self.cumulative.append(total)
        self.total = total

    def pick(self, rng: random.Random) -> T:
        return self.items[_bisect(self.cumulative, rng.random() * self.total)]


# Whose names appear in a language's publications.
CULTURES = {
    code: Weighted(weights)
    for code, weights in {
        "rus": {"rus": 35, "kaz": 30, "uzb": 12, "kir": 9, "tgk": 7, "tuk": 7},
        "eng": {"intl": 40, "kaz": 18, "uzb": 12, "rus": 12, "kir": 8, "tgk": 5, "tuk": 5},
        "kaz": {"kaz": 85, "rus": 10, "uzb": 5},
        "uzb": {"uzb": 85, "kaz": 5, "rus": 10},
        "kir": {"kir": 85, "kaz": 5, "rus": 10},
        "tgk": {"tgk": 85, "uzb": 5, "rus": 10},
        "tuk": {"tuk": 1},
    }.items()
}
CYRILLIC = ("rus", "kaz", "kir", "tgk")
CENTRAL_ASIAN_CITIES = ("almaty", "astana", "tashkent", "bishkek", "dushanbe", "ashgabat")
# Where conferences are held and theses defended: in the country studied, else by language.
HOME_CITIES = {
    "kz": ("almaty", "almaty", "astana"),
    "uz": ("tashkent",),
    "kg": ("bishkek",),
    "tj": ("dushanbe",),
    "tm": ("ashgabat",),
    "rus": ("almaty", "almaty", "tashkent", "bishkek", "dushanbe", "ashgabat"),
    "eng": ("almaty", "tashkent", "bishkek", "dushanbe"),
    "kaz": ("almaty", "almaty", "astana"),
    "uzb": ("tashkent",),
    "kir": ("bishkek",),
    "tgk": ("dushanbe",),
    "tuk": ("ashgabat",),
}
SCALES = (200_000, 500_000, 1_000_000, 1_500_000, 2_500_000, 5_000_000)
MAP_SIZES = ((60, 90), (70, 100), (84, 118), (59, 84), (100, 140))
ROMAN = ("vii", "ix", "x", "xii", "xiv", "xvi", "xx")
LAST_DAY = dt.date(2026, 11, 1)  # nothing is acquired or looked at online after this


@dataclass
class About:
    """What one record is about and in which language, shared by the material builders."""

    language: str
    words: LanguageWords
    year: int
    topic: Topic
    region: Region | None
    foreign: bool = False  # bought abroad: priced in dollars or euros


Groups = Sequence[tuple[str, list[Contributor]]]  # (word introducing them, people) in order


class Cataloguer:
    """Fills in the material-specific part of a record, keeping number sequences unique."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.serials: dict[str, int] = {}  # ISBN prefix or journal → last number given out
        self.builders: dict[M, Callable[[Record, About], None]] = {
            M.BOOK: self.book,
            M.REPORT: self.report,
            M.ARTICLE: self.article,
            M.PROCEEDINGS: self.proceedings,
            M.THESIS: self.thesis,
            M.MAP: self.map,
            M.SERIAL: self.serial,
            M.ELECTRONIC: self.electronic,
            M.AUDIOVISUAL: self.audiovisual,
        }

    # --- people and bodies ---------------------------------------------------------------
    def person(self, a: About, role: Role, culture: str | None = None) -> Contributor:
        rng = self.rng
        forms, one, two = _name_forms(culture or CULTURES[a.language].pick(rng), a.language)
        name, other = rng.choice(forms)
        forenames = rng.choice(one if one and rng.random() < 0.5 else two)  # «А. К.», "J."
        return Contributor(name, forenames, role, other if rng.random() < 0.3 else "")

    def people(
        self, a: About, role: Role, count: int, culture: str | None = None
    ) -> list[Contributor]:
        """``count`` different people; ``culture`` fixes whose names they are (a translation)."""
        people: list[Contributor] = []
        while len(people) < count:
            person = self.person(a, role, culture)
            if all(p.name != person.name for p in people):
                people.append(person)
        return people

    def credit(self, r: Record, a: About, groups: Groups) -> None:
        """Adds the people and the statement of responsibility («…; отв. ред. …») to ``r``."""
        parts = []
        for word, people in groups:
            r.contributors.extend(people)
            declined = word == "translator" and a.language == "rus"  # «пер. с англ. А. А. Петровой»
            shown = [
                f"{p.forenames} {_genitive(p.name) if declined else p.name}"
                for p in people[: 3 if len(people) > 4 else 4]
            ]
            text = ", ".join(shown) + (f" {a.words.words['et_al']}" if len(people) > 4 else "")
            parts.append(f"{a.words.words[word]} {text}" if word else text)
        r.responsibility = " ; ".join(filter(None, [r.responsibility, *parts]))

    def body(self, a: About, *, online: bool = False) -> names.Body | None:
        country = a.region.country if a.region else ""
        choice = _bodies(a.language, a.year, country, online)
        return choice.pick(self.rng) if choice else None

    def credit_body(self, r: Record, a: About, body: names.Body, role: Role) -> None:
        full, short = body.names[a.language]
        r.contributors.append(Contributor(full, role=role))
        r.responsibility = " ; ".join(filter(None, (r.responsibility, full)))
        r.places.append(city_name(body.city, a.language, a.year))
        r.publishers.append(short)

    def home_city(self, a: About) -> str:
        """A city of the country the record is about, as spelled in its language and year."""
        country = a.region.country if a.region else ""
        key = self.rng.choice(HOME_CITIES[country or a.language])
        return city_name(key, a.language, a.year)

    def imprint(self, r: Record, a: About, kinds: str = "b") -> names.Publisher | None:
        choice = _publishers(a.language, a.year, kinds) or _publishers(a.language, a.year, "b")
        if choice is None:
            return None
        publisher = choice.pick(self.rng)
        r.places.append(city_name(publisher.city, a.language, a.year))
        r.publishers.append(publisher.name)
        a.foreign = publisher.city not in CENTRAL_ASIAN_CITIES and a.language == "eng"
        return publisher

    # --- numbers and physical description ----------------------------------------------------
    def next_number(self, key: str, space: int) -> int:
        """Numbers given out in turn from a random start near the beginning of the block, so no
        two records share one until the block is used up (1000 or more numbers per block)."""
        if key not in self.serials:
            self.serials[key] = self.rng.randrange(max(1, space // 20))
        self.serials[key] += 1
        return self.serials[key] % space

    def isbn(self, r: Record, prefixes: str, year: int, qualifier: str = "") -> None:
        """ISBN-10 as printed (hyphenated) up to 2006, ISBN-13 in stored form from 2007."""
        old, _, new = prefixes.partition(" / ")
        if not new:
            old, new = ("", old) if old.startswith("978") else (old, "978-" + old)
        if year < 1987 or (year < 2007 and not old):
            return  # Soviet books carry ISBNs only from the late 1980s
        prefix, length = (old, 9) if year < 2007 else (new, 12)
        digits = prefix.replace("-", "")
        width = length - len(digits)
        # One sequence per ISBN-13 prefix: 0-19-… and 978-0-19-… are the same numbers.
        sequence = digits if year >= 2007 else "978" + digits
        number = f"{self.next_number(sequence, 10**width):0{width}d}"
        if year < 2007:
            value = f"{prefix}-{number}-{isbn10_check_digit(digits + number)}"
        else:
            value = digits + number + isbn13_check_digit(digits + number)
        r.identifiers.append(Identifier(IdentifierType.ISBN, value, qualifier))

    def link(self, r: Record, a: About, url: str) -> None:
        start = dt.date(max(a.year, 2010), 1, 1).toordinal()
        accessed = dt.date.fromordinal(self.rng.randint(start, LAST_DAY.toordinal()))
        r.links.append(OnlineLink(url, accessed))

    def extent(self, r: Record, a: About, pages: tuple[int, int], ill: float, sizes: tuple) -> int:
        rng, words = self.rng, a.words.words
        count = rng.randint(*pages)
        r.extent.pages = words["pages"].format(n=count)
        if a.language == "eng" and r.material_type == M.BOOK and rng.random() < 0.2:
            r.extent.pages = f"{rng.choice(ROMAN)}, {r.extent.pages}"
        if rng.random() < ill:
            r.extent.illustrations = rng.choice(words["ill"].split("; "))
        r.extent.dimensions = words["cm"].format(n=rng.choice(sizes))
        return count

    def series(self, r: Record, a: About) -> None:
        choices = [s for s in names.SERIES if s.language == a.language and s.since <= a.year]
        choices = [s for s in choices if a.year <= s.until]
        if choices:
            series = self.rng.choice(choices)
            number = str(self.rng.randint(1, 160)) if series.numbered else ""
            r.series.append(Series(series.title, number))

    # --- materials -------------------------------------------------------------------------
    def book(self, r: Record, a: About) -> None:
        rng, words, eng = self.rng, a.words, a.language == "eng"
        roll = rng.random()
        remainders = words.remainders["book"]
        if roll < 0.05:  # a translation: from English into Russian, from Russian otherwise
            original = "intl" if a.language == "rus" else "rus"
            authors = self.people(a, Role.AUTHOR, rng.randint(1, 2), original)
            translator = self.people(a, Role.TRANSLATOR, 1, "intl" if eng else None)
            groups = [("", authors), ("translator", translator)]
        elif roll < 0.25:
            groups = [("editor", self.people(a, Role.EDITOR, rng.randint(1, 2)))]
            remainders = words.remainders["collection"]
        elif roll < 0.33:
            groups = [("compiler", self.people(a, Role.COMPILER, rng.randint(1, 3)))]
        else:
            groups = [("", self.people(a, Role.AUTHOR, rng.choice((1, 1, 1, 2, 2, 3))))]
            if rng.random() < 0.15:
                groups.append(("editor", self.people(a, Role.EDITOR, 1)))
        if roll < 0.33 or rng.random() < 0.6:
            r.title_remainder = rng.choice(remainders)
        self.credit(r, a, groups)
        publisher = self.imprint(r, a)
        if rng.random() < 0.08:
            r.edition = rng.choice(words.editions)
        pages = self.extent(r, a, (80, 520), 0.55, (23, 24, 25) if eng else (20, 21, 22, 24))
        if rng.random() < 0.15:
            self.series(r, a)
        if publisher and publisher.isbn and rng.random() < 0.85:
            qualifier = rng.choice(("", "", "pbk.", "hbk.") if eng else ("", "", "", "в пер."))
            self.isbn(r, publisher.isbn, a.year, qualifier if a.language in ("rus", "eng") else "")
        if rng.random() < 0.3:
            last = pages - rng.randint(0, 4)
            r.notes.append(words.words["bibliography"].format(a=last - rng.randint(4, 20), b=last))

    def report(self, r: Record, a: About) -> None:
        rng = self.rng
        body = self.body(a)
        if body is None or rng.random() < 0.45:
            word, role = rng.choice(
                (("", Role.AUTHOR), ("", Role.AUTHOR), ("compiler", Role.COMPILER))
            )
            self.credit(r, a, [(word, self.people(a, role, rng.randint(1, 5)))])
        if body is not None:
            role = Role.CORPORATE_AUTHOR if rng.random() < 0.4 else Role.ISSUING_BODY
            self.credit_body(r, a, body, role)
            if body.isbn and rng.random() < 0.2:
                self.isbn(r, body.isbn, a.year)
            if body.url and a.year >= 2008 and rng.random() < 0.45:
                self.link(r, a, body.url.format(n=rng.randint(1000, 99999)))
        else:
            self.imprint(r, a)
        if a.year >= 1994 and rng.random() < 0.55:
            projects = [p for p in names.PROJECTS if p.since <= a.year <= p.until + 1]
            if projects:
                project = rng.choice(projects)
                script = "rus" if a.language in CYRILLIC else "eng"
                r.project = project.names[script]
                r.funders = [names.FUNDERS[key][script] for key in project.funders]
        if rng.random() < 0.7:
            r.title_remainder = rng.choice(a.words.remainders["report"])
        self.extent(r, a, (16, 260), 0.6, (29, 30) if a.language == "eng" else (29,))
        if rng.random() < 0.08:
            self.series(r, a)

    def article(self, r: Record, a: About) -> None:
        rng = self.rng
        journal = rng.choice(journals(a.language, a.year))
        self.credit(r, a, [("", self.people(a, Role.AUTHOR, rng.choice((1, 1, 2, 2, 2, 3, 4, 5))))])
        international = journal.language == "eng"
        volume = a.year - journal.since + 1 if international else 0
        issue = rng.randint(1, 12 if international else 4)
        first = rng.randint(1, 380)
        pages = f"{first}-{first + rng.randint(4, 18)}"
        r.host = HostItem(journal.title, str(a.year), str(volume or ""), str(issue), pages)
        if journal.doi and a.year >= 2000 and rng.random() < 0.85:
            n = self.next_number(journal.title, 10_000)
            fields = {"year": a.year, "y3": f"{a.year % 1000:03d}", "d1": n % 10, "v": volume}
            fields |= {"m2": f"{n // 1000 % 12 + 1:02d}", "n3": f"{n % 1000:03d}", "n4": f"{n:04d}"}
            fields |= {"n6": f"{130_000 + n:06d}", "n7": f"{1_300_000 + n:07d}", "i": issue}
            fields |= {"v2": f"{volume:02d}", "i2": f"{issue:02d}"}
            doi = journal.doi.format(**fields).lower()
            r.identifiers.append(Identifier(IdentifierType.DOI, doi))
            if rng.random() < 0.25:
                self.link(r, a, f"https://doi.org/{doi}")
        if rng.random() < 0.4:  # the host journal's ISSN, as MARC 773 $x would carry it
            r.identifiers.append(Identifier(IdentifierType.ISSN, journal.issn, "host"))

    def proceedings(self, r: Record, a: About) -> None:
        rng = self.rng
        meeting, remainder = rng.choice(a.words.meetings)
        if rng.random() < 0.6:
            self.credit(r, a, [("editor", self.people(a, Role.EDITOR, rng.randint(1, 2)))])
        body = self.body(a) if rng.random() < 0.5 else None
        if body is not None:
            self.credit_body(r, a, body, Role.ISSUING_BODY)
            prefixes = body.isbn
        else:
            publisher = self.imprint(r, a)
            prefixes = publisher.isbn if publisher else ""
        city = self.home_city(a)
        r.title_remainder = f"{remainder} ({city}, {a.year})"
        inner = r.title.replace("«", "„").replace("»", "“")  # quotes within quotes: „…“
        name = f"{meeting.format(title=inner)} ({a.year} ; {city})"
        r.contributors.append(Contributor(name, role=Role.MEETING))
        if prefixes and rng.random() < 0.5:
            self.isbn(r, prefixes, a.year)
        self.extent(r, a, (120, 480), 0.4, (20, 21) if a.language in CYRILLIC else (24, 29))

    def thesis(self, r: Record, a: About) -> None:
        rng, words = self.rng, a.words
        phd = a.year >= 2011 and a.language != "tuk" and rng.random() < 0.6
        r.title_remainder = rng.choice(words.remainders["thesis_phd" if phd else "thesis"])
        self.credit(r, a, [("", self.people(a, Role.AUTHOR, 1))])
        note = rng.choice(words.thesis_notes["phd" if phd else "candidate"])
        r.notes.append(note.format(year=a.year))
        if a.language != "eng":  # an English thesis names its university in the note instead
            r.places.append(self.home_city(a))
        whole = a.language == "eng" or (phd and a.language in ("rus", "kaz", "tuk"))
        pages = (140, 260) if whole else (20, 28)  # a dissertation, or its abstract
        self.extent(r, a, pages, 0.3, (21, 29) if a.language != "eng" else (30,))

    def map(self, r: Record, a: About) -> None:
        rng, words = self.rng, a.words
        r.title_remainder = rng.choice(words.remainders["map"])
        scale = f"{rng.choice(SCALES):,}".replace(",", "," if a.language == "eng" else " ")
        r.scale = f"1:{scale}"
        body = self.body(a) if rng.random() < 0.5 else None
        if body is not None:
            self.credit_body(r, a, body, Role.CORPORATE_AUTHOR)
        else:
            self.credit(r, a, [("compiler", self.people(a, Role.COMPILER, rng.randint(1, 2)))])
            self.imprint(r, a, "m")
        width, height = rng.choice(MAP_SIZES)
        size = words.words["cm"].format(n=f"{width} × {height}")
        r.extent = Extent(words.words["map"], words.words["map_colour"], size)

    def serial(self, r: Record, a: About) -> None:
        rng, words = self.rng, a.words
        journal = rng.choice(journals(a.language, a.year))
        number = rng.randint(1, 12 if a.language == "eng" else 4)
        issue = words.words["issue"].format(v=a.year - journal.since + 1, n=number)
        r.title = f"{journal.title}. {issue}"  # the issue is part of the title proper (245 $n)
        r.title_remainder = rng.choice(words.remainders["serial"])
        if rng.random() < 0.8:
            r.identifiers.append(Identifier(IdentifierType.ISSN, journal.issn))
        r.places.append(city_name(journal.city, a.language, a.year))
        r.publishers.append(journal.publisher)
        self.extent(r, a, (60, 180), 0.7, (29,) if a.language != "eng" else (28,))

    def electronic(self, r: Record, a: About) -> None:
        body = self.body(a, online=True) or names.BODIES["carec"]
        self.credit_body(r, a, body, Role.ISSUING_BODY)
        r.title_remainder = self.rng.choice(a.words.remainders["electronic"])
        self.link(r, a, body.url.format(n=self.rng.randint(1000, 99999)))
        if a.words.words["screen"]:
            r.notes.append(a.words.words["screen"])

    def audiovisual(self, r: Record, a: About) -> None:
        rng = self.rng
        body = self.body(a)
        if body is not None:
            self.credit_body(r, a, body, Role.ISSUING_BODY)
        else:
            self.imprint(r, a)
        r.title_remainder = rng.choice(a.words.remainders["audiovisual"])
        medium = "dvd" if a.year >= 2000 else "vhs"
        r.extent.pages = a.words.words[medium].format(n=rng.choice((15, 20, 26, 30, 45, 52, 60)))

    def standard(self, r: Record, a: About, standard: names.Standard) -> None:
        r.title = f"{standard.designation}. {standard.title}"
        for prefix, city, since, until, publisher in names.STANDARD_PUBLISHERS:
            if standard.designation.startswith(prefix) and since <= a.year <= until:
                r.places.append(city_name(city, a.language, a.year))
                r.publishers.append(publisher)
                break
        if standard.designation.startswith("ГОСТ"):
            r.notes.append(f"Введ. {standard.year + 1}-01-01")
        r.extent.pages = a.words.words["pages"].format(n=self.rng.randint(8, 64))


@cache
def _name_forms(culture: str, language: str) -> tuple[tuple[tuple[str, str], ...], tuple, tuple]:
    """Surnames of a nation as a ``language`` publication prints them, each with its form in the
    other script (Akhmetov / Ахметов), and initials in that spelling: single ones (only Western
    names go by one initial) and pairs."""
    people = names.PEOPLE[culture]
    if language == "rus":
        forms, script = [(p.russian, p.latin) for p in people], "rus"
    elif language == "eng":  # Central Asian and Russian names keep their Cyrillic form
        forms = [(p.latin, "" if culture == "intl" else p.russian) for p in people]
        script = "intl" if culture == "intl" else "eng"
    elif language in ("uzb", "tuk"):  # Latin-script languages: own spelling, or romanised
        forms = [(p.own if culture == language else p.latin, p.russian) for p in people]
        script = language
    else:  # Cyrillic: own spelling for one's own people, the Russian one for the others
        forms = [(p.own if culture == language else p.russian, p.latin) for p in people]
        script = language if culture == language else "rus"
    forms = [(name, "" if other == name else other) for name, other in forms]
    letters = names.INITIALS[script]
    one = tuple(f"{a}." for a in letters) if script == "intl" else ()
    return tuple(forms), one, tuple(f"{a}. {b}." for a in letters for b in letters)


def _genitive(surname: str) -> str:
    """Russian genitive of the Russian surnames in the demo («пер. с англ. А. А. Петровой»)."""
    for ending, replacement in (("ская", "ской"), ("ский", "ского"), ("ова", "овой")):
        if surname.endswith(ending):
            return surname[: -len(ending)] + replacement
    for ending, replacement in (("ева", "евой"), ("ина", "иной"), ("ов", "ова"), ("ев", "ева")):
        if surname.endswith(ending):
            return surname[: -len(ending)] + replacement
    return surname + "а" if surname.endswith("ин") else surname


# --- cached choices (no randomness inside, so caching keeps the output deterministic) -------
class Eras:
    """The stretches of years in which none of a table's entries begins or ends.

    Choices that depend on the year only through such spans are cached per era, not per year:
    a handful of cache entries instead of one per year.
    """

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.edges = sorted({edge for since, until in spans for edge in (since, until + 1)})

    def of(self, year: int) -> int:
        """The first year of the era ``year`` belongs to, which stands for all its years."""
        i = _bisect(self.edges, year)
        return self.edges[i - 1] if i else year


_BODY_ERAS = Eras((body.since, body.until) for body in names.BODIES.values())
_PUBLISHER_ERAS = Eras((p.since, p.until) for p in names.PUBLISHERS)


def _bodies(language: str, year: int, country: str, online: bool) -> Weighted[names.Body] | None:
    return _bodies_of_era(language, _BODY_ERAS.of(year), country, online)


@cache
def _bodies_of_era(
    language: str, year: int, country: str, online: bool
) -> Weighted[names.Body] | None:
    """Bodies that existed and wrote in ``language``; CAREC's own and national ones preferred."""
    weights = [
        (body, 3 if body.key == "carec" or (country and body.country == country) else 1)
        for body in names.BODIES.values()
        if language in body.names and body.since <= year <= body.until and (body.url or not online)
    ]
    return Weighted(weights) if weights else None


def _publishers(language: str, year: int, kinds: str) -> Weighted[names.Publisher] | None:
    return _publishers_of_era(language, _PUBLISHER_ERAS.of(year), kinds)


@cache
def _publishers_of_era(language: str, year: int, kinds: str) -> Weighted[names.Publisher] | None:
    weights = [
        (p, 1)
        for p in names.PUBLISHERS
        if p.language == language and p.since <= year <= p.until and set(kinds) & set(p.kinds)
    ]
    return Weighted(weights) if weights else None


@cache
def journals(language: str, year: int) -> tuple[names.Journal, ...]:
    """Journals in ``language`` published in ``year`` (the generator only asks when there are)."""
    return tuple(j for j in names.JOURNALS if j.language == language and j.since <= year <= j.until)
