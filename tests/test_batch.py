import json
import signal
import subprocess
import sys
import time

from newsfuse.batch import AppendOnlyLines, finished_ids, run_batch
from newsfuse.select import Budget

from conftest import RAMADI


def dataset(path, n, bad_every=0):
    texts = [p.read_text() for p in sorted(RAMADI.iterdir())]
    with open(path, "w") as f:
        for i in range(n):
            if bad_every and i % bad_every == bad_every - 1:
                f.write(json.dumps({"id": f"c{i}", "documents": []}) + "\n")
            else:
                f.write(json.dumps({"id": f"c{i}", "documents": texts[i % 3: i % 3 + 3]}) + "\n")
    return path


def ids(path):
    return [json.loads(line)["id"] for line in path.read_text().splitlines()]


def test_batch_writes_every_good_cluster_and_reports_bad_ones(tmp_path):
    source = dataset(tmp_path / "in.jsonl", 6, bad_every=3)
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    summary = run_batch(source, out, errors, Budget(words=60), workers=1, fast=True)
    assert (summary.done, summary.failed) == (4, 2)
    assert sorted(ids(out)) == ["c0", "c1", "c3", "c4"]
    reported = [json.loads(line) for line in errors.read_text().splitlines()]
    assert all("documents" in r["error"] for r in reported) and len(reported) == 2


def test_rerun_skips_finished_ids_and_parallel_equals_serial(tmp_path):
    source = dataset(tmp_path / "in.jsonl", 6)
    serial, parallel = tmp_path / "serial.jsonl", tmp_path / "parallel.jsonl"
    run_batch(source, serial, tmp_path / "e1", Budget(words=60), workers=1, fast=True)
    run_batch(source, parallel, tmp_path / "e2", Budget(words=60), workers=2, fast=True)
    assert sorted(serial.read_text().splitlines()) == sorted(parallel.read_text().splitlines())
    again = run_batch(source, serial, tmp_path / "e1", Budget(words=60), workers=1, fast=True)
    assert (again.done, again.skipped) == (0, 6)
    assert len(ids(serial)) == 6


def test_torn_last_line_is_cut_before_resuming(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "a", "summary": "x"}\n{"id": "b", "summ')
    assert finished_ids(out) == {"a"}
    assert out.read_text() == '{"id": "a", "summary": "x"}\n'


def test_append_only_lines_are_whole(tmp_path):
    lines = AppendOnlyLines(tmp_path / "x.jsonl")
    lines.write('{"a": 1}')
    lines.write('{"b": 2}\n')
    lines.close()
    assert (tmp_path / "x.jsonl").read_text() == '{"a": 1}\n{"b": 2}\n'


def test_kill_9_mid_run_loses_no_finished_line_and_resume_completes(tmp_path):
    source = dataset(tmp_path / "in.jsonl", 40)
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "newsfuse", "batch", str(source), "-o", str(out), "--words", "80"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while (not out.exists() or out.read_text().count("\n") < 3) and time.time() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    before = out.read_bytes()
    assert before.endswith(b"\n")
    partial = ids(out)
    assert 3 <= len(partial) < 40
    subprocess.run(command, check=True, capture_output=True, timeout=300)
    final = ids(out)
    assert sorted(final) == sorted(f"c{i}" for i in range(40))
    assert out.read_bytes().startswith(before)
