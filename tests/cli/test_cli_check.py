"""`library-app attach` and `library-app check`: a healthy catalog, and attachment files that went
missing, were altered, or were left behind."""

from __future__ import annotations

import hashlib

import pytest

CHECK_KEYS = {"ok", "problems", "checked"}


@pytest.fixture
def attached(run_cli, location, tmp_path):
    """A record with one attached PDF: (record id, attachment id, stored file path, sha256)."""
    record_id = run_cli.add(location, "--title", "Отчёт о состоянии Арала", "--year", "2019",
                            "--language", "ru", "--copy", "R-1")  # fmt: skip
    source = tmp_path / "отчёт.pdf"
    content = b"%PDF-1.4\n% report on the Aral Sea\n" + bytes(range(256)) * 8
    source.write_bytes(content)
    result = run_cli.json(location, "attach", str(record_id), source)
    sha256 = hashlib.sha256(content).hexdigest()
    assert result == {"record": record_id, "attachment": result["attachment"], "sha256": sha256}
    stored = location.data_dir / "attachments" / sha256[:2] / sha256
    assert stored.read_bytes() == content
    return record_id, result["attachment"], stored, sha256


def test_check_of_a_healthy_catalog_finds_no_problems(run_cli, location):
    run_cli.add(location, "--title", "Запись", "--year", "2005", "--language", "ru")
    result = run_cli.ok(location, "check")
    assert result.out.startswith("Checked schema: ")
    assert "records: 1" in result.out
    assert result.out.endswith("No problems found.\n")


def test_check_json_shape(run_cli, location, attached):
    report = run_cli.json(location, "check")
    assert set(report) == CHECK_KEYS
    assert report["ok"] is True
    assert report["problems"] == []
    assert report["checked"]["records"] == 1
    assert report["checked"]["attachments"] == 1
    assert isinstance(report["checked"]["schema"], str)


def test_attachment_appears_on_the_record_and_in_stats(run_cli, location, attached):
    record_id, _, stored, sha256 = attached
    (attachment,) = run_cli.json(location, "show", str(record_id))["attachments"]
    assert attachment["filename"] == "отчёт.pdf"
    assert attachment["sha256"] == sha256
    assert attachment["size"] == stored.stat().st_size
    assert attachment["media_type"] == "application/pdf"
    assert "отчёт.pdf" in run_cli.ok(location, "show", str(record_id)).out
    assert run_cli.json(location, "stats")["attachments"] == 1


def test_check_names_a_missing_attachment_file_and_exits_1(run_cli, location, attached):
    _, attachment_id, stored, _ = attached
    stored.unlink()
    result = run_cli(location, "check")
    assert result.code == 1
    assert f"file {stored} is missing" in result.out
    assert "отчёт.pdf" in result.out
    assert "No problems found" not in result.out
    report = run_cli(location, "check", "--json").json(code=1)
    assert report["ok"] is False
    assert report["problems"] == [
        f"attachment {attachment_id} (отчёт.pdf): file {stored} is missing"
    ]


def test_check_reports_an_altered_attachment_by_its_checksum(run_cli, location, attached):
    _, _, stored, _ = attached
    data = bytearray(stored.read_bytes())
    data[100] ^= 0xFF  # same size, different content
    stored.write_bytes(bytes(data))

    result = run_cli(location, "check")
    assert result.code == 1
    assert f"file {stored} was altered (checksum differs)" in result.out
    # Without re-hashing only sizes are compared, and this damage keeps the size.
    assert run_cli(location, "check", "--no-hashes").code == 0


def test_check_reports_a_truncated_attachment_by_its_size(run_cli, location, attached):
    _, _, stored, _ = attached
    stored.write_bytes(stored.read_bytes()[:10])
    result = run_cli(location, "check", "--no-hashes")
    assert result.code == 1
    assert "has 10 bytes, expected" in result.out


def test_check_reports_an_orphan_file_in_the_attachments_folder(run_cli, location, attached):
    _, _, stored, _ = attached
    orphan = stored.parent.parent / "ab" / ("ab" + "0" * 62)
    orphan.parent.mkdir(exist_ok=True)
    orphan.write_bytes(b"left behind")

    report = run_cli(location, "check", "--json").json(code=1)
    assert set(report) == CHECK_KEYS
    assert report["ok"] is False
    assert report["problems"] == [f"orphan attachment file {orphan}: no record uses it"]


def test_attach_of_a_missing_file_is_refused(run_cli, location, tmp_path):
    record_id = run_cli.add(location, "--title", "Т", "--year", "2000", "--language", "ru")
    run_cli(location, "attach", str(record_id), tmp_path / "nothing.pdf").assert_user_error(
        "nothing.pdf: no such file"
    )


def test_attach_to_a_missing_record_leaves_no_file_behind(run_cli, location, tmp_path):
    source = tmp_path / "scan.pdf"
    source.write_bytes(b"%PDF-1.4 nobody's scan")
    run_cli(location, "attach", "999", source).assert_user_error("no record with id 999")
    stored = list((location.data_dir / "attachments").glob("*/*"))
    assert stored == []
    assert run_cli(location, "check").code == 0
