"""The app's backend searches with one index object and syncs with another: a search asked
while a sync is half done answers at once, from the index as it was before the sync, and
the next search after it sees what the sync added."""

from __future__ import annotations

import threading
from pathlib import Path

from support import make_workspace, write_file
from tui.app.backend import EngineBackend


def test_a_search_during_a_sync_answers_from_the_index_before_it(tmp_path: Path):
    root = make_workspace(tmp_path / "ws")
    backend = EngineBackend(root, tmp_path / "ix")
    backend.sync()
    before = backend.search("bridge").total
    assert before > 0 and backend.search("zebrafinch").total == 0

    write_file(root, "corpus/2031-zebrafinch.md", """\
        ---
        id: 2031-zebrafinch
        title: A zebrafinch at the bridge
        published: 2031
        ---
        A zebrafinch was seen on the bridge at Dandong.
        """)
    halfway, go_on = threading.Event(), threading.Event()
    writer_sync = backend._writer.sync

    def stalled_sync(documents, progress=None, **options):
        def held(done: int, total: int) -> None:  # the writer stops here, its changes uncommitted
            halfway.set()
            assert go_on.wait(30), "the test never let the sync go on"
            if progress:
                progress(done, total)
        return writer_sync(documents, progress=held, **options)

    backend._writer.sync = stalled_sync
    reloading = threading.Thread(target=backend.reload)
    reloading.start()
    try:
        assert halfway.wait(30), "the sync never started"
        # Meanwhile: searches answer, from the index as it was.
        assert backend.search("bridge").total == before
        assert backend.search("zebrafinch").total == 0
    finally:
        go_on.set()
        reloading.join(60)
    assert not reloading.is_alive()
    assert backend.search("zebrafinch").total == 1
    assert backend.search("bridge").total == before + 1
