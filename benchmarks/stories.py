"""Story clustering benchmark: mix the articles of N Multi-News clusters (shuffled, with time
stamps), recover the clusters, report adjusted Rand index, B-cubed F1 and articles/s, over
all articles and over the articles that have article text (pages that are only an archive
notice, a tweet-location notice or a site message are set aside by the clusterer, not put
into stories).

    python benchmarks/stories.py [--n 100 250] [--fast] [--spark PARTITIONS]

With --spark, the same stream goes through the Spark job (`newsfuse spark --stories`, local
mode, the stream range-partitioned by time into PARTITIONS parts and stitched).

Each cluster gets a random day in a 60-day span and its articles times within a day of it.
The dev set holds 250 clusters, so N is capped there.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import tempfile
from dataclasses import asdict
import time
from pathlib import Path

from newsfuse.represent import load_encoder
from newsfuse.stories import Article, StoryClusterer, adjusted_rand_index, b_cubed_f1

DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "multinews" / "dev.jsonl"


def stream(n: int, seed: int = 0) -> tuple[list[Article], dict[str, str]]:
    rng = random.Random(seed)
    rows = [json.loads(line) for line in DEV.read_text().splitlines()][:n]
    start = dt.datetime(2020, 1, 1)
    articles, truth = [], {}
    for row in rows:
        day = rng.uniform(0, 60)
        for i, text in enumerate(row["documents"]):
            if not text.strip():
                continue
            when = start + dt.timedelta(days=day + rng.uniform(-1, 1))
            article = Article(id=f"{row['id']}/{i}", text=text, published=when.isoformat())
            articles.append(article)
            truth[article.id] = row["id"]
    rng.shuffle(articles)
    return articles, truth


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, nargs="+", default=[100, 250])
    parser.add_argument("--fast", action="store_true", help="hashed bag of words instead of the embedding model")
    parser.add_argument("--threshold", type=float, default=None, help="story similarity threshold")
    parser.add_argument("--spark", type=int, metavar="PARTITIONS", help="run the Spark job instead")
    args = parser.parse_args()
    if args.spark:
        for n in args.n:
            spark_run(n, args.spark, args.fast, args.threshold)
        return
    encoder = None if args.fast else load_encoder()
    for n in args.n:
        articles, truth = stream(n)
        clusterer = StoryClusterer(encoder, threshold=args.threshold)
        start = time.perf_counter()
        # Feed the stream day by day, as a monitoring system would.
        by_day: dict[int, list[Article]] = {}
        for a in articles:
            by_day.setdefault(int(dt.datetime.fromisoformat(a.published).timestamp() // 86_400), []).append(a)
        for day in sorted(by_day):
            clusterer.add(by_day[day])
        elapsed = time.perf_counter() - start
        print(f"N={n}: {len(truth)} articles ({len(clusterer.skipped)} without article text, not clustered) -> "
              f"{len(clusterer.stories)} stories (truth {len(set(truth.values()))}); "
              f"{len(truth) / elapsed:.1f} articles/s")
        report(truth, clusterer.story_of)


def report(truth: dict[str, str], story_of: dict[str, object]) -> None:
    ids = list(truth)
    clustered = [i for i in ids if i in story_of]
    # Over all articles, a skipped page (no article text) counts as a story of its own.
    for name, subset in {"all articles": ids, "articles with text": clustered}.items():
        gold = [truth[i] for i in subset]
        predicted = [story_of.get(i, i) for i in subset]
        print(f"  {name:>18}: ARI {adjusted_rand_index(gold, predicted):.3f}, "
              f"B-cubed F1 {b_cubed_f1(gold, predicted):.3f}")


def spark_run(n: int, partitions: int, fast: bool, threshold: float | None) -> None:
    from newsfuse.spark import run_spark_stories

    articles, truth = stream(n)
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "articles.jsonl"
        source.write_text("".join(json.dumps(asdict(a)) + "\n" for a in articles))
        start = time.perf_counter()
        run_spark_stories(str(source), f"{folder}/out", master="local[2]", fast=fast, threshold=threshold,
                          partitions=partitions)
        elapsed = time.perf_counter() - start
        story_of = {}
        for part in Path(folder, "out").glob("part-*"):
            for line in part.read_text().splitlines():
                record = json.loads(line)
                story_of.update({i: record["id"] for i in record.get("articles", [])})
    print(f"N={n} on Spark (local[2], {partitions} time ranges): {len(truth)} articles -> "
          f"{len(set(story_of.values()))} stories; {len(truth) / elapsed:.1f} articles/s including Spark start")
    report(truth, story_of)


if __name__ == "__main__":
    main()
