"""Open the on-disk SQLite caches so that concurrent processes can share them.

Switching a fresh database to WAL mode takes an exclusive lock that SQLite's busy handler
does not wait for, so two processes creating the same cache at once can fail with
"database is locked". The one-time set-up (journal mode and schema) therefore runs under
a file lock beside the database; afterwards WAL and the busy timeout handle concurrency.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from pathlib import Path

from filelock import FileLock

log = logging.getLogger(__name__)


def default_cache_dir() -> Path:
    """$MLALIGN_CACHE_DIR, else $XDG_CACHE_HOME/mlalign, else ~/.cache/mlalign."""
    env = os.environ.get("MLALIGN_CACHE_DIR")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(xdg) / "mlalign"


def open_cache_db(path: Path, schema: str, timeout: float = 60.0,
                  check_same_thread: bool = True) -> sqlite3.Connection:
    """A connection to `path` in WAL mode with `schema` (idempotent SQL) applied.

    A cache is never a reason to fail a run: a damaged file (a crash, a full disk) is moved
    aside and started afresh, and a cache that cannot be written (a read-only folder, the
    cache path a file) is replaced by one in memory for this run, each with a warning."""
    try:
        return _open_cache_db(path, schema, timeout, check_same_thread)
    except sqlite3.DatabaseError as exc:
        if not _damaged(exc):
            return _memory_cache(path, schema, check_same_thread, exc)
        aside = path.with_name(path.name + ".damaged")
        log.warning("mlalign: cache %s is damaged (%s); moved aside to %s and started afresh",
                    path, exc, aside.name)
        try:
            os.replace(path, aside)
            for extra in ("-wal", "-shm"):
                with contextlib.suppress(FileNotFoundError):
                    os.remove(str(path) + extra)
            return _open_cache_db(path, schema, timeout, check_same_thread)
        except (OSError, sqlite3.DatabaseError) as again:
            return _memory_cache(path, schema, check_same_thread, again)
    except OSError as exc:
        return _memory_cache(path, schema, check_same_thread, exc)


def _damaged(exc: sqlite3.DatabaseError) -> bool:
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text


_WARNED: set[str] = set()


def _warn_once(key: str, message: str, *args: object) -> None:
    if key not in _WARNED:
        _WARNED.add(key)
        log.warning(message, *args)


def _memory_cache(path: Path, schema: str, check_same_thread: bool, exc: BaseException
                  ) -> sqlite3.Connection:
    """A cache for this run only, where the one on disk cannot be used."""
    _warn_once(str(path), "mlalign: cache %s cannot be used (%s); this run keeps its cache "
               "in memory (--no-cache, or MLALIGN_CACHE_DIR, chooses another)", path, exc)
    con = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=check_same_thread)
    con.executescript(schema)
    return con


def _open_cache_db(path: Path, schema: str, timeout: float,
                   check_same_thread: bool) -> sqlite3.Connection:
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
    try:
        con.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if "readonly" not in str(exc):
            raise
        _warn_once(f"ro:{id(con)}", "mlalign: a cache is read-only (%s); new results are not "
                   "stored", exc)
        return
    try:
        con.executemany(sql, rows)
    except sqlite3.OperationalError as exc:
        con.execute("ROLLBACK")
        if "readonly" not in str(exc):
            raise
        _warn_once(f"ro:{id(con)}", "mlalign: a cache is read-only (%s); new results are not "
                   "stored", exc)
        return
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
