"""Validation on a Dask LocalCluster gives the one-process report."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from ddfacts import validation

from .test_jobs import load_generator

distributed = pytest.importorskip("distributed")
pytest.importorskip("dask.bag")

from ddfacts.validation import validate_dask  # noqa: E402 - after the skip


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of generated fact files: three JSON Lines parts and one JSON document.

    References cross the files; 3% of the records are broken in varied ways.
    """
    folder = tmp_path_factory.mktemp("dask")
    lines = list(load_generator().lines(1600, seed=11, invalid=0.03))
    for index in range(3):
        part = lines[index * 500 : (index + 1) * 500]
        (folder / f"part-{index}.jsonl").write_text("\n".join(part) + "\n", encoding="utf-8")
    records = [json.loads(line) for line in lines[1500:] if _parses(line)]
    document = {"ddfacts": "1.0", "records": records}
    (folder / "tail.json").write_text(json.dumps(document, indent=2), encoding="utf-8")
    return folder


def _parses(line: str) -> bool:
    try:
        json.loads(line)
    except ValueError:
        return False
    return True


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    """A client of a local cluster of two worker processes."""
    with (
        distributed.LocalCluster(
            n_workers=2, processes=False, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


class TestValidateDask:
    """validate_dask against validate."""

    def test_same_report(self, corpus: Path, client: object) -> None:
        """Partitions checked on two workers give the problems of a one-process run."""
        local = validation.validate(corpus)
        remote = validate_dask(corpus, client=client, partition_bytes=1 << 17, min_split_bytes=0)
        assert len(local) > 20
        assert {"ref.missing", "shape.required"} <= {p.code for p in local}
        assert remote.to_json() == local.to_json()

    def test_levels(self, corpus: Path, client: object) -> None:
        """Selected levels are honoured on the workers too."""
        local = validation.validate(corpus, levels="shape")
        remote = validate_dask(
            [corpus], client=client, levels="shape", partition_bytes=1 << 15, min_split_bytes=0
        )
        assert remote.to_json() == local.to_json()
        assert not any(p.code.startswith("ref.") for p in remote)

    def test_missing_file(self, tmp_path: Path, client: object) -> None:
        """A missing file is reported, as validate reports it."""
        missing = tmp_path / "nope.jsonl"
        assert validate_dask(missing, client=client).codes() == ["file.missing"]
