"""Copies of the database: made with SQLite's online backup API (safe while the app and other
instances run), checked after writing, restored *into* the live file, encrypted for a USB stick.

- `files`: what every step shares (error codes for what the disk or SQLite said, room, fsync).
- `checking`: looking into a database file read-only (`verify_file`, its access log's head and
  chain, its id, the changes since a backup).
- `copying`: `copy_database`, one consistent snapshot through the backup API, verified before
  it gets its name.
- `folder`: the backups folder beside the database and its manifest (`make_backup`,
  `stored_backups`, `delete_backup_file`, the clean exit's record).
- `restoring`: `restore_database` writes a backup into the live file in one transaction.
- `damaged`: a damaged file set aside (never deleted), the backup's admin read to allow it.
- `encrypted`: the `.pcrmbak` format (scrypt, AES-256-GCM in chunks).

The arrows point one way: `files` ← `checking` ← `copying` ← `folder`, `restoring`;
`damaged` and `encrypted` need only `files`. The services use them in services/backups/.
"""
