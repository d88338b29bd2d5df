"""The timeline figure and its text summary (the summary is what a test or nbval can check).

One bar per event trigger, from its earliest to its latest day: asserted events
filled, probable ones hollow, possible ones hollow and dashed, the rest faded;
an open end runs to the edge with an arrow. The DCT is a line, its window a
shaded band; milestones (dated expressions no event owns, such as an election
day) are dotted lines. Built on a bare ``Figure``: no pyplot state, no rcParams.

>>> timeline_summary([], [], Metadata(doc_id="x")).splitlines()[-1]
'Nothing to place on a timeline: no event has an interval and no date is a milestone.'
"""
from __future__ import annotations

import datetime as dt
from typing import Sequence

from matplotlib import dates as mdates
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from helpers.files.articles import Metadata
from helpers.files.records import Event, Timex
from helpers.temporal.ordering import event_order, find_milestones

STYLE = {"asserted": {"facecolor": "#1f77b4", "edgecolor": "#1f77b4"},
         "probable": {"facecolor": "none", "edgecolor": "#d62728", "linewidth": 1.6},
         "possible": {"facecolor": "none", "edgecolor": "#d62728", "linewidth": 1.2,
                      "linestyle": "--"},
         "other": {"facecolor": "#7f7f7f", "edgecolor": "#7f7f7f", "alpha": 0.35}}


def _rows(events: Sequence[Event]) -> list[tuple[str, Event, list[Event]]]:
    """One row per trigger, in event order: (label, first event, all its events)."""
    groups: dict[tuple[int, int], list[Event]] = {}
    for e in event_order(events):
        groups.setdefault((e.start, e.end), []).append(e)
    rows = []
    for group in groups.values():
        actors = sorted({a.replace("_", " ").title() for e in group
                         for a in (e.source_actor, e.target_actor) if a})
        ids = "/".join(e.event_id for e in group)
        rows.append((f"{ids} {group[0].trigger}" + (f" ({', '.join(actors)})" if actors else ""),
                     group[0], group))
    return rows


def _d(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


def plot_timeline(events: Sequence[Event], timexes: Sequence[Timex], meta: Metadata, *,
                  milestones: Sequence[dict] | None = None, title: str = "") -> Figure:
    """The timeline of one article as a matplotlib Figure (nothing is shown or saved here)."""
    marks = list(milestones) if milestones is not None else find_milestones(timexes, events)
    rows = [r for r in _rows(events) if r[1].earliest or r[1].latest]
    fig = Figure(figsize=(11, 1.6 + 0.32 * max(len(rows), 3)))
    ax = fig.subplots()
    ax.set_title(title or f"Timeline of {meta.doc_id}", loc="left", fontsize=11)
    days = [_d(x) for _, e, _ in rows for x in (e.earliest, e.latest) if x]
    days += [_d(m[k]) for m in marks for k in ("earliest", "latest")]
    days += list(meta.window_dates or ())
    if not rows and not marks:
        ax.text(0.5, 0.5, "Nothing to place on a timeline:\nno event has an interval and no "
                "date is a milestone.", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return fig
    pad = dt.timedelta(days=max(2, ((max(days) - min(days)).days + 1) // 20))
    low, high = min(days) - pad, max(days) + pad + dt.timedelta(days=1)
    for y, (label, event, _) in enumerate(rows):
        start = _d(event.earliest) if event.earliest else low
        end = _d(event.latest) + dt.timedelta(days=1) if event.latest else high
        style = STYLE.get(event.factuality, STYLE["other"])
        ax.barh(y, mdates.date2num(end) - mdates.date2num(start), left=mdates.date2num(start),
                height=0.6, **style)
        for open_end, x, marker in ((not event.earliest, low, "<"), (not event.latest, high, ">")):
            if open_end:
                ax.plot([mdates.date2num(x)], [y], marker=marker, color=style["edgecolor"])
    if meta.window_dates:
        first, last = meta.window_dates
        ax.axvspan(mdates.date2num(first), mdates.date2num(last + dt.timedelta(days=1)),
                   color="#bbbbbb", alpha=0.3, zorder=0)
        ax.axvline(mdates.date2num(meta.dct_date) + 0.5, color="black", linewidth=1.2)
    for m in marks:
        x = mdates.date2num(_d(m["earliest"])) + 0.5
        ax.axvline(x, color="#9467bd", linestyle=":", linewidth=1.5)
        ax.text(x, -0.9, f" {m['label']} ({m['value']})", color="#9467bd", fontsize=8,
                rotation=90, va="top", ha="right")
    ax.set_yticks(range(len(rows)), [r[0] for r in rows], fontsize=8)
    ax.set_ylim(len(rows) - 0.4 if rows else 1, -1)
    ax.set_xlim(mdates.date2num(low), mdates.date2num(high))
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=3, maxticks=8))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%d %b %Y"))
    ax.legend(handles=[Patch(**STYLE["asserted"], label="asserted"),
                       Patch(**STYLE["probable"], label="probable"),
                       Patch(**STYLE["possible"], label="possible"),
                       Patch(**STYLE["other"], label="other factuality"),
                       Line2D([], [], color="black", label="DCT"),
                       Patch(color="#bbbbbb", alpha=0.3, label="DCT window"),
                       Line2D([], [], color="#9467bd", linestyle=":", label="milestone")],
              loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=7, frameon=False)
    fig.tight_layout()
    return fig


def timeline_summary(events: Sequence[Event], timexes: Sequence[Timex], meta: Metadata, *,
                     milestones: Sequence[dict] | None = None) -> str:
    """What the figure shows, in words: the DCT, each row in order, the milestones."""
    marks = list(milestones) if milestones is not None else find_milestones(timexes, events)
    lines = [f"DCT {meta.dct} (window {' to '.join(meta.published_window)}; weeks start on "
             f"{meta.week_start})." if meta.dct else
             "No DCT: relative dates are unresolved, so only absolute dates can be placed."]
    rows = _rows(events)
    placed = [r for r in rows if r[1].earliest or r[1].latest]
    if placed:
        lines.append(f"{len(placed)} of {len(rows)} event triggers placed in time, in order:")
    for label, e, _ in placed:
        lines.append(f"  {label}: {e.earliest or '...'} to {e.latest or '...'}, "
                     f"{e.factuality}, by {e.anchoring}")
    if len(placed) < len(rows):
        lines.append("Not placed (no interval): " + ", ".join(r[0] for r in rows if r not in placed))
    for m in marks:
        lines.append(f"Milestone {m['timex_id']}: {m['label']} on {m['value']}.")
    if not placed and not marks:
        lines.append("Nothing to place on a timeline: no event has an interval and no date is "
                     "a milestone.")
    return "\n".join(lines)
