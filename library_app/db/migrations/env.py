"""Alembic environment: always driven from library_app.db.migrate with an open connection."""

from __future__ import annotations

from alembic import context

from library_app.db.schema import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reached when someone runs plain `alembic`
    raise SystemExit("run migrations through library-app (it opens the catalog for you)")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite cannot ALTER most things
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
