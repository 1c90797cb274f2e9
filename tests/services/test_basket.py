"""The basket file: kept between sessions, written atomically, damaged files put aside."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from library_app.core.errors import Cancelled, StorageError
from library_app.core.model import Contributor, Record
from library_app.db.catalog import Catalog
from library_app.db.records import RecordRepository
from library_app.services.basket import Basket, basket_line, export_basket, safe_file_stem


def test_ids_survive_a_new_instance_in_the_order_they_were_added(tmp_path: Path) -> None:
    path = tmp_path / "baskets" / "reader.json"
    basket = Basket(path)
    assert basket.add([5, 3, 5]) == [5, 3]
    assert basket.add([3, 9]) == [9]

    again = Basket(path)
    assert again.ids == [5, 3, 9]
    assert len(again) == 3 and 9 in again and 4 not in again
    assert again.problem is None


def test_remove_and_clear_are_saved_too(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    basket = Basket(path)
    basket.add([1, 2, 3, 4])
    assert basket.remove([4, 2, 77]) == [2, 4]
    assert Basket(path).ids == [1, 3]
    basket.clear()
    assert Basket(path).ids == []
    assert json.loads(path.read_text(encoding="utf-8")) == {"version": 1, "ids": []}


def test_no_temporary_files_are_left_behind(tmp_path: Path) -> None:
    basket = Basket(tmp_path / "b.json")
    for number in range(1, 6):
        basket.add([number])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.json"]


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        json.dumps({"version": 1, "ids": ["seven"]}),
        json.dumps([1, 2, 3]),
        json.dumps({"version": 1, "ids": [0]}),
    ],
)
def test_damaged_file_is_kept_as_bad_and_the_basket_starts_empty(
    tmp_path: Path, content: str
) -> None:
    path = tmp_path / "b.json"
    path.write_text(content, encoding="utf-8")

    basket = Basket(path)

    assert basket.ids == []
    bad = tmp_path / "b.json.bad"
    assert basket.bad_file == bad
    assert bad.read_text(encoding="utf-8") == content
    assert basket.problem is not None and "damaged" in basket.problem and str(bad) in basket.problem
    basket.add([8])
    assert Basket(path).ids == [8]
    assert Basket(path).problem is None
    assert bad.read_text(encoding="utf-8") == content


def test_binary_garbage_is_put_aside_too(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    path.write_bytes(b"\xff\xfe\x00garbage\x80")
    basket = Basket(path)
    assert basket.ids == [] and basket.bad_file is not None and basket.bad_file.exists()


def test_a_failed_save_changes_nothing_and_says_where(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the baskets folder should be", encoding="utf-8")
    basket = Basket(blocker / "b.json")
    with pytest.raises(StorageError, match="cannot be saved"):
        basket.add([1])
    assert basket.ids == []


def test_for_user_gives_each_user_a_file_of_their_own(tmp_path: Path) -> None:
    first = Basket.for_user(tmp_path, "ivanov")
    first.add([1])
    second = Basket.for_user(tmp_path, "petrov")
    assert second.ids == []
    assert first.path == tmp_path / "baskets" / "ivanov.json"
    assert Basket.for_user(tmp_path, "ivanov").ids == [1]


@pytest.mark.parametrize(
    ("user", "stem"),
    [
        ("ivanov", "ivanov"),
        ("Сәрсенбаев", "Сәрсенбаев"),
        ("DOMAIN\\user", "DOMAIN_5cuser"),
        ("a_b", "a_5fb"),
        ("a b", "a_20b"),
        ("", "_default"),
        ("..", "_.."),
        ("con", "_con"),
    ],
)
def test_user_names_become_safe_distinct_file_names(user: str, stem: str) -> None:
    assert safe_file_stem(user) == stem


def test_distinct_users_never_share_a_file() -> None:
    names = ["a b", "a_b", "a_20b", "a/b", "a\\b"]
    assert len({safe_file_stem(n) for n in names}) == len(names)


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_an_unreadable_file_is_reported_without_moving_it(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    path.write_text(json.dumps({"version": 1, "ids": [1]}), encoding="utf-8")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):  # running as root: permissions do not stop us
            pytest.skip("the file stays readable for this user")
        basket = Basket(path)
        assert basket.ids == [] and basket.problem and basket.bad_file is None
        assert path.exists()
    finally:
        path.chmod(0o600)


@pytest.fixture
def three_records(catalog: Catalog) -> list[int]:
    return RecordRepository(catalog).add_many(
        [
            Record(
                title="Водные ресурсы", contributors=[Contributor("Иванов", "И. И.")], year="2005"
            ),
            Record(title="Saxaul", year="2012"),
            Record(title="Untitled notes."),
        ]
    )


def test_export_as_a_numbered_list_in_basket_order(
    catalog: Catalog, three_records: list[int], tmp_path: Path
) -> None:
    target = tmp_path / "basket.txt"
    ids = [three_records[1], 424_242, three_records[0], three_records[2]]
    assert export_basket(catalog, ids, target, as_json=False) == 3
    assert target.read_text(encoding="utf-8") == (
        "1. Saxaul. 2012\n2. Иванов, И. И. Водные ресурсы. 2005\n3. Untitled notes\n"
    )


def test_export_as_json_records_that_can_be_read_back(
    catalog: Catalog, three_records: list[int], tmp_path: Path
) -> None:
    target = tmp_path / "basket.json"
    assert export_basket(catalog, three_records[:2], target, as_json=True) == 2
    data = json.loads(target.read_text(encoding="utf-8"))
    assert [r["title"] for r in data] == ["Водные ресурсы", "Saxaul"]
    assert data[0]["id"] == three_records[0]
    assert data[0]["contributors"][0] == {
        "name": "Иванов",
        "forenames": "И. И.",
        "role": "author",
        "name_other_script": "",
    }


def test_export_cancelled_or_unwritable_leaves_no_file(
    catalog: Catalog, three_records: list[int], tmp_path: Path
) -> None:
    target = tmp_path / "basket.txt"
    with pytest.raises(Cancelled):
        export_basket(catalog, three_records, target, as_json=False, is_cancelled=lambda: True)
    assert not target.exists()
    with pytest.raises(StorageError, match="cannot write"):
        export_basket(catalog, three_records, tmp_path / "missing" / "b.txt", as_json=False)


def test_basket_line_skips_missing_parts() -> None:
    assert basket_line(7, Record(title="Only a title")) == "7. Only a title"
