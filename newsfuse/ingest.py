"""Read news articles from folders, Multi-News files, JSONL datasets, URLs or stdin.

Every reader returns plain `Cluster`s. Problems are raised (or, for one bad line of a
dataset, yielded) as `NewsfuseError` with the file and the problem in the message.
"""
from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from newsfuse.fetch import Fetcher, FetchPolicy
from newsfuse.types import Cluster, Document, NewsfuseError

log = logging.getLogger(__name__)

MULTI_NEWS_SEPARATOR = "|||||"
TEXT_SUFFIXES = {".txt", ".md", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
MAX_FILE_BYTES = 64 * 1024 * 1024  # past this, reading is refused rather than risk memory


def decode(data: bytes, name: str) -> str:
    """Bytes to text: UTF-8 first (the common case), else charset-normalizer's best guess."""
    if not data.strip():
        raise NewsfuseError(f"{name}: file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if b"\x00" not in data:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    if best is None or _looks_binary(str(best)):
        raise NewsfuseError(f"{name}: not a text file (binary content)")
    return data.decode(best.encoding, errors="replace")


def _looks_binary(text: str) -> bool:
    control = sum(1 for ch in text[:10_000] if ord(ch) < 32 and ch not in "\t\n\r\f")
    return control > len(text[:10_000]) * 0.01


def looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or ("<p>" in head and "</p>" in head)


def extract_html(html: str, source: str, url: str = "") -> dict[str, str]:
    """Article text and metadata (title, date, url, sitename) of a page: one trafilatura parse."""
    import trafilatura

    result = trafilatura.bare_extraction(html, url=url or None, favor_precision=True, include_comments=False,
                                         include_tables=False, with_metadata=True)
    if result is not None and not isinstance(result, dict):  # trafilatura 1.x returns a dict, 2.x a Document
        result = {name: getattr(result, name, None) for name in ("text", "title", "date", "url", "sitename")}
    fields = {name: (result or {}).get(name) or "" for name in ("text", "title", "date", "url", "sitename")}
    if not fields["text"].strip():
        raise NewsfuseError(f"{source}: no article text found in the HTML")
    return fields


def document_from_html(html: str, source: str) -> Document:
    page = extract_html(html, source)
    return Document(text=page["text"], title=page["title"], source=source, url=page["url"], published=page["date"])


def document_from_text(text: str, source: str) -> Document:
    """A plain-text article; a short first line without a full stop is its title."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if looks_like_html(text):
        return document_from_html(text, source)
    lines = text.strip("\n").split("\n")
    first = lines[0].strip()
    title = ""
    if 0 < len(first.split()) <= 25 and not first.endswith((".", "!", "?", '"', "”")) and len(lines) > 1:
        title = first
        text = "\n".join(lines[1:])
    return Document(text=text, title=title, source=source)


def read_file_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise NewsfuseError(f"{path}: cannot read ({exc.strerror})") from None
    if size > MAX_FILE_BYTES:
        raise NewsfuseError(f"{path}: file is {size / 1e6:.0f} MB, over the {MAX_FILE_BYTES // 2**20} MiB limit")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise NewsfuseError(f"{path}: cannot read ({exc.strerror})") from None


def split_multi_news(text: str, source: str) -> list[Document]:
    parts = [p.strip() for p in text.split(MULTI_NEWS_SEPARATOR)]
    return [
        document_from_text(p, f"{source}#{i + 1}")
        for i, p in enumerate(parts)
        if p
    ]


def documents_from_text_blob(text: str, source: str) -> list[Document]:
    if MULTI_NEWS_SEPARATOR in text:
        docs = split_multi_news(text, source)
    else:
        docs = [document_from_text(text, source)]
    if not docs:
        raise NewsfuseError(f"{source}: no article text found")
    return docs


def read_folder(folder: Path) -> Cluster:
    files = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
    articles = [p for p in files if p.suffix.lower() in ARTICLE_SUFFIXES]
    if not articles:
        raise NewsfuseError(f"{folder}: no .txt, .md or .html articles in this folder")
    documents: list[Document] = []
    problems: list[str] = []
    for path in articles:
        try:
            text = decode(read_file_bytes(path), str(path))
            if path.suffix.lower() in HTML_SUFFIXES:
                documents.append(document_from_html(text, path.name))
            else:
                documents.extend(documents_from_text_blob(text, path.name))
        except NewsfuseError as exc:
            problems.append(str(exc))
    if not documents:
        raise NewsfuseError(f"{folder}: no readable article ({'; '.join(problems)})")
    for problem in problems:
        log.warning("skipped %s", problem)
    return Cluster(documents=tuple(documents), id=folder.name)


def cluster_from_record(record: object, where: str) -> Cluster:
    """One JSONL record ({"id", "documents", "summary"}) to a Cluster."""
    if not isinstance(record, dict):
        raise NewsfuseError(f"{where}: expected a JSON object, got {type(record).__name__}")
    raw_docs = record.get("documents")
    if not isinstance(raw_docs, list) or not raw_docs:
        raise NewsfuseError(f'{where}: "documents" must be a non-empty list')
    documents = []
    for i, raw in enumerate(raw_docs):
        documents.append(document_from_record(raw, f"{where} document {i}"))
    documents = [d for d in documents if d.text.strip()]
    if not documents:
        raise NewsfuseError(f"{where}: every document is empty")
    reference = record.get("summary") or ""
    return Cluster(
        documents=tuple(documents),
        id=str(record.get("id", "")),
        reference=reference if isinstance(reference, str) else "",
    )


def document_from_record(raw: object, where: str) -> Document:
    if isinstance(raw, str):
        return document_from_text(raw, "") if looks_like_html(raw) else Document(text=raw)
    if isinstance(raw, dict):
        text = raw.get("text")
        if not isinstance(text, str):
            raise NewsfuseError(f'{where}: "text" must be a string')
        fields = {k: raw.get(k) or "" for k in ("title", "source", "url", "published")}
        bad = [k for k, v in fields.items() if not isinstance(v, str)]
        if bad:
            raise NewsfuseError(f"{where}: {', '.join(bad)} must be strings")
        if looks_like_html(text):
            text = document_from_html(text, fields["source"] or fields["url"] or where).text
        return Document(text=text, source=fields["source"] or fields["url"], **{
            k: fields[k] for k in ("title", "url", "published")})
    raise NewsfuseError(f"{where}: a document must be a string or an object with \"text\"")


def cluster_from_line(line: str, where: str, fallback_id: str) -> Cluster:
    """One JSONL line to a Cluster (given `fallback_id` when the record has none)."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise NewsfuseError(f"{where}: invalid JSON ({exc.msg})") from None
    cluster = cluster_from_record(record, where)
    return cluster if cluster.id else Cluster(cluster.documents, id=fallback_id, reference=cluster.reference)


def iter_jsonl(text: str, name: str) -> Iterator[Cluster | NewsfuseError]:
    """Yield a Cluster per good line and a NewsfuseError (with its line number) per bad one."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield cluster_from_line(line, f"{name} line {number}", str(number))
        except NewsfuseError as exc:
            yield exc


def is_jsonl(text: str) -> bool:
    return text.lstrip().startswith("{")


def read_clusters(path: str) -> Iterator[Cluster | NewsfuseError]:
    """Everything a user can point newsfuse at: a folder, a file, a JSONL dataset or '-' (stdin)."""
    if is_url(path):
        yield Cluster(documents=(fetch_url(path),), id=path)
        return
    if path == "-":
        name = "<stdin>"
        text = decode(sys.stdin.buffer.read(), name)
    else:
        p = Path(path)
        if not p.exists():
            raise NewsfuseError(f"{path}: no such file or folder")
        if p.is_dir():
            yield read_folder(p)
            return
        name = str(p)
        text = decode(read_file_bytes(p), name)
        if p.suffix.lower() in HTML_SUFFIXES:
            yield Cluster(documents=(document_from_html(text, p.name),), id=p.stem)
            return
    if is_jsonl(text):
        yield from iter_jsonl(text, name)
        return
    source = "stdin" if path == "-" else Path(path).name
    yield Cluster(documents=tuple(documents_from_text_blob(text, source)), id=Path(path).stem if path != "-" else "stdin")


def read_sources(paths: list[str]) -> Iterator[Cluster | NewsfuseError]:
    """One path: whatever it holds. Several (files, folders, URLs): one cluster of all their articles."""
    if len(paths) == 1:
        yield from read_clusters(paths[0])
        return
    documents: list[Document] = []
    for path in paths:
        for item in read_clusters(path):
            if isinstance(item, NewsfuseError):
                raise item
            documents.extend(item.documents)
    yield Cluster(documents=tuple(documents), id="cluster")


# ---------------------------------------------------------------- URLs


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def fetch_url(url: str, policy: FetchPolicy = FetchPolicy()) -> Document:
    """Download one article a person named (the server's URL input, a URL on the command line)
    with the follow fetcher's safe GET: every redirect hop checked, size and time caps. No
    robots.txt: it governs crawlers, not a page someone asked for."""
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        raise NewsfuseError(f"{url}: only http and https URLs can be fetched")
    fetcher = Fetcher(policy, delay_s=0.0, robots=False)
    try:
        response = fetcher.get(url)
    finally:
        fetcher.close()
    text = decode(response.body, url)
    document = document_from_html(text, url) if looks_like_html(text) else document_from_text(text, url)
    return Document(text=document.text, title=document.title, source=url, url=url, published=document.published)
