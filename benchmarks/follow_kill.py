"""SIGKILL a `newsfuse follow` pass at random points, many times, and check what the issue
asks of the store: the next pass completes, no article is stored twice, none that was
committed is lost, and `PRAGMA integrity_check` is ok every time.

Setup: a real HTTP server on loopback serves six outlets' feeds of Multi-News dev articles.
A base database holds a completed first pass over the first half of every feed; the feeds
then list all articles. Each trial copies the base, starts the second pass (`python -m
newsfuse follow --fast`) and kills it after a random time drawn over the length of a whole
pass (so kills land in start-up, fetching, clustering and briefing alike); sometimes it kills
the resumed pass once more. Then a pass runs to the end and the result must equal a
reference second pass that was never killed: the same articles, the same stories, exactly
one new briefing version per story that gained articles.

    python benchmarks/follow_kill.py --trials 20
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from feedsite import Item, Site, article_parts  # noqa: E402

OUTLETS = 6


def dev_items(path: Path, clusters: int) -> list[Item]:
    """The first `clusters` dev clusters as articles, a cluster a day apart, hours between articles."""
    import datetime as dt

    items = []
    for c, line in enumerate(path.read_text(encoding="utf-8").splitlines()[:clusters]):
        for j, text in enumerate(json.loads(line)["documents"]):
            if text.strip():
                title, paragraphs = article_parts(text.replace(" \n ", "\n"))
                when = dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc) + dt.timedelta(days=c / 4, hours=3 * j)
                items.append(Item(f"a{len(items):04d}", title, paragraphs or (title,),
                                  f"Outlet {len(items) % OUTLETS}", when))
    return items


def publish(site: Site, items: list[Item], share: float) -> None:
    for o in range(OUTLETS):
        mine = [i for i in items if i.outlet == f"Outlet {o}"]
        site.publish(f"/outlet{o}.xml", f"Outlet {o}", mine[:round(len(mine) * share)])


def snapshot(db: Path) -> dict:
    """What a killed pass left: integrity, articles (url → id, text length), the phase reached."""
    if not db.exists():
        return {"integrity": "ok", "articles": {}, "phase": "start-up"}
    with sqlite3.connect(db) as check:
        integrity = check.execute("PRAGMA integrity_check").fetchone()[0]
        articles = {url: (i, length) for url, i, length in check.execute("SELECT url, id, length(text) FROM articles")}
        new = check.execute("SELECT count(*) FROM articles WHERE state = 'new'").fetchone()[0]
        pending = check.execute("SELECT count(*) FROM stories WHERE pending = 1").fetchone()[0]
        feeds_done = check.execute("SELECT count(*) FROM feeds WHERE checked_at > ?", (BASE_CHECKED,)).fetchone()[0]
    phase = ("start-up" if feeds_done == 0 and new == 0 and not pending else "fetch" if feeds_done < OUTLETS
             else "cluster" if new else "brief" if pending else "done")
    return {"integrity": integrity, "articles": articles, "phase": phase}


def outcome(db: Path) -> dict:
    """A completed pass's result, comparable between runs."""
    with sqlite3.connect(db) as check:
        stories = {}
        for url, story in check.execute("SELECT a.url, sa.story_id FROM story_articles sa "
                                        "JOIN articles a ON a.id = sa.article_id"):
            stories.setdefault(story, set()).add(url)
        return {
            "integrity": check.execute("PRAGMA integrity_check").fetchone()[0],
            "urls": Counter(r[0] for r in check.execute("SELECT url FROM articles")),
            "stories": sorted(sorted(s) for s in stories.values()),
            "versions": Counter(r[0] for r in check.execute("SELECT max(version) FROM briefings GROUP BY story_id")),
            "left": check.execute("SELECT (SELECT count(*) FROM articles WHERE state = 'new') + "
                                  "(SELECT count(*) FROM stories WHERE pending = 1) + "
                                  "(SELECT count(*) FROM stories WHERE id NOT IN (SELECT story_id FROM briefings)) + "
                                  "abs((SELECT count(*) FROM cluster_members) - (SELECT count(*) FROM story_articles))"
                                  ).fetchone()[0],
            "copies": check.execute("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[0],
        }


BASE_CHECKED = ""


def main() -> None:
    global BASE_CHECKED
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--clusters", type=int, default=12, help="dev clusters served (about 2.7 articles each)")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared/data/multinews/dev.jsonl")
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    site = Site()
    site.delay_s = 0.02  # a little network time, so fetching is a phase worth hitting
    items = dev_items(args.data, args.clusters)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sources = folder / "feeds.txt"
        sources.write_text("".join(f"{site.url}/outlet{o}.xml\n" for o in range(OUTLETS)))

        def command(db: Path) -> list[str]:
            return [sys.executable, "-m", "newsfuse", "follow", str(sources), "--db", str(db), "--fast",
                    "--allow-private-urls", "--delay", "0"]

        def complete(db: Path) -> tuple[subprocess.CompletedProcess, float]:
            started = time.perf_counter()
            result = subprocess.run(command(db), capture_output=True, text=True, timeout=600)
            return result, time.perf_counter() - started

        base = folder / "base.db"
        publish(site, items, 0.5)
        first, _ = complete(base)
        # Exit status 1 says some page was skipped (a dev article with no text left): still a completed pass.
        assert first.returncode in (0, 1) and "feeds read" in first.stdout, first.stderr
        with sqlite3.connect(base) as db:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # one file to copy
            BASE_CHECKED = db.execute("SELECT max(checked_at) FROM feeds").fetchone()[0]
        time.sleep(1.1)  # checked_at has whole seconds: later passes stamp a later second
        publish(site, items, 1.0)
        reference_db = folder / "reference.db"
        shutil.copy(base, reference_db)
        result, full_s = complete(reference_db)
        assert result.returncode in (0, 1) and "feeds read" in result.stdout, result.stderr
        reference = outcome(reference_db)
        print(f"{len(items)} articles on {OUTLETS} feeds; first pass over half of them, then the second pass "
              f"(the one killed) adds {sum(reference['urls'].values()) - len(snapshot(base)['articles'])}: "
              f"{full_s:.1f} s unkilled: {result.stdout.strip()}")

        failures, phases, kills, resumed_s = [], Counter(), 0, []
        for trial in range(1, args.trials + 1):
            db = folder / f"trial{trial}.db"
            shutil.copy(base, db)
            committed = snapshot(db)["articles"]
            problems, hit = [], []
            for _ in range(1 if rng.random() < 0.6 else 2):
                process = subprocess.Popen(command(db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                time.sleep(rng.uniform(0.0, full_s))
                os.kill(process.pid, signal.SIGKILL)
                process.wait()
                kills += 1
                state = snapshot(db)
                hit.append(state["phase"])
                phases[state["phase"]] += 1
                if state["integrity"] != "ok":
                    problems.append(f"integrity_check after the kill: {state['integrity']}")
                lost = [u for u, (i, _) in committed.items() if state["articles"].get(u, (None,))[0] != i]
                if lost:
                    problems.append(f"{len(lost)} committed articles lost or renumbered, e.g. {lost[0]}")
                if any(length == 0 for _, length in state["articles"].values()):
                    problems.append("an article with no text (half written)")
                committed = state["articles"]
            result, seconds = complete(db)
            resumed_s.append(seconds)
            # Status 1 only says this pass skipped something: a resumed pass may not meet the
            # skipped page again, so 0 and 1 both mean the pass ran to its end.
            if result.returncode not in (0, 1) or "feeds read" not in result.stdout:
                problems.append(f"the next pass failed ({result.returncode}): {result.stderr.strip()[-300:]}")
            else:
                got = outcome(db)
                if got["integrity"] != "ok":
                    problems.append(f"integrity_check: {got['integrity']}")
                if max(got["urls"].values()) > 1:
                    problems.append("an article stored twice")
                if set(got["urls"]) != set(reference["urls"]):
                    problems.append(f"articles differ from the unkilled pass: {len(got['urls'])} vs {len(reference['urls'])}")
                if not set(committed) <= set(got["urls"]):
                    problems.append("a committed article lost by the next pass")
                for key in ("stories", "versions", "copies", "left"):
                    if got[key] != reference[key]:
                        problems.append(f"{key} differ from the unkilled pass: {got[key]!s:.200} vs {reference[key]!s:.200}")
            print(f"trial {trial:2d}: killed in {' then '.join(hit)}; next pass {seconds:.1f} s: "
                  + ("ok" if not problems else "; ".join(problems)), flush=True)
            if problems:
                failures.append(trial)
        site.close()
    print(f"{args.trials} trials, {kills} kills ({', '.join(f'{n} in {p}' for p, n in phases.most_common())}); "
          f"{args.trials - len(failures)}/{args.trials} trials: next pass completed, no duplicate, no committed "
          f"article lost, integrity ok, same stories and briefing versions as the unkilled pass"
          + (f"; FAILED: {failures}" if failures else ""))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
