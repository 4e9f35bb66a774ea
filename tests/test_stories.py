import json
import subprocess
import sys

import pytest

from newsfuse.store import load_clusterer_file, save_clusterer_file
from newsfuse.stories import Article, StoryClusterer, adjusted_rand_index, b_cubed_f1

from newsfuse.types import NewsfuseError

from conftest import RAMADI

FLOOD = ("Heavy rain flooded the river valley on Monday, forcing hundreds of families from their homes. "
         "Rescue boats pulled residents from rooftops as the river burst its banks. "
         "The regional governor declared a state of emergency and asked the army for help.")
FLOOD_2 = ("Rescue teams used boats to reach families stranded by the flooded river on Monday. "
           "The governor declared an emergency after the river burst its banks and water reached rooftops.")
ELECTION = ("Voters in the capital elected a new mayor on Sunday after a tight campaign about housing and transport. "
            "The winner promised cheaper buses and thousands of new flats within four years.")


def articles():
    ramadi = [p.read_text() for p in sorted(RAMADI.iterdir())]
    return [
        Article("r1", ramadi[1], published="2015-05-18T10:00"),
        Article("r1-copy", ramadi[1].replace("Monday", "on Monday"), published="2015-05-18T12:00"),  # wire copy
        Article("f1", FLOOD, published="2015-05-18T09:00"),
        Article("r2", ramadi[4], published="2015-05-19T08:00"),
        Article("f2", FLOOD_2, published="2015-05-18T15:00"),
        Article("e1", ELECTION, published="2015-05-19T07:00"),
    ]


@pytest.mark.parametrize("with_model", [True, False], ids=["embeddings", "fast"])
def test_stories_group_copies_and_paraphrases(encoder, with_model):
    clusterer = StoryClusterer(encoder if with_model else None)
    story = clusterer.add(articles())
    assert story["r1"] == story["r1-copy"] == story["r2"]
    assert story["f1"] == story["f2"] != story["r1"]
    assert story["e1"] not in {story["r1"], story["f1"]}


def test_pages_without_article_text_are_set_aside(encoder):
    notice = Article("n1", "Starting in 1996, Alexa Internet has been donating their crawl data to the Internet Archive.")
    clusterer = StoryClusterer(encoder)
    player = Article("n3", "Rating is available when the video has been rented. This feature is not available right now. "
                           "Please try again later.")
    story = clusterer.add([*articles(), notice, Article("n2", "Click to follow"), player])
    assert "n1" not in story and clusterer.skipped == ["n1", "n2", "n3"]
    assert sum(len(s.members) for s in clusterer.stories) == len(articles())


def test_state_refuses_another_encoder(encoder, tmp_path):
    save_clusterer_file(tmp_path / "state.pkl", StoryClusterer(encoder))
    with pytest.raises(NewsfuseError, match="same --fast"):
        load_clusterer_file(tmp_path / "state.pkl", None)


def test_incremental_add_and_state_round_trip(encoder, tmp_path):
    first, later = articles()[:3], articles()[3:]
    clusterer = StoryClusterer(encoder)
    clusterer.add(first)
    save_clusterer_file(tmp_path / "state.pkl", clusterer)
    resumed = load_clusterer_file(tmp_path / "state.pkl", encoder)
    story = resumed.add(later)
    assert story["r2"] == resumed.story_of["r1"]
    assert story["f2"] == resumed.story_of["f1"]
    assert len(resumed.stories) == 3


def test_scores_on_known_partitions():
    truth = ["a", "a", "b", "b"]
    assert adjusted_rand_index(truth, [1, 1, 2, 2]) == 1.0
    assert b_cubed_f1(truth, [1, 1, 2, 2]) == 1.0
    assert b_cubed_f1(truth, [1, 2, 3, 4]) < 0.7
    assert adjusted_rand_index(truth, [1, 2, 1, 2]) < 0


def test_cluster_command_writes_stories_with_briefings(tmp_path):
    source = tmp_path / "articles.jsonl"
    source.write_text("\n".join(json.dumps({"id": a.id, "text": a.text, "published": a.published}) for a in articles()) + "\n")
    out = tmp_path / "stories.jsonl"
    result = subprocess.run([sys.executable, "-m", "newsfuse", "cluster", str(source), "-o", str(out), "--summarize",
                             "--words", "60"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    stories = [json.loads(line) for line in out.read_text().splitlines()]
    assert sorted(len(s["articles"]) for s in stories) == [1, 2, 3]
    assert all(s["briefing"]["words"] <= 60 for s in stories)


def test_stitch_joins_a_story_cut_at_a_time_range_boundary_only_within_the_window():
    from collections import Counter

    from newsfuse.stories import stitch

    flood = {"flood": 3, "river": 2, "rescu": 1}
    election = {"mayor": 2, "vote": 3, "bus": 1}
    edges = [
        {"key": "p0:0", "first_seen": 1.0, "last_seen": 2.0, "terms": [flood], "vectors": [[]]},
        {"key": "p0:1", "first_seen": 1.5, "last_seen": 1.6, "terms": [election], "vectors": [[]]},
        {"key": "p1:0", "first_seen": 2.5, "last_seen": 3.0, "terms": [flood, {"flood": 1, "river": 1}], "vectors": [[], []]},
        {"key": "p2:0", "first_seen": 9.0, "last_seen": 9.5, "terms": [election], "vectors": [[]]},  # too late
    ]
    frequency = Counter({"flood": 3, "river": 3, "rescu": 1, "mayor": 2, "vote": 2, "bus": 1, "tax": 5})
    assert stitch(edges, frequency, documents=10, threshold=0.1, window_days=3.0) == {"p1:0": "p0:0"}
