"""The declared version of what a parse-cache entry holds, and the key made from it.

An entry is an article's fields as the loader parsed them, its problems and its mention
spans. Bump PARSE_CACHE_VERSION whenever a change to the code can change any of those for
an unchanged file: the front matter reader (frontmatter.py, yamlsource.py, schema.py), the
Article fields and dates (model.py, dates.py), the problems the loader reports
(workspace.py, problems.py), name matching (entities.py, romanise.py, textfold.py) or the
layout of the cache itself (this package). Every cache written under another version, or
by another Python, is discarded whole. (The brief names themselves are keyed separately, by
EntityMatcher.fingerprint(); what the search index is built from, by the index's own
INDEX_SCHEMA_VERSION.) tests/test_parse_cache_version.py fails when the parse of a fixed set
of files changes while this number does not.
"""

from __future__ import annotations

import hashlib
import sys

PARSE_CACHE_VERSION = 7


def cache_key() -> str:
    """What every shard and snapshot is stamped with; anything else is not read."""
    digest = hashlib.blake2b(digest_size=12)
    digest.update(f"{PARSE_CACHE_VERSION} {sys.version_info[:2]} {sys.implementation.name}".encode())
    return digest.hexdigest()
