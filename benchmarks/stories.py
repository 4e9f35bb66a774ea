"""Story clustering benchmark: mix the articles of N Multi-News clusters (shuffled, with time
stamps), recover the clusters, report adjusted Rand index, B-cubed F1 and articles/s, over
all articles and over the articles that have article text (pages that are only an archive
notice or a tweet-location notice are set aside by the clusterer, not put into stories).

    python benchmarks/stories.py [--n 100 250] [--fast]

Each cluster gets a random day in a 60-day span and its articles times within a day of it.
The dev set holds 250 clusters, so N is capped there.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
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
    args = parser.parse_args()
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
        ids = list(truth)
        clustered = [i for i in ids if i in clusterer.story_of]
        # Over all articles, a skipped page (no article text) counts as a story of its own.
        scored = {"all articles": ids, "articles with text": clustered}
        print(f"N={n}: {len(ids)} articles ({len(ids) - len(clustered)} without article text, not clustered) -> "
              f"{len(clusterer.stories)} stories (truth {len(set(truth.values()))}); {len(ids) / elapsed:.1f} articles/s")
        for name, subset in scored.items():
            gold = [truth[i] for i in subset]
            predicted = [clusterer.story_of.get(i, i) for i in subset]
            print(f"  {name:>18}: ARI {adjusted_rand_index(gold, predicted):.3f}, "
                  f"B-cubed F1 {b_cubed_f1(gold, predicted):.3f}")


if __name__ == "__main__":
    main()
