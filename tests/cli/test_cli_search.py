"""`library-app search / reindex` and the index part of `check`, end to end on SQLite and
PostgreSQL."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

RESULT_KEYS = {"id", "control_number", "title", "authors", "year", "language", "type", "score",
               "snippet"}  # fmt: skip
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


@pytest.fixture
def filled(run_cli, location):
    run_cli.ok(location, "demo", "--records", "120", "--seed", "2")
    run_cli.add(
        location, "--title", "Балқаш көлінің экологиясы", "--language", "kaz", "--year", "2010",
        "--author", "Сәрсенбаев, Қ.", "--subject", "Экология",
    )  # fmt: skip
    return location


def test_first_search_builds_the_index_then_answers_in_json(run_cli, filled):
    first = run_cli(filled, "search", "Балкаш", "--json")
    data = first.json()
    assert data["total"] >= 1
    assert set(data["results"][0]) >= RESULT_KEYS
    assert "Балқаш көлінің экологиясы" in [r["title"] for r in data["results"]]
    assert data["did_you_mean"] is None and "facets" not in data
    again = run_cli(filled, "search", "Балкаш")
    assert again.code == 0 and "Building the search index" not in again.err
    assert "Балқаш көлінің экологиясы" in again.out and "found" in again.out


def test_a_record_added_a_moment_ago_is_found(run_cli, filled):
    run_cli.ok(filled, "search", "anything", "--json")  # the index exists and is current
    record_id = run_cli.add(filled, "--title", "Snow leopard of the Tien Shan", "--year", "2020")
    data = run_cli.json(filled, "search", "leopard")
    assert [r["id"] for r in data["results"]] == [record_id]
    run_cli.ok(filled, "delete", str(record_id))
    assert run_cli.json(filled, "search", "leopard")["total"] == 0


def test_options_sort_page_and_count_facets(run_cli, filled):
    everything = run_cli.json(filled, "search", "lang:rus", "--limit", "5", "--sort", "year")
    years = [r["year"][:4] for r in everything["results"]]
    assert years == sorted(years, reverse=True)
    page_two = run_cli.json(
        filled, "search", "lang:rus", "--limit", "5", "--offset", "5", "--sort", "year"
    )
    assert not {r["id"] for r in everything["results"]} & {r["id"] for r in page_two["results"]}
    with_facets = run_cli.json(filled, "search", "lang:rus", "--facets")
    assert with_facets["facets"]["language"]["rus"] == with_facets["total"]
    table = run_cli.ok(filled, "search", "lang:rus", "--facets").out
    assert "language: rus" in table


def test_did_you_mean(run_cli, filled):
    data = run_cli.json(filled, "search", "экалогиясы")
    assert data["did_you_mean"] is not None and data["total"] >= 1
    text = run_cli.ok(filled, "search", "экалогиясы").out
    assert "Showing results for" in text


def test_a_malformed_query_is_explained_and_exits_1(run_cli, filled):
    result = run_cli(filled, "search", '"Балқаш көлінің')
    assert result.code == 1
    assert "quotation mark" in result.err and "Traceback" not in result.err
    assert "Балқаш көлінің экологиясы" in result.out  # searched anyway


def test_queries_file_prints_one_json_object_per_line(run_cli, filled, tmp_path):
    queries = tmp_path / "queries.txt"
    queries.write_text("Балкаш\n\nlang:kk\nyear:1990..1999\n", encoding="utf-8")
    lines = run_cli.ok(filled, "search", "--queries-file", queries).out.splitlines()
    objects = [json.loads(line) for line in lines]
    assert [o["query"] for o in objects] == ["Балкаш", "lang:kk", "year:1990..1999"]
    assert all("total" in o for o in objects)


def test_a_queries_file_in_the_wrong_encoding_is_refused_with_its_line(run_cli, filled, tmp_path):
    queries = tmp_path / "queries.txt"
    queries.write_bytes("water\nводные ресурсы\n".encode("cp1251"))
    run_cli(filled, "search", "--queries-file", queries).assert_user_error(
        "queries.txt", "line 2", "UTF-8"
    )
    run_cli(filled, "search", "--queries-file", tmp_path / "missing.txt").assert_user_error(
        "missing.txt"
    )
    run_cli(filled, "search").assert_user_error("QUERY")


def test_reindex_and_check_compare_the_index_with_the_catalog(run_cli, filled):
    assert run_cli.json(filled, "reindex")["indexed"] == 121
    assert run_cli.json(filled, "check")["ok"] is True
    state = json.loads((filled.data_dir / "index" / "state.json").read_text())
    shutil.rmtree(filled.data_dir / "index" / state["generation"])
    report = run_cli(filled, "check", "--json").json(code=1)
    assert any("search index" in p and "reindex" in p for p in report["problems"])
    run_cli.ok(filled, "reindex")
    assert run_cli.json(filled, "check")["ok"] is True


@pytest.mark.skipif(not FONT.exists(), reason="DejaVu Sans is needed to write Kazakh text")
def test_text_of_an_attached_pdf_is_found_with_its_page(run_cli, filled, tmp_path):
    from tests.search.test_index_lifecycle import _pdf

    pdf = _pdf(tmp_path / "survey.pdf", ["Contents", "Сексеуіл тоғайларының жағдайы"])
    record_id = run_cli.add(filled, "--title", "Field survey 2021", "--year", "2021")
    run_cli.ok(filled, "attach", str(record_id), str(pdf))
    data = run_cli.json(filled, "search", "сексеуил")
    assert [r["id"] for r in data["results"]] == [record_id]
    assert data["results"][0]["page"] == 2
    text = run_cli.ok(filled, "search", "сексеуил").out
    assert "survey.pdf, p. 2" in text


def test_search_answers_from_the_index_while_another_program_writes_it(run_cli, filled):
    from whoosh import index as whoosh_index

    run_cli.ok(filled, "search", "anything")
    record_id = run_cli.add(filled, "--title", "Snow leopard of the Tien Shan", "--year", "2020")
    state = json.loads((filled.data_dir / "index" / "state.json").read_text())
    held = whoosh_index.open_dir(str(filled.data_dir / "index" / state["generation"])).writer()
    try:
        busy = run_cli(filled, "search", "Балкаш")
        assert busy.code == 0 and "another program is updating the search index" in busy.err
        assert "Балқаш көлінің экологиясы" in busy.out
    finally:
        held.cancel()
    assert [r["id"] for r in run_cli.json(filled, "search", "leopard")["results"]] == [record_id]
