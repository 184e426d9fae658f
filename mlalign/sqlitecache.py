"""Open the on-disk SQLite caches so that concurrent processes can share them.

Switching a fresh database to WAL mode takes an exclusive lock that SQLite's busy handler
does not wait for, so two processes creating the same cache at once can fail with
"database is locked". The one-time set-up (journal mode and schema) therefore runs under
a file lock beside the database; afterwards WAL and the busy timeout handle concurrency.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from filelock import FileLock


def default_cache_dir() -> Path:
    """$MLALIGN_CACHE_DIR, else $XDG_CACHE_HOME/mlalign, else ~/.cache/mlalign."""
    env = os.environ.get("MLALIGN_CACHE_DIR")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(xdg) / "mlalign"


def open_cache_db(path: Path, schema: str, timeout: float = 60.0,
                  check_same_thread: bool = True) -> sqlite3.Connection:
    """A connection to `path` in WAL mode with `schema` (idempotent SQL) applied."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(path) + ".lock", timeout=timeout):
        con = sqlite3.connect(path, timeout=timeout, isolation_level=None,
                              check_same_thread=check_same_thread)
        try:
            con.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")
            con.execute("PRAGMA journal_mode=WAL")
            con.execute("PRAGMA synchronous=NORMAL")
            con.executescript(schema)
        except BaseException:
            con.close()
            raise
    return con


def insert_rows(con: sqlite3.Connection, sql: str, rows: list[tuple]) -> None:
    """Insert rows in one transaction; with INSERT OR IGNORE in `sql`, two processes
    storing the same key at once is harmless."""
    con.execute("BEGIN IMMEDIATE")
    try:
        con.executemany(sql, rows)
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


class CacheDB:
    """One cache database, opened on first use in each process: a connection must not
    cross fork(), so a forked worker opens its own. The caches of embeddings, word
    similarities and pair scores each hold one."""

    def __init__(self, path: Path, schema: str) -> None:
        self.path = path
        self.schema = schema
        self._conn: sqlite3.Connection | None = None
        self._pid = os.getpid()

    def conn(self) -> sqlite3.Connection:
        if self._conn is None or self._pid != os.getpid():
            self._pid = os.getpid()
            self._conn = open_cache_db(self.path, self.schema, check_same_thread=False)
        return self._conn

    def lookup(self, table: str, columns: str, model: str, keys: list[str]) -> list[tuple]:
        """Rows (`columns`) of `table` stored for `model` under any of `keys`, asked for in
        chunks that stay within SQLite's limit on bound parameters."""
        conn = self.conn()
        rows: list[tuple] = []
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            rows += conn.execute(f"SELECT {columns} FROM {table} WHERE model=? AND key IN "
                                 f"({','.join('?' * len(chunk))})", [model, *chunk]).fetchall()
        return rows

    def close(self) -> None:
        if self._conn is not None and self._pid == os.getpid():
            self._conn.close()
        self._conn = None
