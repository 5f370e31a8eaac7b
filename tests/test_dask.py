"""The batch on a Dask LocalCluster (two worker processes, one thread each) gives
the single-process result: the same events, ids and fields."""
import pytest

pytestmark = pytest.mark.slow  # a LocalCluster of two processes: ~9 s
pytest.importorskip("dask.distributed")

from ingest import batch  # noqa: E402
from store import Store  # noqa: E402
from test_batch import corpus, reference, stored_events  # noqa: E402,F401  (fixtures)


def test_local_cluster_matches_single_process(corpus, reference, tmp_path):
    store = Store(tmp_path / "dask.sqlite3")
    parts = tmp_path / "parts"
    stats = batch.ingest(batch.Options(paths=[corpus], store=store, parquet_out=str(parts),
                                       scheduler="local", jobs=2, chunk_size=2))
    assert (stats.new, stats.failed) == (12, [])
    assert stored_events(store) == reference
    assert len(list(parts.glob("part-*.parquet"))) == 6
    # the second run on the cluster extracts nothing
    again = batch.ingest(batch.Options(paths=[corpus], store=store, scheduler="local", jobs=2))
    assert (again.skipped, again.extracted) == (12, 0)
