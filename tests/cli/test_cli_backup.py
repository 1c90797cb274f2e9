"""`library-app backup` / `restore`: round trips on SQLite and PostgreSQL and across them, the
--force rule, damaged backups, and a PostgreSQL catalog that keeps working after a restore."""

from __future__ import annotations

import gzip
import json
import random
from pathlib import Path

import pytest

from library_app.config import CatalogLocation
from library_app.core.model import Copy, Record
from library_app.db.backup import backup
from library_app.db.catalog import open_catalog
from library_app.db.records import RecordRepository

SQLITE_MAGIC = b"SQLite format 3\x00"
GZIP_MAGIC = b"\x1f\x8b"


def backend(location: CatalogLocation) -> str:
    return "sqlite" if location.is_sqlite else "postgresql"


def populate(run_cli, location: CatalogLocation, write_json) -> None:
    """A demo collection plus hand-made records that use what the demo may not: Cyrillic
    inventory numbers, prices and dates on copies, an edited record, a record in the trash."""
    assert run_cli.json(location, "demo", "--records", "200", "--seed", "5")["added"] == 200
    manual = run_cli.add(
        location,
        "--type", "report",
        "--title", "Балқаш көлінің экологиялық жағдайы",
        "--author", "Ахметов, Асқар",
        "--issuing-body", "РЭЦЦА",
        "--year", "[2015?]",
        "--language", "kk",
        "--language", "ru",
        "--isbn", "0-306-40615-2",
        "--copy", "Қ-1:BC-Қ1:Читальный зал",
        "--copy", "Қ-2",
    )  # fmt: skip
    rich = {
        "title": "Аральское море: атлас",
        "material_type": "map",
        "year": "1998-2003",
        "languages": ["rus", "eng"],
        "scale": "1:1 000 000",
        "links": [{"url": "https://example.org/aral", "access_date": "2024-02-29"}],
        "copies": [
            {"inventory_number": "А-1", "status": "on_loan", "price": "12500.50",
             "currency": "KZT", "acquired_on": "2004-05-06", "source": "gift", "note": "дар"},
            {"inventory_number": "А-2", "status": "lost", "shelf_mark": "К 12"},
        ],
    }  # fmt: skip
    run_cli.add(location, "--from", write_json("rich.json", rich))
    run_cli.ok(location, "edit", str(manual), "--set", "edition=2-е изд., испр.")
    run_cli.ok(location, "delete", "3")


def assert_catalog_keeps_working(run_cli, location: CatalogLocation, snapshot: dict) -> None:
    """New records, copies and journal entries get fresh ids (PostgreSQL: sequences were reset)."""
    highest = max(snapshot["records"])
    new_id = run_cli.add(
        location, "--title", "После восстановления", "--year", "2024", "--language", "ru",
        "--copy", "NEW-1",
    )  # fmt: skip
    assert new_id == highest + 1
    copy_ids = [c["id"] for r in snapshot["records"].values() for c in r["copies"]]
    (new_copy,) = run_cli.json(location, "show", str(new_id))["copies"]
    assert new_copy["id"] > max(copy_ids)
    assert run_cli.json(location, "edit", "1", "--set", "edition=3-е изд.")["version"] >= 2
    assert run_cli.ok(location, "check").out.endswith("No problems found.\n")


# --- round trips ------------------------------------------------------------------------------


def test_backup_restores_identically_into_a_new_catalog_on_the_same_backend(
    run_cli, location, new_location, snapshot, write_json, tmp_path
):
    populate(run_cli, location, write_json)
    before = snapshot(location)
    assert before["stats"]["records"] == 201
    assert before["stats"]["deleted_records"] == 1

    target_file = tmp_path / "library.backup"
    made = run_cli.json(location, "backup", target_file)
    kind = "sqlite" if location.is_sqlite else "dump"
    assert made == {"file": str(target_file), "format": kind, "records": 202}
    magic = SQLITE_MAGIC if location.is_sqlite else GZIP_MAGIC
    assert target_file.read_bytes().startswith(magic)
    assert not list(tmp_path.glob(".*partial"))

    restored = new_location(backend(location))
    assert run_cli.json(restored, "restore", target_file) == {"restored_records": 202}
    after = snapshot(restored)
    assert after == before
    assert_catalog_keeps_working(run_cli, restored, after)


def test_sqlite_catalog_backed_up_as_a_portable_dump_restores_identically(
    run_cli, sqlite_location, new_location, snapshot, write_json, tmp_path
):
    populate(run_cli, sqlite_location, write_json)
    before = snapshot(sqlite_location)
    dump = tmp_path / "library.dump.gz"
    made = run_cli.json(sqlite_location, "backup", dump, "--format", "dump")
    assert made["format"] == "dump"
    with gzip.open(dump, "rt", encoding="utf-8") as lines:
        header = json.loads(lines.readline())
    assert header["format"] == "library-app-dump"

    restored = new_location("sqlite")
    result = run_cli.ok(restored, "restore", dump)
    assert result.out.startswith("Restored 202 records into ")
    assert result.err == ""  # no progress bar when stderr is not a terminal
    assert snapshot(restored) == before


@pytest.mark.postgres
def test_sqlite_backup_restores_identically_into_postgresql(
    run_cli, sqlite_location, new_location, snapshot, write_json, tmp_path
):
    populate(run_cli, sqlite_location, write_json)
    before = snapshot(sqlite_location)
    copy = tmp_path / "library.sqlite"
    assert run_cli.json(sqlite_location, "backup", copy)["format"] == "sqlite"

    restored = new_location("postgresql")
    result = run_cli.ok(restored, "restore", copy)
    assert "PostgreSQL database" in result.out
    after = snapshot(restored)
    assert after == before
    assert_catalog_keeps_working(run_cli, restored, after)


@pytest.mark.postgres
def test_postgresql_dump_restores_identically_into_sqlite(
    run_cli, new_location, snapshot, write_json, tmp_path
):
    source = new_location("postgresql")
    populate(run_cli, source, write_json)
    before = snapshot(source)
    dump = tmp_path / "library.dump"
    assert run_cli.json(source, "backup", dump)["format"] == "dump"

    restored = new_location("sqlite")
    assert run_cli.json(restored, "restore", dump) == {"restored_records": 202}
    after = snapshot(restored)
    assert after == before
    assert_catalog_keeps_working(run_cli, restored, after)


@pytest.mark.postgres
def test_sqlite_copy_of_a_postgresql_catalog_is_refused(run_cli, new_location, tmp_path):
    location = new_location("postgresql")
    run_cli(location, "backup", tmp_path / "x.sqlite", "--format", "sqlite").assert_user_error(
        "only be made of a SQLite catalog"
    )
    assert not (tmp_path / "x.sqlite").exists()


def test_backup_to_a_folder_is_refused(run_cli, location, tmp_path):
    run_cli(location, "backup", tmp_path).assert_user_error("is a folder")


# --- restoring over a catalog -----------------------------------------------------------------


def small_catalog(run_cli, location: CatalogLocation, titles: list[str], prefix: str) -> None:
    for number, title in enumerate(titles, start=1):
        run_cli.add(location, "--title", title, "--year", "2001", "--language", "kk",
                    "--copy", f"{prefix}-{number}")  # fmt: skip


def test_restore_into_a_non_empty_catalog_needs_force_and_then_replaces_it(
    run_cli, location, new_location, snapshot, tmp_path
):
    source = new_location(backend(location))
    small_catalog(run_cli, source, ["Бір", "Екі", "Үш"], "S")
    backup_file = tmp_path / "source.backup"
    run_cli.ok(source, "backup", backup_file)
    wanted = snapshot(source)

    small_catalog(run_cli, location, ["Уже здесь"], "T")
    before = snapshot(location, shows=False)
    result = run_cli(location, "restore", backup_file)
    result.assert_user_error("is not empty", "--force")
    assert snapshot(location, shows=False) == before

    assert run_cli.json(location, "restore", backup_file, "--force") == {"restored_records": 3}
    assert snapshot(location) == wanted
    assert_catalog_keeps_working(run_cli, location, wanted)


def truncated_dump(run_cli, location, tmp_path: Path) -> Path:
    dump = tmp_path / "full.dump"
    run_cli.ok(location, "backup", dump, "--format", "dump")
    data = dump.read_bytes()
    cut = tmp_path / "truncated.dump"
    cut.write_bytes(data[: len(data) // 2])
    return cut


def truncated_sqlite_copy(run_cli, location, tmp_path: Path) -> Path:
    other = CatalogLocation(tmp_path / "other", f"sqlite:///{tmp_path / 'other' / 'c.sqlite'}")
    small_catalog(run_cli, other, ["Другой"], "O")
    copy = tmp_path / "full.sqlite"
    run_cli.ok(other, "backup", copy)
    data = copy.read_bytes()
    cut = tmp_path / "truncated.sqlite"
    cut.write_bytes(data[: len(data) // 2])
    return cut


def garbage(run_cli, location, tmp_path: Path) -> Path:
    path = tmp_path / "garbage.bin"
    path.write_bytes(random.Random(1).randbytes(5000))
    return path


def random_gzip(run_cli, location, tmp_path: Path) -> Path:
    path = tmp_path / "random.gz"
    path.write_bytes(gzip.compress(random.Random(2).randbytes(5000)))
    return path


def gzip_of_other_json(run_cli, location, tmp_path: Path) -> Path:
    path = tmp_path / "other.json.gz"
    path.write_bytes(gzip.compress(b'{"format": "something-else"}\n["records", [1]]\n'))
    return path


def empty_file(run_cli, location, tmp_path: Path) -> Path:
    path = tmp_path / "empty.backup"
    path.write_bytes(b"")
    return path


@pytest.mark.parametrize(
    ("make_file", "fragments"),
    [
        (garbage, ["neither a library-app SQLite backup nor a portable dump"]),
        (truncated_dump, ["is damaged or truncated"]),
        (random_gzip, ["is damaged or truncated"]),
    ],
    ids=lambda value: getattr(value, "__name__", ""),
)
def test_restore_of_a_damaged_backup_is_refused_and_leaves_the_catalog_unchanged(
    run_cli, location, snapshot, tmp_path, make_file, fragments
):
    small_catalog(run_cli, location, ["Остаётся как есть", "Тоже"], "K")
    bad = make_file(run_cli, location, tmp_path)
    before = snapshot(location, shows=False)
    result = run_cli(location, "restore", bad, "--force")
    result.assert_user_error(str(bad), *fragments)
    assert snapshot(location, shows=False) == before


@pytest.mark.parametrize(
    ("make_file", "fragments"),
    [
        (empty_file, ["neither a library-app SQLite backup nor a portable dump"]),
        (gzip_of_other_json, ["is a gzip file but not a library-app dump"]),
        (truncated_sqlite_copy, ["cannot be restored"]),
    ],
    ids=lambda value: getattr(value, "__name__", ""),
)
def test_restore_refuses_files_that_are_not_complete_backups(
    run_cli, sqlite_location, tmp_path, make_file, fragments
):
    small_catalog(run_cli, sqlite_location, ["Остаётся как есть"], "K")
    bad = make_file(run_cli, sqlite_location, tmp_path)
    result = run_cli(sqlite_location, "restore", bad, "--force")
    result.assert_user_error(str(bad), *fragments)
    assert [r["title"] for r in run_cli.json(sqlite_location, "list")] == ["Остаётся как есть"]


def test_restore_of_a_missing_file_is_refused(run_cli, location, tmp_path):
    run_cli(location, "restore", tmp_path / "nowhere.dump").assert_user_error("no such backup file")


# --- dumps damaged in ways the gzip layer or the rows reveal ----------------------------------


@pytest.fixture(scope="module")
def good_dump_lines(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The lines of a valid portable dump of a two-record catalog."""
    folder = tmp_path_factory.mktemp("good-dump")
    location = CatalogLocation(folder, f"sqlite:///{folder / 'catalog.sqlite'}")
    with open_catalog(location) as catalog:
        RecordRepository(catalog).add_many(
            [
                Record("Бір", year="2001", languages=["kaz"], copies=[Copy("D-1")]),
                Record("Екі", year="2002", languages=["kaz"], copies=[Copy("D-2")]),
            ]
        )
        backup(catalog, folder / "good.dump", kind="dump")
    return gzip.decompress((folder / "good.dump").read_bytes()).decode().splitlines(True)


def corrupt_deflate_data(lines: list[str]) -> bytes:
    """The header and half the rows intact, then a gzip member whose compressed data is damaged
    (its first deflate block has the reserved block type 11, as bit rot can produce)."""
    middle = len(lines) // 2
    tail = bytearray(gzip.compress("".join(lines[middle:]).encode(), mtime=0))
    tail[10] = 0b111  # BFINAL=1, BTYPE=11 (reserved): zlib raises "invalid block type"
    return gzip.compress("".join(lines[:middle]).encode(), mtime=0) + bytes(tail)


def row_with_a_missing_column(lines: list[str]) -> bytes:
    name, values = json.loads(lines[1])
    lines[1] = json.dumps([name, values[:-1]]) + "\n"
    return gzip.compress("".join(lines).encode())


def row_with_a_bad_timestamp(lines: list[str]) -> bytes:
    for index, line in enumerate(lines[1:], start=1):
        name, values = json.loads(line)
        if name == "records":
            values = ["not a time" if str(v).startswith("20") and "T" in str(v) else v
                      for v in values]  # fmt: skip
            lines[index] = json.dumps([name, values], ensure_ascii=False) + "\n"
            break
    return gzip.compress("".join(lines).encode())


def duplicated_row(lines: list[str]) -> bytes:
    return gzip.compress("".join([lines[0], lines[1], *lines[1:]]).encode())


@pytest.mark.parametrize(
    "damage",
    [corrupt_deflate_data, row_with_a_missing_column, row_with_a_bad_timestamp, duplicated_row],
    ids=lambda damage: damage.__name__,
)
def test_restore_of_a_dump_damaged_inside_is_a_clear_user_error(
    run_cli, sqlite_location, tmp_path, good_dump_lines, damage
):
    small_catalog(run_cli, sqlite_location, ["Остаётся как есть"], "K")
    bad = tmp_path / "damaged.dump"
    bad.write_bytes(damage(list(good_dump_lines)))
    result = run_cli(sqlite_location, "restore", bad, "--force")
    # Holds today already: staging fails before the catalog is touched.
    assert [r["title"] for r in run_cli.json(sqlite_location, "list")] == ["Остаётся как есть"]
    result.assert_user_error(str(bad), "damaged")
