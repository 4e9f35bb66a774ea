"""Coverage-guided fuzzing (atheris) of the ingest parsers: HTML, '|||||' text, JSONL.

    pip install atheris && python benchmarks/fuzz_ingest.py -max_total_time=600

Anything but NewsfuseError escaping a parser is a crash; atheris stops and writes the input
to crash-*; each one found becomes a regression test in tests/test_ingest.py.
"""
from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from newsfuse.ingest import decode, document_from_html, documents_from_text_blob, iter_jsonl
    from newsfuse.types import NewsfuseError


def one_input(data: bytes) -> None:
    if not data:
        return
    kind, payload = data[0] % 3, data[1:]
    try:
        text = decode(payload, "fuzz")
    except NewsfuseError:
        return
    try:
        if kind == 0:
            document_from_html(text, "fuzz.html")
        elif kind == 1:
            documents_from_text_blob(text, "fuzz.txt")
        else:
            for item in iter_jsonl(text, "fuzz.jsonl"):
                assert item is not None
    except NewsfuseError:
        pass


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
