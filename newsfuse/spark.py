"""Distributed summarisation and story clustering on Apache Spark: `newsfuse spark IN OUT`
and `newsfuse spark IN OUT --stories`.

Each partition loads one pipeline (and its model, shipped inside the installed package)
and summarises its clusters with the same function as `newsfuse batch`, so the output
lines are identical. A bad row becomes a row with an `error`, never a failed job.

Input: JSONL (one cluster per line) or Parquet with columns `id` and `documents`
(array of strings). Output: a folder of JSONL part files (batch's lines; failed rows as
{"id", "error"}) or of Parquet files with columns `id`, `briefing` (JSON text), `error`.

Story clustering (`--stories`) takes a stream of single articles (JSONL lines or Parquet
rows with `id`, `text`, `title`, `url`, `published`): Spark counts document frequencies over
the whole input, range-partitions the articles by time, and each partition runs the same
`StoryClusterer` as `newsfuse cluster` over its time range. Stories cut apart at range
boundaries are then joined on the driver (`stories.stitch`, which sees only the articles
within one window of a boundary), and each story is written as a cluster line (the input
layout of `summarize` and `batch`), summarised when asked.
"""
from __future__ import annotations

import json
import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator

from newsfuse.batch import summarize_cluster
from newsfuse.ingest import cluster_from_line
from newsfuse.pipeline import Pipeline
from newsfuse.represent import content_terms, load_encoder
from newsfuse.select import Budget
from newsfuse.stories import (ARTICLE_ERRORS, LEXICAL_THRESHOLD, MIXED_THRESHOLD, Article, StoryClusterer,
                              article_from_json, article_sentences, days, edge_stories, stitch, story_record)
from newsfuse.types import NewsfuseError


def summarize_partition(rows: Iterable[tuple[str, str]], fast: bool, words: int) -> Iterator[tuple[str, str | None, str | None]]:
    """(where, JSON record) → (id, briefing JSON or None, error or None), one pipeline per partition."""
    pipeline = Pipeline.load(fast=fast)
    budget = Budget(words=words)
    for where, text in rows:
        try:
            cluster = cluster_from_line(text, where, where)
        except NewsfuseError as exc:
            yield (where, None, str(exc))
            continue
        result = summarize_cluster(pipeline, cluster, budget)
        yield (cluster.id, result.line or None, result.error or None)


def session(master: str):
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.master(master).appName("newsfuse")
    if master.startswith("local"):  # a local run talks to itself over loopback only
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        builder = builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
    return builder.config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "8").getOrCreate()


def numbered_records(spark, source: str):
    """(where, JSON text) for every row of a JSONL file or a Parquet file/folder."""
    if source.endswith(".parquet") or os.path.isdir(source) and any(f.endswith(".parquet") for f in os.listdir(source)):
        frame = spark.read.parquet(source)
        return frame.toJSON().zipWithIndex().map(lambda pair: (f"{source} row {pair[1] + 1}", pair[0]))
    lines = spark.sparkContext.textFile(source).zipWithIndex()
    return lines.filter(lambda pair: pair[0].strip()).map(lambda pair: (f"{source} line {pair[1] + 1}", pair[0]))


def write(spark, results, output: str, output_format: str) -> dict:
    """Write (id, briefing or cluster JSON, error) rows; returns the counts."""
    from pyspark.sql.types import StringType, StructField, StructType

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


def run_spark(source: str, output: str, master: str = "local[*]", words: int = 250, fast: bool = False,
              output_format: str = "jsonl", partitions: int | None = None) -> dict:
    spark = session(master)
    try:
        rows = numbered_records(spark, source)
        if partitions:
            rows = rows.repartition(partitions)
        return write(spark, rows.mapPartitions(lambda part: summarize_partition(part, fast, words)), output,
                     output_format)
    finally:
        spark.stop()


# ---------------------------------------------------------------- story clustering


def parse_article(where: str, text: str) -> tuple[str, Article | None, str | None]:
    try:
        article = article_from_json(text, where)
        return article.id, article, None
    except ARTICLE_ERRORS as exc:
        return where, None, f"{where}: not an article ({type(exc).__name__} {exc})"


def cluster_partition(index: int, articles: Iterable[Article], fast: bool, threshold: float, window_days: float,
                      document_frequency, documents: int) -> Iterator[tuple]:
    """One time range: ("story", article id, story key) per article, ("skipped", article id,
    None) per page without article text, ("edge", story key, edge JSON) per boundary story."""
    clusterer = StoryClusterer(None if fast else load_encoder(), threshold, window_days,
                               document_frequency.value, documents)
    clusterer.add(list(articles))
    for article_id, story_id in clusterer.story_of.items():
        yield ("story", article_id, f"p{index}:{story_id}")
    for article_id in clusterer.skipped:
        yield ("skipped", article_id, None)
    for edge in edge_stories(clusterer, f"p{index}:"):
        yield ("edge", edge["key"], json.dumps(edge))


def run_spark_stories(source: str, output: str, master: str = "local[*]", fast: bool = False,
                      threshold: float | None = None, window_days: float = 3.0, partitions: int = 8,
                      summarize: bool = False, words: int = 250, output_format: str = "jsonl") -> dict:
    threshold = threshold if threshold is not None else (LEXICAL_THRESHOLD if fast else MIXED_THRESHOLD)
    spark = session(master)
    try:
        parsed = numbered_records(spark, source).map(lambda pair: parse_article(*pair)).cache()
        articles = parsed.filter(lambda row: row[1] is not None).map(lambda row: row[1])
        errors = parsed.filter(lambda row: row[1] is None).map(lambda row: (row[0], None, row[2]))
        documents = articles.count()
        # Terms seen once get the idf of an unseen term: dropping them keeps the table small.
        frequency = (articles.flatMap(lambda a: set(content_terms(" ".join(article_sentences(a)))))
                     .map(lambda term: (term, 1)).reduceByKey(lambda x, y: x + y).filter(lambda pair: pair[1] > 1))
        document_frequency = spark.sparkContext.broadcast(dict(frequency.collect()))
        by_time = articles.sortBy(lambda a: (days(a.published), a.id), numPartitions=partitions)
        assigned = by_time.mapPartitionsWithIndex(lambda index, part: cluster_partition(
            index, part, fast, threshold, window_days, document_frequency, documents)).cache()
        edges = [json.loads(row[2]) for row in assigned.filter(lambda row: row[0] == "edge").collect()]
        moved = spark.sparkContext.broadcast(stitch(edges, Counter(document_frequency.value), documents, threshold,
                                                    window_days))
        story_of = assigned.filter(lambda row: row[0] == "story").map(
            lambda row: (row[1], moved.value.get(row[2], row[2])))
        skipped = assigned.filter(lambda row: row[0] == "skipped").map(
            lambda row: (row[1], None, f"article {row[1]}: no article text after cleaning"))
        members = articles.map(lambda a: (a.id, a)).join(story_of).map(lambda pair: (pair[1][1], pair[1][0]))

        def records(groups):
            pipeline = Pipeline.load(fast=fast) if summarize else None
            for key, group in groups:
                ordered = sorted(group, key=lambda a: (days(a.published), a.id))
                yield key, json.dumps(story_record(key, ordered, pipeline, Budget(words=words)), ensure_ascii=False), None

        stories = members.groupByKey().mapPartitions(records)
        return write(spark, stories.union(errors).union(skipped), output, output_format)
    finally:
        spark.stop()


if __name__ == "__main__":  # spark-submit entry point: spark-submit .../newsfuse/spark.py IN OUT [jsonl|parquet]
    counts = run_spark(sys.argv[1], sys.argv[2], master=os.environ.get("NEWSFUSE_SPARK_MASTER", "yarn"),
                       output_format=sys.argv[3] if len(sys.argv) > 3 else "jsonl")
    print(json.dumps(counts))
