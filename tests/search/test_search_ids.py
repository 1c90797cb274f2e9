"""Whole result lists as record ids: what the window's results table is built on."""

from __future__ import annotations

import pytest

from library_app.db.records import RecordRepository


@pytest.mark.parametrize("sort", ["relevance", "title", "author", "year"])
def test_ids_are_the_same_records_in_the_same_order_as_the_paged_search(corpus, sort):
    paged = corpus.search("Балхаш OR forests", sort=sort, limit=1000)
    listed = corpus.searcher.search_ids("Балхаш OR forests", sort=sort)
    assert listed.total == paged.total > 3
    assert listed.ids == [hit.id for hit in paged.hits]


def test_an_empty_query_lists_every_live_record_once(corpus):
    listed = corpus.searcher.search_ids("", sort="title")
    live = RecordRepository(corpus.catalog).ids()
    assert sorted(listed.ids) == live
    assert len(set(listed.ids)) == len(listed.ids)


def test_facets_and_filters_apply_to_the_whole_list(corpus):
    everything = corpus.searcher.search_ids("")
    counts = dict(everything.facets["language"])
    kazakh = corpus.searcher.search_ids("", filters={"language": ["kaz"]}, facets=False)
    assert kazakh.total == counts["kaz"] > 0
    assert kazakh.facets == {}


def test_a_misspelling_is_corrected_and_nonsense_explained(corpus):
    corrected = corpus.searcher.search_ids("Balkhsh")
    assert corrected.did_you_mean is not None and corrected.total > 0
    nothing = corpus.searcher.search_ids('"" ()')
    assert nothing.total == 0 and nothing.messages
