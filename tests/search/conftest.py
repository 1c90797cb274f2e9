"""A small multilingual catalogue, indexed once per module, for the search behaviour tests.

The records are hand-made so each test can name the record it expects; 150 demo records around
them give the ranking realistic term statistics.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from library_app.config import CatalogLocation
from library_app.core.model import (
    Classification,
    ClassificationScheme,
    Contributor,
    Copy,
    CopyStatus,
    Identifier,
    IdentifierType,
    MaterialType,
    Record,
)
from library_app.db.catalog import Catalog, open_catalog
from library_app.db.records import RecordRepository
from library_app.search.index import SearchIndex
from library_app.search.searching import CatalogSearcher, SearchResult
from library_app.services.demo import generate_records


def record(
    key: str,
    title: str,
    languages: list[str],
    year: str = "2005",
    **fields: object,
) -> Record:
    """A record whose control number is ``key`` (tests find records by it)."""
    authors = fields.pop("authors", [])
    return Record(
        title=title,
        languages=languages,
        year=year,
        control_number=key,
        contributors=[Contributor(*a.split(", ", 1)) for a in authors],  # type: ignore[attr-defined]
        **fields,  # type: ignore[arg-type]
    )


CORPUS = [
    record("ru-water", "Водные ресурсы Центральной Азии", ["rus"], "2005",
           authors=["Иванов, И. И."], subjects=["Водные ресурсы"],
           geographic_names=["Центральная Азия"],
           identifiers=[Identifier(IdentifierType.ISBN, "9780306406157")],
           copies=[Copy("1001", barcode="0000001001", location="Читальный зал")]),
    record("ru-balkhash", "Оценка водных ресурсов бассейна озера Балхаш", ["rus"], "2008",
           authors=["Петров, П. П."], geographic_names=["Балхаш"],
           classifications=[Classification(ClassificationScheme.UDC, "556.5")],
           copies=[Copy("1002", location="Абонемент", status=CopyStatus.ON_LOAN)]),
    record("kk-balqash", "Балқаш көлінің экологиясы", ["kaz"], "2010",
           summary="Балқаштың экологиялық жағдайы жан-жақты талданған.",
           authors=["Сәрсенбаев, Қ. Ә."], subjects=["Экология"]),
    record("kk-kyzylorda", "Қызылорда облысының табиғаты", ["kaz"], "2012",
           geographic_names=["Қызылорда"], material_type=MaterialType.BOOK),
    record("en-balkhash", "Ecology of Lake Balkhash", ["eng"], "2003",
           authors=["Smith, John"], summary="Pollution of the lake and its tributaries."),
    record("en-forest", "Forest management in Kazakhstan", ["eng"], "1998",
           subjects=["Forests"], authors=["Brown, Anne"]),
    record("en-balqash", "Balqash lake monitoring", ["eng"], "2015"),
    record("uz-water", "Oʻzbekiston suv resurslari", ["uzb"], "2007",
           summary="Suvlarining ifloslanishi va muhofazasi."),
    record("uz-ecology", "O'zbekistonning ekologiyasi", ["uzb"], "2011"),
    record("ru-shymkent", "Экология Шымкента", ["rus"], "2001"),
    record("ru-chimkent", "Промышленность Чимкента", ["rus"], "1985"),
    record("en-kyzylorda", "Kyzylorda region environmental report", ["eng"], "2009",
           material_type=MaterialType.REPORT,
           copies=[Copy("А-2", barcode="2000000000022", location="Основной фонд",
                        status=CopyStatus.LOST)]),
    record("ru-stop", "О том и о сем", ["rus"], "1999"),
    record("tk-amu", "Amyderýa derýalarynyň ekologiýasy", ["tuk"], "2014"),
    record("ky-issyk", "Ысык-Көл көлүнүн экологиясы", ["kir"], "2006"),
    record("ru-soil", "Почвы Казахстана", ["rus"], "2002", material_type=MaterialType.THESIS,
           classifications=[Classification(ClassificationScheme.UDC, "631.4")]),
    record("ru-map", "Карта водных объектов Казахстана", ["rus"], "2019",
           material_type=MaterialType.MAP),
    record("en-aral", "The Aral Sea crisis", ["eng"], "1995",
           summary="The Aral Sea has shrunk dramatically since the 1960s."),
    record("en-aral-words", "Aral communities and the sea", ["eng"], "1996"),
    record("ru-range", "Экологический мониторинг 1998-2003 гг.", ["rus"], "1998-2003"),
]  # fmt: skip


@dataclass
class Corpus:
    catalog: Catalog
    index: SearchIndex
    searcher: CatalogSearcher
    ids: dict[str, int]  # control number → record id
    keys: dict[int, str]

    def search(self, text: str, **options: object) -> SearchResult:
        return self.searcher.search(text, **options)  # type: ignore[arg-type]

    def found(self, text: str, **options: object) -> list[str]:
        """Control numbers of the hand-made records found, in result order."""
        options.setdefault("limit", 200)
        hits = self.search(text, **options).hits
        return [self.keys[h.id] for h in hits if h.id in self.keys]


def build_corpus(data_dir: Path) -> Iterator[Corpus]:
    location = CatalogLocation(data_dir, f"sqlite:///{data_dir / 'catalog.sqlite'}")
    with open_catalog(location) as catalog:
        repository = RecordRepository(catalog)
        repository.add_many(list(generate_records(150, seed=3, first_inventory=50_000)))
        ids = {}
        for item in CORPUS:
            ids[item.control_number] = repository.add(item).id
        deleted = repository.add(record("deleted", "Удалённая запись о Балхаше", ["rus"]))
        repository.delete(deleted.id or 0)
        index = SearchIndex(catalog)
        index.ensure_ready()
        searcher = CatalogSearcher(index)
        keys = {v: k for k, v in ids.items() if v is not None}
        yield Corpus(catalog, index, searcher, ids, keys)  # type: ignore[arg-type]
        searcher.close()
        index.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Corpus]:
    yield from build_corpus(tmp_path_factory.mktemp("corpus") / "data")


@pytest.fixture
def found(corpus: Corpus) -> Callable[..., list[str]]:
    return corpus.found
