"""The shared cache database: lookups past SQLite's bound-parameter limit, and a fresh
connection in a forked process."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mlalign.sqlitecache import CacheDB, insert_rows

SCHEMA = "CREATE TABLE IF NOT EXISTS t (model TEXT, key TEXT, v REAL, PRIMARY KEY (model, key));"


def test_lookup_finds_every_stored_key_of_its_model_in_chunks(tmp_path: Path) -> None:
    db = CacheDB(tmp_path / "c.sqlite", SCHEMA)
    rows = [("m", f"k{i}", float(i)) for i in range(1300)] + [("other", "k1", -1.0)]
    insert_rows(db.conn(), "INSERT INTO t VALUES (?,?,?)", rows)
    keys = [f"k{i}" for i in range(1400)]  # 1,400 asked, 1,300 stored
    found = dict(db.lookup("t", "key, v", "m", keys))
    assert len(found) == 1300 and found["k1"] == 1.0 and found["k1299"] == 1299.0
    assert db.lookup("t", "key, v", "m", []) == []
    db.close()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_forked_process_opens_its_own_connection(tmp_path: Path) -> None:
    db = CacheDB(tmp_path / "c.sqlite", SCHEMA)
    parent = db.conn()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: a new connection, which still sees the table
        ok = db.conn() is not parent and db.lookup("t", "key", "m", ["x"]) == []
        os.write(write, b"1" if ok else b"0")
        os._exit(0)
    os.waitpid(pid, 0)
    assert os.read(read, 1) == b"1"
    assert db.conn() is parent
    db.close()


KV_SCHEMA = "CREATE TABLE IF NOT EXISTS t (k TEXT PRIMARY KEY, v TEXT);"


def test_a_damaged_cache_is_moved_aside_and_started_afresh(tmp_path: Path, caplog) -> None:
    from mlalign.sqlitecache import insert_rows, open_cache_db

    path = tmp_path / "embeddings.sqlite"
    con = open_cache_db(path, KV_SCHEMA)
    insert_rows(con, "INSERT INTO t VALUES (?, ?)", [("a", "1")])
    con.close()
    with open(path, "r+b") as fh:  # a crash or a full disk: the file cut short
        fh.truncate(1000)
    con = open_cache_db(path, KV_SCHEMA)
    assert con.execute("SELECT count(*) FROM t").fetchone() == (0,)
    assert (tmp_path / "embeddings.sqlite.damaged").exists()
    assert "is damaged" in caplog.text


def test_a_cache_that_cannot_be_written_runs_in_memory(tmp_path: Path, caplog) -> None:
    import sqlite3

    from mlalign.sqlitecache import insert_rows, open_cache_db

    (tmp_path / "afile").write_text("x")
    con = open_cache_db(tmp_path / "afile" / "embeddings.sqlite", KV_SCHEMA)  # the folder is a file
    insert_rows(con, "INSERT INTO t VALUES (?, ?)", [("a", "1")])
    assert con.execute("SELECT v FROM t").fetchall() == [("1",)]
    assert "keeps its cache in memory" in caplog.text
    path = tmp_path / "ro.sqlite"
    open_cache_db(path, KV_SCHEMA).close()
    ro = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
    insert_rows(ro, "INSERT INTO t VALUES (?, ?)", [("b", "2")])  # not stored, no failure
    assert ro.execute("SELECT count(*) FROM t").fetchone() == (0,)
