"""The query language end to end: operators, fields, sorting, paging, facets, snippets."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from library_app.search.query import All, Any, Not, Phrase, Value, Word, parse


def test_phrases_match_words_in_a_row_only(found):
    assert "en-aral" in found('"Aral Sea"')
    assert "en-aral-words" not in found('"Aral Sea"')
    assert "en-aral-words" in found("Aral sea")


def test_a_phrase_matches_other_forms_of_its_words(found):
    assert "ru-balkhash" in found('"водные ресурсы"')  # «водных ресурсов»


def test_or_not_and_minus(found):
    assert {"en-forest", "ru-soil"} <= set(found("forests OR почвы"))
    both = set(found("Balkhash"))
    without = set(found("Balkhash NOT lake"))
    assert "en-balkhash" in both and "en-balkhash" not in without
    assert set(found("Balkhash -lake")) == without
    assert "ru-balkhash" in without


def test_parentheses_group(found):
    result = set(found("(forests OR почвы) Kazakhstan"))
    assert "en-forest" in result  # "Kazakhstan" is in its title
    assert "ru-soil" in result  # «Казахстана» meets "Kazakhstan" through the key


def test_prefix_and_fuzzy(found, corpus):
    assert "en-forest" in found("fores*")
    assert "kk-balqash" in found("Балқ*")
    assert "en-balkhash" in found("Balkhsh~")
    result = corpus.search("Balkhsh")
    assert result.did_you_mean is not None and "balkhash" in result.did_you_mean.lower()
    assert result.total > 0


def test_nonsense_finds_nothing_and_suggests_nothing(corpus):
    result = corpus.search("zqxjkv")
    assert result.total == 0 and result.hits == [] and result.did_you_mean is None


@pytest.mark.parametrize(
    ("query", "present", "absent"),
    [
        ("title:Balkhash", "en-balkhash", "ru-water"),
        ("title:tributaries", "", "en-balkhash"),  # in its summary only
        ("tributaries", "en-balkhash", ""),
        ("author:Smith", "en-balkhash", "en-forest"),
        ("author:Иванов", "ru-water", "ru-balkhash"),
        ("author:Ivanov", "ru-water", "ru-balkhash"),  # a Latin-keyboard author search
        ("subject:forests", "en-forest", "en-balkhash"),
        ("place:Балхаш", "ru-balkhash", "en-balkhash"),
        ('title:"Aral Sea"', "en-aral", "en-aral-words"),
        ("заглавие:Почвы", "ru-soil", "ru-map"),  # Russian field names
    ],
)
def test_fields_restrict_where_words_are_looked_for(found, query, present, absent):
    result = found(query)
    assert not present or present in result
    assert absent not in result


@pytest.mark.parametrize(
    ("query", "present", "absent"),
    [
        ("year:2005", "ru-water", "ru-balkhash"),
        ("year:2005..2009", "ru-balkhash", "kk-balqash"),
        ("year:2000", "ru-range", "ru-water"),  # a record of 1998-2003 covers 2000
        ("year:..1990", "ru-chimkent", "ru-water"),
        ("lang:kk", "kk-balqash", "ru-balkhash"),
        ("lang:kaz", "kk-balqash", "ru-balkhash"),
        ("lang:казахский", "kk-balqash", "ru-balkhash"),
        ("type:report", "en-kyzylorda", "kk-kyzylorda"),
        ("type:отчёт", "en-kyzylorda", "kk-kyzylorda"),
        ("type:thesis", "ru-soil", "ru-map"),
        ("isbn:978-0-306-40615-7", "ru-water", "ru-balkhash"),
        ("isbn:0306406152", "ru-water", "ru-balkhash"),  # ISBN-10 finds the ISBN-13
        ("isbn:0-306-40615-2", "ru-water", "ru-balkhash"),
        ("inv:1001", "ru-water", "ru-balkhash"),
        ("inv:а-2", "en-kyzylorda", "ru-water"),  # Cyrillic inventory number, any case
        ("barcode:2000000000022", "en-kyzylorda", "ru-water"),
        ("udc:556.5", "ru-balkhash", "ru-soil"),
        ("udc:556", "ru-balkhash", "ru-soil"),  # classes are hierarchical
        ("удк:631.4", "ru-soil", "ru-balkhash"),
        ("id:ru-soil", "ru-soil", "ru-map"),
        ("lang:kk Балқаш", "kk-balqash", "en-balqash"),
    ],
)
def test_value_fields(found, query, present, absent):
    result = found(query)
    assert present in result
    assert absent not in result


@pytest.mark.parametrize(
    ("query", "fragment"),
    [
        ('"Aral Sea', "quotation mark"),
        ("(forests OR почвы", "parenthesis"),
        ("forests)", "parenthesis"),
        ("colour:forests", "Unknown field"),
        ("year:soon forests", "year"),
        ("lang:klingon forests", "Unknown language"),
        ("type:novel forests", "Unknown material type"),
    ],
)
def test_malformed_queries_are_repaired_and_explained(corpus, query, fragment):
    result = corpus.search(query)
    assert any(fragment in message for message in result.messages), result.messages
    assert result.total > 0  # the readable part was still searched


def test_deleted_records_are_not_found(corpus):
    hits = corpus.search("Удалённая запись", limit=100).hits
    assert all("Удалённая" not in hit.title for hit in hits)


def test_sort_by_title_puts_cyrillic_first_in_kazakh_order(corpus):
    titles = [h.title for h in corpus.search("lang:kaz OR lang:eng", sort="title", limit=500).hits]
    first_latin = next(i for i, t in enumerate(titles) if t[0].isascii())
    assert all(not t[0].isascii() for t in titles[:first_latin])
    assert all(t[0].isascii() or t[0] in "«[" for t in titles[first_latin:])
    kazakh = [t for t in titles if t[0] in "БҚ"]
    # Kazakh alphabet: … К Қ …, Б before both
    assert kazakh == sorted(kazakh, key=lambda t: "БКҚ".index(t[0]))


def test_sort_by_year_newest_first_and_paging(corpus):
    first = corpus.search("Balkhash", sort="year", limit=3)
    second = corpus.search("Balkhash", sort="year", limit=3, offset=3)
    years = [int(h.year[:4]) for h in first.hits + second.hits]
    assert years == sorted(years, reverse=True)
    assert not {h.id for h in first.hits} & {h.id for h in second.hits}
    assert first.total == second.total >= 6


def test_sort_by_author(corpus):
    hits = corpus.search("Balkhash", sort="author", limit=50).hits
    authored = [h.authors[0] for h in hits if h.authors]
    assert authored.index("Петров, П. П.") < authored.index("Smith, John")


def test_facets_count_all_hits(corpus):
    result = corpus.search("Балхаш", facets=True, limit=1)
    languages = dict(result.facets["language"])
    assert languages["rus"] >= 1 and languages["kaz"] >= 1 and languages["eng"] >= 2
    assert sum(languages.values()) >= result.total
    assert set(result.facets) == {
        "language", "type", "decade", "subject", "location", "availability",
    }  # fmt: skip
    availability = dict(corpus.search("id:ru-balkhash", facets=True).facets["availability"])
    assert availability == {"on_loan": 1}


def test_facet_filters_narrow_the_result(corpus):
    everything = corpus.search("Балхаш", limit=100)
    kazakh = corpus.search("Балхаш", limit=100, filters={"language": ["kaz"]})
    assert 0 < kazakh.total < everything.total
    lost = corpus.search("", filters={"availability": ["unavailable"]}, limit=500)
    assert "en-kyzylorda" in [h.control_number for h in lost.hits]
    assert "ru-water" not in [h.control_number for h in lost.hits]
    assert lost.total < corpus.search("", limit=1).total
    decade = corpus.search("Balkhash", filters={"decade": ["2000s"]}, limit=100)
    assert {h.year for h in decade.hits} <= {str(y) for y in range(2000, 2010)}


def test_snippets_highlight_matches_in_any_form(corpus):
    hit = next(h for h in corpus.search("Балхаш").hits if h.control_number == "kk-balqash")
    assert "<b>Балқаштың</b>" in hit.snippet.html
    assert "«Балқаштың»" in hit.snippet.text
    aral = next(h for h in corpus.search("shrunk").hits if h.control_number == "en-aral")
    assert aral.snippet.source == "summary" and "<b>shrunk</b>" in aral.snippet.html


def test_json_shape(corpus):
    data = corpus.search("Balkhash", facets=True).to_json()
    assert {"total", "results", "facets", "did_you_mean"} <= set(data)
    assert {"id", "control_number", "title", "authors", "year", "language", "type", "score",
            "snippet"} <= set(data["results"][0])  # fmt: skip


# --- the parser on its own --------------------------------------------------------------


def test_parser_structure():
    parsed = parse('водные "Aral Sea" -dam (a OR b) title:Балқаш year:2005..2009 fores* x~')
    root = parsed.root
    assert isinstance(root, All)
    kinds = [type(child) for child in root.children]
    assert kinds == [Word, Phrase, Not, Any, Word, Value, Word, Word]
    assert root.children[4] == Word("Балқаш", "title")
    assert root.children[6] == Word("fores", prefix=True)
    assert root.children[7].fuzzy != 0
    assert parsed.messages == []


def test_hyphenated_words_are_not_negations():
    root = parse("Ысык-Кол").root
    assert isinstance(root, Word) and root.text == "Ысык-Кол"


@given(st.text(max_size=80))
@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_no_string_makes_the_search_fail(corpus, text):
    result = corpus.search(text, limit=5, facets=True)
    assert result.total >= 0


@given(
    st.lists(
        st.sampled_from(
            ['"', "(", ")", "-", "OR", "NOT", "*", "~", ":", "title:", "year:", "lang:", "isbn:",
             "Балқаш", "water", "ИЛИ", "НЕ", "udc:", "..", "«", "»", " "]
        ),
        max_size=12,
    )
)  # fmt: skip
@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_no_combination_of_operators_makes_the_search_fail(corpus, pieces):
    corpus.search("".join(pieces), limit=5)
    corpus.search(" ".join(pieces), limit=5, sort="title")


@pytest.mark.parametrize(
    "query", ["Балхаш", "water OR вода", "ecology -lake", "экол*", "year:2000..2010"]
)
def test_the_total_and_facets_do_not_depend_on_the_page_size(corpus, query):
    small = corpus.search(query, limit=1, facets=True)
    everything = corpus.search(query, limit=1000, facets=True)
    assert small.total == everything.total == len(everything.hits)
    assert small.facets == everything.facets
