import json
import subprocess
import sys

import pytest

from conftest import RAMADI


def newsfuse(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "newsfuse", *args], input=stdin, capture_output=True, text=True, timeout=120)


def test_summarize_ramadi_as_text():
    result = newsfuse("summarize", str(RAMADI))
    assert result.returncode == 0, result.stderr
    # The headline is one of the sources' titles, verbatim.
    titles = [path.read_text().splitlines()[0] for path in RAMADI.iterdir()]
    assert result.stdout.splitlines()[0] in titles
    assert "Ramadi" in result.stdout and "Sources" in result.stdout


def test_json_to_file_and_sentence_count(tmp_path):
    out = tmp_path / "b.json"
    result = newsfuse("summarize", str(RAMADI), "--sentences", "3", "--format", "json", "--fast", "-o", str(out))
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text())
    assert len(data["sentences"]) == 3


def test_stdin_multi_news_layout():
    text = " ||||| ".join((RAMADI / name).read_text() for name in sorted(p.name for p in RAMADI.iterdir())[:2])
    result = newsfuse("summarize", "-", "--words", "60", "--format", "md", "--fast", stdin=text)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# ") and "## Sources" in result.stdout


def test_jsonl_bad_line_reported_others_summarised(tmp_path):
    good = {"id": "ok", "documents": [(RAMADI / "001_50a85e9e3df0fe24.txt").read_text()]}
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps(good) + "\n{broken\n" + json.dumps({**good, "id": "ok2"}) + "\n")
    result = newsfuse("summarize", str(path), "--format", "json", "--fast", "--words", "50")
    assert result.returncode == 1
    assert "line 2" in result.stderr and "Traceback" not in result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["ok", "ok2"]


@pytest.mark.parametrize("make", ["missing", "empty_dir", "empty_file", "binary"])
def test_bad_input_one_line_error_exit_2(tmp_path, make):
    path = tmp_path / make
    if make == "empty_dir":
        path.mkdir()
    elif make == "empty_file":
        path.write_text("")
    elif make == "binary":
        path.write_bytes(bytes(range(256)) * 100)
    result = newsfuse("summarize", str(path), "--fast")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0]


def test_help_explains_every_option():
    result = newsfuse("summarize", "--help")
    for option in ["--words", "--sentences", "--fast", "--format", "--output"]:
        assert option in result.stdout


def test_help_shows_the_install_extra_in_brackets():
    # the help is rich markup, where an unescaped "[spark]" is a style tag and vanishes
    for args in (["--help"], ["spark", "--help"]):
        assert "newsfuse[spark]" in newsfuse(*args).stdout


def test_words_and_sentences_together_is_an_error():
    result = newsfuse("summarize", str(RAMADI), "--words", "50", "--sentences", "2")
    assert result.returncode == 2 and "not both" in result.stderr


def test_several_files_make_one_cluster(tmp_path):
    files = sorted(RAMADI.iterdir())[:3]
    result = newsfuse("summarize", *map(str, files), "--format", "json", "--fast", "--words", "80")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [d["source"] for d in data["documents"]] == [f.name for f in files]
