"""`library-app demo`: a synthetic multilingual collection, loadable more than once."""

from __future__ import annotations

from library_app.db.catalog import open_catalog
from library_app.db.records import RecordRepository


def test_demo_fills_a_multilingual_catalog(run_cli, location):
    assert run_cli.json(location, "demo", "--records", "300", "--seed", "7") == {
        "added": 300,
        "records": 300,
    }
    stats = run_cli.json(location, "stats")
    assert stats["records"] == 300
    assert len(stats["by_language"]) >= 5
    assert {"kaz", "rus"} <= set(stats["by_language"])
    assert sum(stats["by_type"].values()) == 300
    assert stats["copies"] > 0
    assert len(run_cli.json(location, "list")) == 300


def inventory_numbers_by_record(location) -> dict[int, list[str]]:
    with open_catalog(location) as catalog:
        repository = RecordRepository(catalog)
        records = repository.get_many(repository.ids())
    return {r.id: [c.inventory_number for c in r.copies] for r in records}


def test_demo_twice_on_the_same_catalog_continues_the_inventory_numbers(run_cli, location):
    run_cli.add(location, "--title", "Уже в каталоге", "--year", "2001", "--language", "ru",
                "--copy", "1", "--copy", "2")  # fmt: skip
    assert run_cli.json(location, "demo", "--records", "300", "--seed", "7")["records"] == 301
    result = run_cli.ok(location, "demo", "--records", "300", "--seed", "7")
    assert result.out == "Added 300 demo records; the catalog now holds 601.\n"
    assert result.err == ""

    stats = run_cli.json(location, "stats")
    assert stats["records"] == 601
    numbers = inventory_numbers_by_record(location)
    assert len(numbers) == 601
    every = [n for listed in numbers.values() for n in listed]
    assert len(every) == len(set(every)) == stats["copies"]
    ids = sorted(numbers)
    first_run = [int(n) for i in ids[1:301] for n in numbers[i] if n.isdigit()]
    second_run = [int(n) for i in ids[301:] for n in numbers[i] if n.isdigit()]
    assert first_run and second_run
    assert min(first_run) > 2  # after the hand-made copies 1 and 2
    assert min(second_run) > max(first_run)  # the second demo continued the numbering
    assert run_cli.ok(location, "check").code == 0


def test_demo_with_the_same_seed_describes_the_same_collection(
    run_cli, sqlite_location, new_location
):
    location = sqlite_location
    other = new_location("sqlite")
    run_cli.ok(location, "demo", "--records", "50", "--seed", "11")
    run_cli.ok(other, "demo", "--records", "50", "--seed", "11")
    assert run_cli.json(location, "stats") == run_cli.json(other, "stats")
    assert [
        {k: v for k, v in item.items() if k != "id"} for item in run_cli.json(location, "list")
    ] == [{k: v for k, v in item.items() if k != "id"} for item in run_cli.json(other, "list")]


def test_demo_refuses_a_record_count_below_one(run_cli, sqlite_location):
    result = run_cli(sqlite_location, "demo", "--records", "0")
    assert result.code == 2
    assert "must be at least 1" in result.err
    assert "Traceback" not in result.err
