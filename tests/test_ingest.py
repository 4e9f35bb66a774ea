import json
import subprocess
import sys

import pytest

from newsfuse.ingest import decode, read_clusters
from newsfuse.types import Cluster, NewsfuseError

from conftest import RAMADI


def write(path, data: bytes):
    path.write_bytes(data)
    return path


def clusters(path):
    return list(read_clusters(str(path)))


def test_folder_of_text_files_is_one_cluster_with_titles():
    [cluster] = clusters(RAMADI)
    assert len(cluster.documents) == 5
    assert cluster.documents[4].title == "500 killed as Islamic State take Iraqi city Ramadi"
    assert cluster.documents[0].source == "000_1ef04b339c3ba576.txt"
    assert "Ramadi" in cluster.documents[0].text


def test_multi_news_file_splits_on_separator(tmp_path):
    path = tmp_path / "cluster.txt"
    path.write_text("First article. It is long enough.\n|||||\nSecond article text here.|||||  ")
    [cluster] = clusters(path)
    assert [d.text for d in cluster.documents] == ["First article. It is long enough.", "Second article text here."]
    assert cluster.documents[1].source == "cluster.txt#2"


def test_html_file_main_text_and_title_extracted(tmp_path):
    body = "<p>" + "Troops entered the city on Sunday after a long siege by the militants. " * 5 + "</p>"
    page = f"<html><head><title>City falls</title></head><body><nav>Home | About | Contact</nav><article><h1>City falls</h1>{body}{body}</article></body></html>"
    (tmp_path / "a.html").write_text(page)
    [cluster] = clusters(tmp_path)
    doc = cluster.documents[0]
    assert doc.title == "City falls"
    assert "Troops entered the city" in doc.text
    assert "Home | About" not in doc.text


def test_windows_1252_and_utf16_files_decode(tmp_path):
    text = "The minister\u2019s caf\u00e9 meeting \u2013 held on Monday \u2013 ended early."
    (tmp_path / "a.txt").write_bytes(text.encode("cp1252"))
    (tmp_path / "b.txt").write_bytes(text.encode("utf-16"))
    [cluster] = clusters(tmp_path)
    assert [d.text for d in cluster.documents] == [text, text]


def test_jsonl_with_strings_and_objects_and_a_bad_line(tmp_path):
    lines = [
        json.dumps({"id": "a", "documents": ["One text.", "Two text."], "summary": "ref"}),
        "{not json",
        json.dumps({"id": "c", "documents": [{"text": "Body.", "title": "T", "url": "http://x.example/1"}]}),
        json.dumps({"id": "d", "documents": []}),
    ]
    path = tmp_path / "data.jsonl"
    path.write_text("\n".join(lines) + "\n")
    items = clusters(path)
    assert isinstance(items[0], Cluster) and items[0].reference == "ref" and items[0].id == "a"
    assert isinstance(items[1], NewsfuseError) and "line 2" in str(items[1]) and "invalid JSON" in str(items[1])
    assert items[2].documents[0].title == "T" and items[2].documents[0].source == "http://x.example/1"
    assert isinstance(items[3], NewsfuseError) and "line 4" in str(items[3])


@pytest.mark.parametrize(
    "setup, message",
    [
        (lambda p: p / "missing", "no such file or folder"),
        (lambda p: (p / "empty").mkdir() or p / "empty", "no .txt, .md or .html articles"),
        (lambda p: write(p / "e.txt", b""), "file is empty"),
        (lambda p: write(p / "b.txt", bytes(range(256)) * 50), "binary"),
    ],
)
def test_bad_paths_raise_errors_naming_the_file(tmp_path, setup, message):
    path = setup(tmp_path)
    with pytest.raises(NewsfuseError, match=message) as error:
        clusters(path)
    assert str(path) in str(error.value)


def test_folder_with_no_readable_article_names_each_problem(tmp_path):
    (tmp_path / "a.txt").write_text("   ")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    with pytest.raises(NewsfuseError, match="no readable article") as error:
        clusters(tmp_path)
    assert "a.txt" in str(error.value) and "b.txt" in str(error.value)


def test_unreadable_file_in_a_folder_is_skipped_and_reported(tmp_path, caplog):
    (tmp_path / "good.txt").write_text("Officials said the bridge reopened on Monday after repairs.")
    (tmp_path / "empty.txt").write_text("   ")
    [cluster] = clusters(tmp_path)
    assert [d.source for d in cluster.documents] == ["good.txt"]
    assert any("empty.txt" in r.getMessage() and r.levelname == "WARNING" for r in caplog.records)
    result = subprocess.run([sys.executable, "-m", "newsfuse", "summarize", str(tmp_path)], capture_output=True, text=True)
    assert result.returncode == 0 and "newsfuse: skipped" in result.stderr and "empty.txt" in result.stderr


def test_decode_prefers_utf8():
    assert decode("na\u00efve".encode(), "x") == "na\u00efve"


def test_fuzz_crash_truncated_utf16_is_decoded_not_raised():
    # Found by benchmarks/fuzz_ingest.py: a UTF-16 byte-order mark followed by an odd number of bytes.
    text = decode(bytes([0xED, 0xFE, 0xFF, 0x43, 0x43, 0xF5, 0xAA, 0xF5])[1:], "crash")
    assert isinstance(text, str)
