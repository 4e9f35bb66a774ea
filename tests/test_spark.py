"""A real local Spark session: same lines as `newsfuse batch`, bad rows as error rows."""
import json
import shutil

import pytest

from newsfuse.batch import run_batch
from newsfuse.select import Budget
from newsfuse.stories import Article

from test_batch import dataset

pyspark = pytest.importorskip("pyspark", reason="pyspark not installed (pip install 'newsfuse[spark]')")
pytestmark = pytest.mark.skipif(not shutil.which("java"), reason="Spark needs Java (apt-get install default-jre-headless)")


def read_parts(folder):
    lines = []
    for part in sorted(folder.glob("part-*")):
        lines.extend(line for line in part.read_text().splitlines() if line.strip())
    return lines


def test_spark_matches_batch_and_keeps_bad_rows_as_errors(tmp_path):
    from newsfuse.spark import run_spark

    source = dataset(tmp_path / "in.jsonl", 30, bad_every=10)
    with open(source, "a") as f:
        f.write("{not json\n")
    run_batch(source, tmp_path / "batch.jsonl", tmp_path / "errors.jsonl", Budget(words=80), workers=1, fast=True)
    counts = run_spark(str(source), str(tmp_path / "spark"), master="local[2]", words=80, fast=True, partitions=3)
    assert counts == {"done": 27, "failed": 4}

    lines = read_parts(tmp_path / "spark")
    good = sorted(line for line in lines if "summary" in json.loads(line))
    assert good == sorted((tmp_path / "batch.jsonl").read_text().splitlines())
    errors = [json.loads(line) for line in lines if "summary" not in json.loads(line)]
    assert len(errors) == 4 and any("invalid JSON" in e["error"] for e in errors)


def test_spark_parquet_in_and_out(tmp_path):

    from newsfuse.spark import run_spark

    source = dataset(tmp_path / "in.jsonl", 4)
    spark = local_session()
    try:
        spark.read.json(str(source)).write.parquet(str(tmp_path / "in.parquet"))
    finally:
        spark.stop()
    counts = run_spark(str(tmp_path / "in.parquet"), str(tmp_path / "out"), master="local[1]", words=60, fast=True,
                       output_format="parquet")
    assert counts == {"done": 4, "failed": 0}
    spark = local_session()
    try:
        rows = spark.read.parquet(str(tmp_path / "out")).collect()
    finally:
        spark.stop()
    assert sorted(r.id for r in rows) == ["c0", "c1", "c2", "c3"]
    assert all(r.error is None and json.loads(r.briefing)["id"] == r.id for r in rows)


def local_session():
    import os

    from pyspark.sql import SparkSession

    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    return (SparkSession.builder.master("local[1]").config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1").getOrCreate())


def test_spark_stories_match_one_machine_clustering_across_time_ranges(tmp_path):
    from newsfuse.spark import run_spark_stories
    from newsfuse.stories import StoryClusterer

    from test_stories import articles

    stream = [*articles(), Article("n1", "Click to follow")]
    source = tmp_path / "articles.jsonl"
    lines = [json.dumps({"id": a.id, "text": a.text, "published": a.published}) for a in stream]
    source.write_text("\n".join([*lines, "{not json", json.dumps({"id": "x"})]) + "\n")
    # Three time ranges cut the Ramadi and flood stories apart; stitching must join them again.
    counts = run_spark_stories(str(source), str(tmp_path / "out"), master="local[2]", fast=True, partitions=3)
    rows = [json.loads(line) for line in read_parts(tmp_path / "out")]
    stories = sorted(sorted(r["articles"]) for r in rows if "articles" in r)
    local = StoryClusterer(None)
    local.add(articles())
    assert stories == sorted(sorted(s.members) for s in local.stories)
    errors = [r["error"] for r in rows if "error" in r]
    assert counts == {"done": 3, "failed": 3} and len(errors) == 3
    assert any("n1" in e and "no article text" in e for e in errors) and any("not an article" in e for e in errors)
    assert all(r["documents"] and len(r["documents"]) == len(r["articles"]) for r in rows if "articles" in r)
