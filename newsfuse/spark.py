"""Distributed summarisation on Apache Spark: `newsfuse spark IN OUT`.

Each partition loads one pipeline (and its model, shipped inside the installed package)
and summarises its clusters with the same function as `newsfuse batch`, so the output
lines are identical. A bad row becomes a row with an `error`, never a failed job.

Input: JSONL (one cluster per line) or Parquet with columns `id` and `documents`
(array of strings). Output: a folder of JSONL part files (batch's lines; failed rows as
{"id", "error"}) or of Parquet files with columns `id`, `briefing` (JSON text), `error`.
"""
from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator

from newsfuse.batch import summarize_cluster
from newsfuse.ingest import cluster_from_record
from newsfuse.pipeline import Pipeline
from newsfuse.select import Budget
from newsfuse.types import NewsfuseError


def summarize_partition(rows: Iterable[tuple[str, str]], fast: bool, words: int) -> Iterator[tuple[str, str | None, str | None]]:
    """(where, JSON record) → (id, briefing JSON or None, error or None), one pipeline per partition."""
    pipeline = Pipeline.load(fast=fast)
    budget = Budget(words=words)
    for where, text in rows:
        try:
            record = json.loads(text)
            cluster = cluster_from_record(record, where)
            if not cluster.id:
                cluster = cluster.__class__(cluster.documents, id=where, reference=cluster.reference)
        except (ValueError, NewsfuseError) as exc:
            yield (where, None, str(exc) if isinstance(exc, NewsfuseError) else f"{where}: invalid JSON ({exc})")
            continue
        result = summarize_cluster(pipeline, cluster, budget)
        yield (cluster.id, result.line or None, result.error or None)


def run_spark(source: str, output: str, master: str = "local[*]", words: int = 250, fast: bool = False,
              output_format: str = "jsonl", partitions: int | None = None) -> dict:
    from pyspark.sql import SparkSession
    from pyspark.sql.types import StringType, StructField, StructType

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.master(master).appName("newsfuse")
    if master.startswith("local"):  # a local run talks to itself over loopback only
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        builder = builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
    spark = (builder
             .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "8").getOrCreate())
    try:
        if source.endswith(".parquet") or os.path.isdir(source) and any(f.endswith(".parquet") for f in os.listdir(source)):
            frame = spark.read.parquet(source)
            rows = frame.toJSON().zipWithIndex().map(lambda pair: (f"{source} row {pair[1] + 1}", pair[0]))
        else:
            lines = spark.sparkContext.textFile(source).zipWithIndex()
            rows = lines.filter(lambda pair: pair[0].strip()).map(lambda pair: (f"{source} line {pair[1] + 1}", pair[0]))
        if partitions:
            rows = rows.repartition(partitions)
        results = rows.mapPartitions(lambda part: summarize_partition(part, fast, words))
        schema = StructType([StructField("id", StringType()), StructField("briefing", StringType()),
                             StructField("error", StringType())])
        frame = spark.createDataFrame(results, schema).cache()
        if output_format == "parquet":
            frame.write.mode("overwrite").parquet(output)
        else:
            frame.rdd.map(lambda r: r.briefing or json.dumps({"id": r.id, "error": r.error}, ensure_ascii=False)) \
                .saveAsTextFile(output)
        done = frame.filter(frame.error.isNull()).count()
        return {"done": done, "failed": frame.count() - done}
    finally:
        spark.stop()


if __name__ == "__main__":  # spark-submit entry point: spark-submit .../newsfuse/spark.py IN OUT [jsonl|parquet]
    counts = run_spark(sys.argv[1], sys.argv[2], master=os.environ.get("NEWSFUSE_SPARK_MASTER", "yarn"),
                       output_format=sys.argv[3] if len(sys.argv) > 3 else "jsonl")
    print(json.dumps(counts))
