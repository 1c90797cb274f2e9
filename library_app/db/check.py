"""Integrity check of a catalog: the database itself, rows that lost their parents, and the
attachment files (missing, altered, or left behind with no record using them)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select, text

from library_app.db.attachments import file_sha256, stored_path
from library_app.db.catalog import Catalog, current_revision, head_revision
from library_app.db.schema import (
    AttachmentRow,
    ContributorRow,
    CopyRow,
    RecordRow,
    ValueRow,
)


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    checked: dict[str, int | str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_catalog(catalog: Catalog, *, verify_hashes: bool = True) -> CheckReport:
    report = CheckReport()
    revision = current_revision(catalog.engine)
    report.checked["schema"] = revision or "none"
    if revision != head_revision():
        report.problems.append(f"schema is at {revision}, expected {head_revision()}")
    with catalog.engine.connect() as connection:
        if catalog.dialect == "sqlite":
            results = [row[0] for row in connection.execute(text("PRAGMA integrity_check"))]
            if results != ["ok"]:
                report.problems += [f"SQLite integrity: {line}" for line in results[:20]]
            for row in connection.execute(text("PRAGMA foreign_key_check")):
                report.problems.append(f"table {row[0]} row {row[1]} points to a missing {row[2]}")
        for child in (ContributorRow, ValueRow, CopyRow, AttachmentRow):
            orphans = connection.execute(
                select(child.id, child.record_id)
                .where(child.record_id.not_in(select(RecordRow.id)))
                .limit(20)
            ).all()
            report.problems += [
                f"{child.__tablename__} row {row.id} belongs to missing record {row.record_id}"
                for row in orphans
            ]
        report.checked["records"] = connection.scalar(
            select(text("count(*)")).select_from(RecordRow)
        )
        attachments = connection.execute(
            select(
                AttachmentRow.id, AttachmentRow.sha256, AttachmentRow.size, AttachmentRow.filename
            )
        ).all()
    _check_attachment_files(catalog, attachments, report, verify_hashes)
    return report


def _check_attachment_files(
    catalog: Catalog, attachments: list, report: CheckReport, verify_hashes: bool
) -> None:
    directory = catalog.location.attachments_dir
    report.checked["attachments"] = len(attachments)
    referenced = set()
    for attachment in attachments:
        path = stored_path(directory, attachment.sha256)
        referenced.add(path.name)
        label = f"attachment {attachment.id} ({attachment.filename})"
        if not path.is_file():
            report.problems.append(f"{label}: file {path} is missing")
        elif path.stat().st_size != attachment.size:
            report.problems.append(
                f"{label}: file {path} has {path.stat().st_size} bytes, expected {attachment.size}"
            )
        elif verify_hashes and file_sha256(path) != attachment.sha256:
            report.problems.append(f"{label}: file {path} was altered (checksum differs)")
    if directory.is_dir():
        for path in sorted(directory.glob("*/*")):
            if path.is_file() and path.name not in referenced:
                report.problems.append(f"orphan attachment file {path}: no record uses it")
