"""Loading articles from ``seeds/``: the text exactly as on disk, and its metadata, validated.

Every problem is reported as a :class:`CorpusError` whose message names the file
and says what is wrong, never as a bare traceback from inside a library.

>>> doc = load_document("000_a1f3d825a8827267")
>>> doc.meta.dct, doc.meta.week_start
('2025-09-07', 'saturday')
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterator

from helpers.config import SEEDS_DIR, relative
from helpers.files.dates import outlet_date_order, read_dct

#: Largest article accepted, in characters. A news article is a few thousand
#: characters; anything this large is almost certainly not one article.
MAX_CHARS = 1_000_000

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DEFAULT_WEEK_START = "monday"
META_FIELDS = ("title", "outlet", "url", "language", "published", "published_window",
               "dct", "week_start", "dct_evidence", "country", "date_order")



class CorpusError(ValueError):
    """An article or its metadata cannot be used; the message names the file."""


@dataclass(frozen=True)
class Metadata:
    """What is known about an article besides its text.

    ``missing`` lists the fields the metadata file did not give, and
    ``assumptions`` says, in words, what the collection assumes instead.
    ``country`` is the outlet's (ISO 3166 code) and ``date_order`` how it writes
    numeric dates (DMY, MDY or YMD; from the country when not given, '' when
    unknown). ``dct_source`` is ``metadata``, ``text`` (inferred from a dateline
    or a "published" line, with ``dct_evidence`` quoting it) or None.
    """

    doc_id: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None
    published: str | None = None
    published_window: tuple[str, str] | None = None
    dct: str | None = None
    week_start: str = DEFAULT_WEEK_START
    dct_evidence: str | None = None
    country: str | None = None
    date_order: str = ""
    dct_source: str | None = None
    missing: tuple[str, ...] = ()
    assumptions: tuple[str, ...] = ()

    @property
    def dct_date(self) -> dt.date | None:
        """The document creation time as a date, or None when unknown."""
        return dt.date.fromisoformat(self.dct) if self.dct else None

    @property
    def window_dates(self) -> tuple[dt.date, dt.date] | None:
        """``published_window`` as dates, or None when unknown."""
        if not self.published_window:
            return None
        return (dt.date.fromisoformat(self.published_window[0]),
                dt.date.fromisoformat(self.published_window[1]))


@dataclass(frozen=True)
class Document:
    """One article: its id, its text exactly as read from disk, its metadata."""

    doc_id: str
    text: str
    meta: Metadata
    path: Path = field(compare=False, repr=False)


def read_text(path: Path) -> str:
    """Read an article's text, exactly as on disk, or raise :class:`CorpusError`.

    Newlines are not translated, so offsets count every character in the file.
    """
    path = Path(path)
    name = relative(path)
    if not path.is_file():
        raise CorpusError(f"{name}: article text file not found")
    raw = path.read_bytes()
    if b"\x00" in raw:
        nul = raw.index(b"\x00")
        raise CorpusError(f"{name}: contains NUL bytes (first at byte {nul}); "
                          "this looks like a binary file, not article text")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise CorpusError(
            f"{name}: not valid UTF-8: byte 0x{raw[exc.start]:02x} at byte offset {exc.start} "
            f"(line {line}); save the article as UTF-8") from None
    if text.startswith("\ufeff"):
        raise CorpusError(f"{name}: starts with a byte-order mark; save the article as UTF-8 "
                          "without BOM so offsets are unambiguous")
    if not text.strip():
        raise CorpusError(f"{name}: the article text is empty or whitespace only")
    if len(text) > MAX_CHARS:
        raise CorpusError(f"{name}: the article has {len(text):,} characters, more than the "
                          f"limit of {MAX_CHARS:,}; split it into separate articles")
    return text


def _iso_date(value: object, *, field_name: str, name: str) -> str:
    if not isinstance(value, str):
        raise CorpusError(f"{name}: {field_name} must be an ISO date string (YYYY-MM-DD), "
                          f"got {value!r}")
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise CorpusError(f"{name}: {field_name} {value!r} is not an ISO date (YYYY-MM-DD)") from None


def parse_metadata(data: object, *, doc_id: str, name: str) -> Metadata:
    """Validate a metadata mapping and return :class:`Metadata`.

    ``name`` is the file name used in error messages.

    >>> parse_metadata({"dct": "2025-01-02"}, doc_id="x", name="x.meta.json").week_start
    'monday'
    """
    if not isinstance(data, dict):
        raise CorpusError(f"{name}: metadata must be a JSON object, got {type(data).__name__}")
    if "doc_id" in data and data["doc_id"] != doc_id:
        raise CorpusError(f"{name}: doc_id {data['doc_id']!r} does not match the file name "
                          f"({doc_id!r})")
    for key in ("title", "outlet", "url", "language", "dct_evidence", "country", "date_order"):
        if data.get(key) is not None and not isinstance(data[key], str):
            raise CorpusError(f"{name}: {key} must be a string or null, got {data[key]!r}")
    published = data.get("published")
    if published is not None:
        published = _iso_date(published, field_name="published", name=name)
    window = data.get("published_window")
    if window is not None:
        if not (isinstance(window, (list, tuple)) and len(window) == 2):
            raise CorpusError(f"{name}: published_window must be a list of two ISO dates, "
                              f"got {window!r}")
        window = (_iso_date(window[0], field_name="published_window[0]", name=name),
                  _iso_date(window[1], field_name="published_window[1]", name=name))
        if window[0] > window[1]:
            raise CorpusError(f"{name}: published_window {list(window)} ends before it starts")
    dct = data.get("dct")
    if dct is not None:
        dct = _iso_date(dct, field_name="dct", name=name)
    assumptions: list[str] = []
    if published is not None:
        if dct is None:
            dct = published
            assumptions.append(f"dct taken from published ({published})")
        elif dct != published:
            raise CorpusError(f"{name}: dct {dct} differs from published {published}; "
                              "where published is known it is the dct")
        if window is None:
            window = (published, published)
        elif window != (published, published):
            raise CorpusError(f"{name}: published is {published}, so published_window must be "
                              f"that one day, got {list(window)}")
    if dct is not None and window is not None and not window[0] <= dct <= window[1]:
        raise CorpusError(f"{name}: dct {dct} falls outside published_window {list(window)}")
    if dct is not None and window is None:
        window = (dct, dct)
        assumptions.append(f"published_window not given: taken as the dct alone ({dct})")
    week_start = data.get("week_start", DEFAULT_WEEK_START)
    if not isinstance(week_start, str) or week_start.lower() not in WEEKDAYS:
        raise CorpusError(f"{name}: week_start must be a weekday name such as 'monday' or "
                          f"'saturday', got {week_start!r}")
    missing = tuple(key for key in META_FIELDS if data.get(key) is None)
    country, order = _country_and_order(data, name=name, assumptions=assumptions)
    if dct is None:
        assumptions.append("no dct: relative dates ('this week', 'on Sunday') are left "
                           "unresolved rather than anchored to an invented date")
    if "week_start" not in data:
        assumptions.append(f"week_start not given: weeks start on {DEFAULT_WEEK_START} (ISO)")
    return Metadata(
        doc_id=doc_id, title=data.get("title"), outlet=data.get("outlet"), url=data.get("url"),
        language=data.get("language"), published=published, published_window=window, dct=dct,
        week_start=week_start.lower(), dct_evidence=data.get("dct_evidence"), country=country,
        date_order=order, dct_source="metadata" if dct else None, missing=missing,
        assumptions=tuple(assumptions),
    )


def _country_and_order(data: dict, *, name: str, assumptions: list[str]) -> tuple[str | None, str]:
    """The outlet's country and date order (``helpers.files.dates.outlet_date_order``), with
    what was assumed added to ``assumptions``; a bad value is a :class:`CorpusError`."""
    try:
        country, order, assumed = outlet_date_order(data.get("country"), data.get("date_order"),
                                                    data.get("url"))
    except ValueError as exc:
        raise CorpusError(f"{name}: {exc}") from None
    assumptions.extend([assumed] * bool(assumed))
    return country, order


def with_text_dct(meta: Metadata, text: str) -> Metadata:
    """``meta``, or with the DCT the text states (a dateline, a "published" line) when it has
    none: marked ``dct_source="text"``, the evidence in ``dct_evidence``, the window that day.

    >>> meta = with_text_dct(parse_metadata({}, doc_id="x", name="x"), "ROME, 2 May 2025 - Talks.")
    >>> meta.dct, meta.dct_source, meta.dct_evidence
    ('2025-05-02', 'text', "dateline 'ROME, 2 May 2025 -'")
    """
    found = None if meta.dct else read_dct(text, meta.url, meta.date_order)
    if found is None:
        return meta
    day, evidence = found[0].isoformat(), found[1]
    kept = tuple(a for a in meta.assumptions if not a.startswith("no dct"))
    return replace(meta, dct=day, published_window=(day, day), dct_evidence=evidence,
                   dct_source="text",
                   assumptions=kept + (f"dct inferred from the article's text: {evidence}",))


def read_metadata(path: Path, *, doc_id: str) -> Metadata:
    """Read ``<doc_id>.meta.json``; an absent file gives metadata with every field missing."""
    path = Path(path)
    name = relative(path)
    if not path.exists():
        meta = parse_metadata({}, doc_id=doc_id, name=name)
        return Metadata(**{**meta.__dict__,
                           "assumptions": (f"no metadata file ({name}): every field is missing",)
                           + meta.assumptions})
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{name}: metadata is not valid UTF-8 (byte offset {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise CorpusError(f"{name}: metadata is not valid JSON: {exc.msg} at line {exc.lineno}, "
                          f"column {exc.colno}") from None
    return parse_metadata(data, doc_id=doc_id, name=name)


def load_document(doc_id: str, *, seeds_dir: Path = SEEDS_DIR) -> Document:
    """Load ``<doc_id>.txt`` and ``<doc_id>.meta.json`` from ``seeds_dir``.

    Without a DCT in the metadata, one stated by the text itself (a dateline, a
    "published" line) is used and marked as inferred (:func:`with_text_dct`).
    """
    seeds_dir = Path(seeds_dir)
    text_path = seeds_dir / f"{doc_id}.txt"
    text = read_text(text_path)
    meta = read_metadata(seeds_dir / f"{doc_id}.meta.json", doc_id=doc_id)
    return Document(doc_id=doc_id, text=text, meta=with_text_dct(meta, text), path=text_path)


def list_doc_ids(seeds_dir: Path = SEEDS_DIR) -> list[str]:
    """The ids of every article in ``seeds_dir`` (``*.txt``), sorted.

    >>> "000_a1f3d825a8827267" in list_doc_ids()
    True
    """
    return sorted(p.stem for p in Path(seeds_dir).glob("*.txt"))


def iter_documents(seeds_dir: Path = SEEDS_DIR) -> Iterator[Document]:
    """Yield every article of ``seeds_dir`` in id order, one at a time."""
    for doc_id in list_doc_ids(seeds_dir):
        yield load_document(doc_id, seeds_dir=seeds_dir)


def load_corpus(seeds_dir: Path = SEEDS_DIR) -> list[Document]:
    """Load every article of ``seeds_dir``."""
    return list(iter_documents(seeds_dir))
