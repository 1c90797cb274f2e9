"""Attachment files: stored once under their SHA-256 in the data directory.

Content addressing means the same PDF attached to two records takes space once, a file can never
be half-replaced under a record, and `check` can prove each file is intact by re-hashing it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import mimetypes
import os
import shutil
import tempfile
from pathlib import Path

from sqlalchemy import func, insert, select

from library_app.core.errors import InputError, NotFound, StorageError
from library_app.core.model import Attachment
from library_app.db.catalog import Catalog
from library_app.db.mapping import attachment_from_row
from library_app.db.schema import AttachmentRow, JournalRow, RecordRow

CHUNK = 1 << 20


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


def stored_path(attachments_dir: Path, sha256: str) -> Path:
    return attachments_dir / sha256[:2] / sha256


class AttachmentStore:
    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.directory = catalog.location.attachments_dir

    def attach(self, record_id: int, source: Path) -> Attachment:
        if not source.is_file():
            raise InputError(f"{source}: no such file")
        with self.catalog.session() as session:
            if session.get(RecordRow, record_id) is None:
                raise NotFound(f"there is no record with id {record_id}")
        try:
            sha256 = file_sha256(source)
            target = stored_path(self.directory, sha256)
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                # Copy under a temporary name first: a crash never leaves a truncated file
                # under a valid hash.
                fd, temp_name = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
                os.close(fd)
                shutil.copyfile(source, temp_name)
                os.replace(temp_name, target)
        except OSError as exc:
            raise StorageError(
                f"cannot store {source} in {self.directory}: {exc.strerror}"
            ) from exc
        media_type = mimetypes.guess_type(source.name)[0] or "application/octet-stream"
        now = dt.datetime.now(dt.UTC).replace(microsecond=0)
        with self.catalog.session() as session, session.begin():
            if session.get(RecordRow, record_id) is None:
                raise NotFound(f"there is no record with id {record_id}")
            attachment_id = session.scalar(
                insert(AttachmentRow)
                .values(
                    record_id=record_id,
                    sha256=sha256,
                    filename=source.name,
                    size=target.stat().st_size,
                    media_type=media_type,
                    added_at=now,
                )
                .returning(AttachmentRow.id)
            )
            session.execute(
                insert(JournalRow).values(
                    entity="attachment",
                    entity_id=attachment_id,
                    operation="insert",
                    record_id=record_id,
                    changed_at=now,
                    user_name=self.catalog.user,
                )
            )
        with self.catalog.session() as session:
            return attachment_from_row(session.get_one(AttachmentRow, attachment_id))

    def path_of(self, attachment: Attachment) -> Path:
        return stored_path(self.directory, attachment.sha256)

    def detach(self, attachment_id: int) -> None:
        """Remove an attachment from its record; the file goes when no record uses it."""
        now = dt.datetime.now(dt.UTC).replace(microsecond=0)
        with self.catalog.session() as session, session.begin():
            row = session.get(AttachmentRow, attachment_id)
            if row is None:
                raise NotFound(f"there is no attachment with id {attachment_id}")
            sha256, record_id = row.sha256, row.record_id
            session.delete(row)
            session.add(
                JournalRow(
                    entity="attachment",
                    entity_id=attachment_id,
                    operation="delete",
                    record_id=record_id,
                    changed_at=now,
                    user_name=self.catalog.user,
                )
            )
            session.flush()
            still_used = session.scalar(select(func.count()).where(AttachmentRow.sha256 == sha256))
        if not still_used:
            stored_path(self.directory, sha256).unlink(missing_ok=True)
