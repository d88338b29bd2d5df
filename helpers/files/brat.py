r"""Export of mentions, events and timexes in brat standoff format (``.ann`` beside a ``.txt``).

- ``T`` lines: one text-bound annotation per distinct (span, label) of the
  mentions (label = entity label), per event trigger (label ``CAMEO_<code>``,
  or ``Event`` when uncoded) and per timex (``TIMEX3``). Offsets are character
  offsets into the text; a span that crosses a line break is written as
  fragments (``start end;start end``), as brat requires.
- ``E`` lines: one per event row, ``<type>:<trigger> Source:<T> Target:<T>``; a
  role is filled with the nearest mention of that actor in the same sentence and
  left out when there is none (the actor id stays in a note).
- ``A`` lines: ``Factuality E<n> <value>``.
- ``#`` lines: ``AnnotatorNotes`` with the actor ids of a mention, and the
  CAMEO description, actors and attribution of an event, the value of a timex.

>>> from helpers.files.records import Mention
>>> to_brat("Iraq", [Mention("m1", 1, 0, 4, "Iraq", "GPE", "NAME", "iraq", "kb")], [],
...         describe=str).splitlines()
['T1\tGPE 0 4\tIraq', '#1\tAnnotatorNotes T1\tactor_id=iraq']
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable, Sequence

from helpers.config import processed_dir
from helpers.files.records import Event, Mention, Timex


def fragments(text: str, start: int, end: int) -> str:
    """The brat offsets of a span: one ``start end`` per line, joined by ``;``.

    >>> fragments("ab\\ncd", 0, 5)
    '0 2;3 5'
    """
    parts, position = [], start
    for line in text[start:end].split("\n"):
        if line:
            parts.append(f"{position} {position + len(line)}")
        position += len(line) + 1
    return ";".join(parts)


def _span_text(text: str, start: int, end: int) -> str:
    return text[start:end].replace("\n", " ")


def _nearest(mentions: Sequence[Mention], actor: str, sentence_id: int, offset: int,
             t_ids: dict[tuple[int, int, str], str]) -> str:
    candidates = [m for m in mentions if m.actor_id == actor and m.sentence_id == sentence_id]
    if not candidates:
        return ""
    best = min(candidates, key=lambda m: (abs(m.start - offset), m.start))
    return t_ids[(best.start, best.end, best.label)]


def to_brat(text: str, mentions: Iterable[Mention], events: Iterable[Event],
            timexes: Iterable[Timex] = (), *, describe: Callable[[str], str]) -> str:
    """The ``.ann`` content for the annotations of ``text``, in a stable order.

    ``describe`` gives the description of a CAMEO code written in an event's note
    (``helpers.events.cameo.describe``).
    """
    mentions, events, timexes = list(mentions), list(events), list(timexes)
    lines: list[str] = []
    notes: list[tuple[str, str]] = []
    t_ids: dict[tuple[int, int, str], str] = {}
    actors_of: dict[tuple[int, int, str], list[str]] = {}

    def text_bound(start: int, end: int, label: str) -> str:
        key = (start, end, label)
        if key not in t_ids:
            t_ids[key] = f"T{len(t_ids) + 1}"
            lines.append(f"{t_ids[key]}\t{label} {fragments(text, start, end)}\t"
                         f"{_span_text(text, start, end)}")
        return t_ids[key]

    for m in sorted(mentions, key=lambda m: (m.start, m.end, m.label, m.actor_id)):
        text_bound(m.start, m.end, m.label)
        ids = actors_of.setdefault((m.start, m.end, m.label), [])
        if m.actor_id and m.actor_id not in ids:
            ids.append(m.actor_id)
    for key, ids in actors_of.items():
        if ids:
            notes.append((t_ids[key], "actor_id=" + ";".join(ids)))
    for x in timexes:
        notes.append((text_bound(x.start, x.end, "TIMEX3"), f"{x.type} value={x.value}"))
    for n, e in enumerate(events, start=1):
        label = f"CAMEO_{e.cameo_code}" if e.cameo_code else "Event"
        trigger = text_bound(e.start, e.end, label)
        roles = [f"{label}:{trigger}"]
        for role, actor in (("Source", e.source_actor), ("Target", e.target_actor)):
            t_id = _nearest(mentions, actor, e.sentence_id, e.start, t_ids) if actor else ""
            if t_id:
                roles.append(f"{role}:{t_id}")
        lines.append(f"E{n}\t{' '.join(roles)}")
        lines.append(f"A{n}\tFactuality E{n} {e.factuality}")
        notes.append((f"E{n}", f"{e.event_id} {e.cameo_code} {describe(e.cameo_code)} | "
                               f"source={e.source_actor} target={e.target_actor} | "
                               f"attribution={e.attribution or '-'} ({e.source_type})"))
    lines += [f"#{i}\tAnnotatorNotes {ref}\t{note}" for i, (ref, note) in enumerate(notes, 1)]
    return "\n".join(lines) + "\n" if lines else ""


def write_brat(doc_id: str, text: str, ann: str, out_dir: Path | None = None) -> Path:
    """Write ``<doc_id>.ann`` and a byte-identical ``<doc_id>.txt``; return the ``.ann`` path."""
    directory = Path(out_dir) if out_dir is not None else processed_dir(doc_id)
    directory.mkdir(parents=True, exist_ok=True)
    (directory / f"{doc_id}.txt").write_bytes(text.encode("utf-8"))
    path = directory / f"{doc_id}.ann"
    path.write_bytes(ann.encode("utf-8"))
    return path
