"""Benchmarks: a synthetic corpus generator and a runner that measures borderbrief beside
SQLite FTS5 on the same documents. `python -m benchmarks.run --help`."""
