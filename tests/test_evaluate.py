import json
import subprocess
import sys

import pytest

from newsfuse.evaluate import SYSTEMS, ClusterScores, cut_to_words, evaluate, paired_differences, reference_lines
from newsfuse.types import Cluster, Document

from conftest import RAMADI

pytest.importorskip("rouge_score", reason="the eval extra is not installed (pip install '.[eval]')")
pytest.importorskip("sumy", reason="the eval extra is not installed (pip install '.[eval]')")

RAMADI_REFERENCE = ("– Islamic State fighters have taken the Iraqi city of Ramadi after government forces pulled out. "
                    "Officials say about 500 people were killed and thousands fled the city.\n"
                    "Shiite militias are preparing a counter-offensive to retake the capital of Anbar province.")
FLOOD = ("Heavy rain flooded the river valley on Monday, forcing hundreds of families from their homes. "
         "Rescue boats pulled residents from rooftops as the river burst its banks.")
FLOOD_2 = ("The governor declared a state of emergency on Monday after the river burst its banks. "
           "Rescue boats reached families stranded on rooftops in the flooded valley.")


def clusters() -> list[Cluster]:
    ramadi = tuple(Document(text=p.read_text(), source=p.name) for p in sorted(RAMADI.iterdir()))
    return [
        Cluster(ramadi, id="ramadi", reference=RAMADI_REFERENCE),
        Cluster((Document(FLOOD), Document(FLOOD_2)), id="flood", reference="– The river burst its banks on Monday."),
    ]


def test_cut_to_words_cuts_the_last_sentence_at_the_budget():
    assert cut_to_words(["one two three.", "four five six.", "seven."], 5) == ["one two three.", "four five"]
    assert cut_to_words(["one two."], 10) == ["one two."]


def test_reference_loses_the_multi_news_dash_and_is_split_into_sentences():
    lines = reference_lines(RAMADI_REFERENCE)
    assert lines[0].startswith("Islamic State fighters") and len(lines) == 3


def test_every_system_is_scored_side_by_side_on_the_same_clusters():
    results, summary = evaluate(clusters(), SYSTEMS, words=60, fast=True)
    assert [r.id for r in results] == ["ramadi", "flood"] and not any(r.error for r in results)
    assert set(summary) == set(SYSTEMS)
    for system, entry in summary.items():
        assert entry["clusters"] == 2
        assert entry["copied"]["mean"] == 100.0, system  # extractive: every sentence from a source
        assert entry["words"]["mean"] <= 60
        for metric in ("rouge1", "rouge2", "rougeLsum"):
            assert 0 < entry[metric]["mean"] <= 100
            assert entry[metric]["low"] <= entry[metric]["mean"] <= entry[metric]["high"]


def test_a_summary_equal_to_the_reference_scores_100():
    text = "The bridge reopened on Monday after repairs. Traffic returned to normal by noon."
    cluster = Cluster((Document(text),), id="bridge", reference="– " + text)
    _, summary = evaluate([cluster], ("lead",), words=250, fast=True)
    assert summary["lead"]["rouge1"]["mean"] == pytest.approx(100.0)
    assert summary["lead"]["rouge2"]["mean"] == pytest.approx(100.0)


def test_paired_differences_are_newsfuse_minus_each_system_cluster_by_cluster():
    scores = lambda nf, lead: {"newsfuse": dict.fromkeys(("rouge1", "rouge2", "rougeLsum"), nf),
                               "lead": dict.fromkeys(("rouge1", "rouge2", "rougeLsum"), lead)}
    # Cluster difficulty varies widely, the difference hardly: the paired interval is narrow.
    results = [ClusterScores(id=str(i), scores=scores(10.0 * i + 2.0, 10.0 * i)) for i in range(10)]
    differences = paired_differences(results, ("newsfuse", "lead"))
    assert set(differences) == {"lead"}
    assert differences["lead"]["rouge2"] == {"mean": 2.0, "low": 2.0, "high": 2.0}
    assert paired_differences(results, ("lead",)) == {}


def test_a_quotation_joined_from_consecutive_sentences_counts_as_copied():
    quote = ('"We do not have an accurate count of the dead in Ramadi yet. '
             'We estimate that 500 people have been killed in Ramadi," the spokesman said.')
    other = "Militants seized Ramadi on Sunday after a three-day battle. Officials fear that 500 people have been killed."
    cluster = Cluster((Document(quote), Document(other)), id="quote", reference="– 500 people have been killed in Ramadi.")
    results, summary = evaluate([cluster], ("newsfuse",), words=60, fast=True)
    assert summary["newsfuse"]["copied"]["mean"] == 100.0 and summary["newsfuse"]["words"]["mean"] > 40


def test_worker_processes_give_the_same_scores():
    one, _ = evaluate(clusters(), ("newsfuse", "lead"), words=60, fast=True)
    two, _ = evaluate(clusters(), ("newsfuse", "lead"), words=60, fast=True, workers=2)
    strip = lambda results: [{s: {k: v for k, v in m.items() if k != "seconds"} for s, m in r.scores.items()}
                             for r in results]
    assert strip(one) == strip(two)


def test_evaluate_command_writes_a_report_and_names_clusters_without_reference(tmp_path):
    data = tmp_path / "dev.jsonl"
    rows = [{"id": c.id, "documents": [d.text for d in c.documents], "summary": c.reference} for c in clusters()]
    rows.append({"id": "no-summary", "documents": [FLOOD]})
    data.write_text("".join(json.dumps(r) + "\n" for r in rows))
    report = tmp_path / "report.json"
    result = subprocess.run([sys.executable, "-m", "newsfuse", "evaluate", str(data), "--systems", "newsfuse,lead",
                             "--words", "60", "--fast", "-o", str(report)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 1, result.stderr  # one cluster skipped
    assert "no-summary" in result.stderr and "newsfuse" in result.stdout and "rouge2" in result.stdout
    saved = json.loads(report.read_text())
    assert [c["id"] for c in saved["clusters"]] == ["ramadi", "flood"]
    assert set(saved["clusters"][0]["scores"]) == {"newsfuse", "lead"}
    assert set(saved["newsfuse_minus"]["lead"]) == {"rouge1", "rouge2", "rougeLsum"}
    assert "newsfuse - lead, paired" in result.stdout

    data.write_text(json.dumps({"id": "x", "documents": [FLOOD]}) + "\n")
    result = subprocess.run([sys.executable, "-m", "newsfuse", "evaluate", str(data)], capture_output=True, text=True)
    assert result.returncode == 2 and "no cluster with a reference summary" in result.stderr


def test_a_pronoun_opening_dangles_unless_its_article_sentence_comes_right_before():
    from newsfuse.evaluate import dangling_count

    articles = ["Jane Smith won the race on Sunday. She had trained for ten years. The crowd cheered."]
    assert dangling_count(["Jane Smith won the race on Sunday.", "She had trained for ten years."], articles) == 0
    assert dangling_count(["The crowd cheered.", "She had trained for ten years."], articles) == 1
    assert dangling_count(["She had trained for ten years."], articles) == 1  # nothing before it
    assert dangling_count(['"But we never gave up," she said.', "Shelters opened."], articles) == 1
    assert dangling_count(["Heavy rain fell.", "Items were lost."], articles) == 0  # whole words only


def test_a_bare_quote_has_quotation_marks_at_both_ends_and_no_verb_of_saying():
    from newsfuse.evaluate import is_bare_quote

    assert is_bare_quote("“We will rebuild the bridge.”")
    assert is_bare_quote('"We will rebuild the bridge".')
    assert not is_bare_quote('"We will rebuild the bridge," the mayor said.')
    assert not is_bare_quote('"We will rebuild," he told reporters, "and soon."')
    assert not is_bare_quote("The mayor promised to rebuild the bridge.")


def test_readability_figures_are_shares_of_all_summary_sentences():
    _, summary = evaluate(clusters(), ("newsfuse", "lead"), words=60, fast=True)
    for entry in summary.values():
        assert 0.0 <= entry["dangling"]["mean"] <= 100.0 and 0.0 <= entry["bare_quotes"]["mean"] <= 100.0
