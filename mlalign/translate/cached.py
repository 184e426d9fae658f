"""Persistent translation cache: re-running an audit must not re-run the model.

SQLite in the user cache dir (WAL mode + busy timeout, so two processes can share it),
keyed by a hash of the translator's signature (package, version, model fingerprint,
decoding options) and a hash of the sentence. Distinct sentences are translated once.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from pathlib import Path
from typing import Any

from mlalign.sqlitecache import default_cache_dir, insert_rows, open_cache_db
from mlalign.translate.base import Translator


def _h(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class CachedTranslator:
    """Wraps a translator; same name and signature, results persisted on disk."""

    def __init__(self, inner: Translator, cache_dir: str | os.PathLike[str] | None = None,
                 timeout: float = 60.0) -> None:
        self.inner = inner
        self.name = inner.name
        self.path = Path(cache_dir or default_cache_dir()) / "translations.sqlite3"
        self.timeout = timeout
        self._sig = _h(json.dumps(inner.signature(), sort_keys=True, ensure_ascii=False))
        self.hits = 0
        self.misses = 0

    def signature(self) -> dict[str, Any]:
        return self.inner.signature()

    def _connect(self) -> sqlite3.Connection:
        return open_cache_db(self.path, "CREATE TABLE IF NOT EXISTS mt (sig TEXT NOT NULL, "
                             "src TEXT NOT NULL, out TEXT NOT NULL, PRIMARY KEY (sig, src)) "
                             "WITHOUT ROWID;", timeout=self.timeout)

    def translate(self, sentences: list[str]) -> list[str]:
        """Look every sentence up; translate the distinct misses in one inner call."""
        keys = {s: _h(s.strip()) for s in sentences if s.strip()}
        found: dict[str, str] = {}
        con = self._connect()
        try:
            uniq = list(set(keys.values()))
            for start in range(0, len(uniq), 500):
                chunk = uniq[start:start + 500]
                marks = ",".join("?" * len(chunk))
                rows = con.execute(f"SELECT src, out FROM mt WHERE sig=? AND src IN ({marks})",
                                   [self._sig, *chunk])
                found.update(rows)
            missing = list(dict.fromkeys(s.strip() for s in keys if keys[s] not in found))
            self.hits += sum(1 for s in sentences if s.strip() and keys[s] in found)
            if missing:
                self.misses += len(missing)
                results = self.inner.translate(missing)
                rows_in = [(self._sig, _h(s), t) for s, t in zip(missing, results, strict=True)]
                insert_rows(con, "INSERT OR REPLACE INTO mt (sig, src, out) VALUES (?, ?, ?)", rows_in)
                found.update((k, t) for _, k, t in rows_in)
        finally:
            con.close()
        return [found[keys[s]] if s.strip() else "" for s in sentences]
