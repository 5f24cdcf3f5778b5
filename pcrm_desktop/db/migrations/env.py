"""Alembic environment: run by `db.migrate.upgrade` with the connection in config.attributes."""
from alembic import context

from pcrm_desktop.db.tables import metadata

config = context.config
connection = config.attributes["connection"]

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things: batch mode copies the table
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
