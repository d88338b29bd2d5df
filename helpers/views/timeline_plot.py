"""The timeline figure and its text summary (the summary is what a test or nbval can check).

One bar per event trigger, from its earliest to its latest day: asserted events
filled, probable ones hollow, possible ones hollow and dashed, the rest faded;
an open end runs to the edge with an arrow. The DCT is a line, its window a
shaded band; milestones (dated expressions no event owns, such as an election
day) are dotted lines. Built on a bare ``Figure``: no pyplot state, no rcParams.

The x-axis zooms on the article's own dates: when some dates lie far from the rest
(an election two months on), the axis is broken in two panels, the far dates in a
narrow panel of their own, so the near events are not squeezed into slivers.
Actors are labelled by their names as the text writes them ("Ammar al-Hakim").

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


def _rows(events: Sequence[Event], names: dict[str, str] | None = None
          ) -> list[tuple[str, Event, list[Event]]]:
    """One row per trigger, in event order: (label, first event, all its events).

    Actors are labelled by ``names`` (actor id -> name as written); an id without a
    name is shown with spaces for underscores, never title-cased ("Ammar Al Hakim").
    """
    names = names or {}
    groups: dict[tuple[int, int], list[Event]] = {}
    for e in event_order(events):
        groups.setdefault((e.start, e.end), []).append(e)
    rows = []
    for group in groups.values():
        actors = sorted({names.get(a, a.replace("_", " ")) for e in group
                         for a in (e.source_actor, e.target_actor) if a})
        ids = "/".join(e.event_id for e in group)
        rows.append((f"{ids} {group[0].trigger}" + (f" ({', '.join(actors)})" if actors else ""),
                     group[0], group))
    return rows


def _d(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


#: A gap between dates is broken off the axis when it is longer than this many days
#: and longer than GAP_RATIO times the dates on either side of it span.
MIN_GAP_DAYS = 14
GAP_RATIO = 2.0


def axis_ranges(days: Sequence[dt.date], *, keep: dt.date | None = None
                ) -> list[tuple[dt.date, dt.date]]:
    """The date ranges the x-axis shows: one range, or two split at the longest gap between
    the dates that is long (over ``MIN_GAP_DAYS``) and long beside what the article's own
    side spans (``GAP_RATIO``): the side holding ``keep`` (the DCT), else the side with
    more dates. Each range is padded.

    >>> d = dt.date.fromisoformat
    >>> [(a.isoformat(), b.isoformat()) for a, b in axis_ranges([d("2025-09-06"),
    ...  d("2025-09-09"), d("2025-11-11")])]
    [('2025-09-04', '2025-09-12'), ('2025-11-09', '2025-11-14')]
    >>> len(axis_ranges([d("2025-09-06"), d("2025-09-20"), d("2025-10-01")]))
    1
    >>> [(a.isoformat(), b.isoformat()) for a, b in axis_ranges(  # a year-long interval
    ...  [d("2024-01-01"), d("2024-12-31"), d("2025-11-11")], keep=d("2025-11-13"))]
    [('2023-12-14', '2025-01-19'), ('2025-11-09', '2025-11-16')]
    """
    points = sorted(set(days) | ({keep} if keep else set()))
    if not points:
        return []
    cut = None
    if len(points) > 1:
        gaps = [((b - a).days, i) for i, (a, b) in enumerate(zip(points, points[1:]))]
        for gap, i in sorted(gaps, reverse=True):     # the longest gap that qualifies
            left, right = points[:i + 1], points[i + 1:]
            home = (left if keep in left else right) if keep else max(left, right, key=len)
            if gap > MIN_GAP_DAYS and gap > GAP_RATIO * max((home[-1] - home[0]).days, 1):
                cut = i + 1
                break
    groups = [points[:cut], points[cut:]] if cut else [points]
    ranges = []
    for group in groups:
        pad = dt.timedelta(days=max(2, ((group[-1] - group[0]).days + 1) // 20))
        ranges.append((group[0] - pad, group[-1] + pad + dt.timedelta(days=1)))
    return ranges


def _draw(ax, rows, meta: Metadata, marks, panel: tuple[dt.date, dt.date],
          whole: tuple[dt.date, dt.date], *, narrow: bool = False) -> None:
    """Draw every bar, the DCT and the milestones on ``ax``, which shows the ``panel``
    range of the ``whole`` axis. An open end runs to the whole axis's edge, and its arrow
    is drawn in the panel that holds that edge. A ``narrow`` panel gets fewer ticks."""
    low, high = panel
    for y, (_label, event, _) in enumerate(rows):
        start = _d(event.earliest) if event.earliest else whole[0]
        end = _d(event.latest) + dt.timedelta(days=1) if event.latest else whole[1]
        if end <= low or start >= high:
            continue
        style = STYLE.get(event.factuality, STYLE["other"])
        ax.barh(y, mdates.date2num(end) - mdates.date2num(start), left=mdates.date2num(start),
                height=0.6, **style)
        for open_end, x, marker in ((not event.earliest, whole[0], "<"),
                                    (not event.latest, whole[1], ">")):
            if open_end and low <= x <= high:
                ax.plot([mdates.date2num(x)], [y], marker=marker, color=style["edgecolor"])
    if meta.window_dates:
        first, last = meta.window_dates
        ax.axvspan(mdates.date2num(first), mdates.date2num(last + dt.timedelta(days=1)),
                   color="#bbbbbb", alpha=0.3, zorder=0)
        ax.axvline(mdates.date2num(meta.dct_date) + 0.5, color="black", linewidth=1.2)
    for m in marks:
        day = _d(m["earliest"])
        if not low <= day < high:
            continue
        x = mdates.date2num(day) + 0.5
        ax.axvline(x, color="#9467bd", linestyle=":", linewidth=1.5)
        ax.text(x, -0.9, f" {m['label']} ({m['value']})", color="#9467bd", fontsize=8,
                rotation=90, va="top", ha="right")
    ax.set_xlim(mdates.date2num(low), mdates.date2num(high))
    span = (high - low).days
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(
        minticks=1 if narrow else 2, maxticks=3 if narrow else 8 if span > 6 else 4))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y" if span > 60 else "%d %b %Y"))
    ax.tick_params(axis="x", labelsize=8, labelrotation=30)


def _break_marks(axes) -> None:
    """Hide the spines where the axis is broken and draw the usual diagonal marks."""
    left, right = axes
    left.spines["right"].set_visible(False)
    right.spines["left"].set_visible(False)
    right.tick_params(axis="y", left=False)
    size = 0.012
    for ax, x in ((left, 1), (right, 0)):
        for y in (0, 1):
            ax.plot([x - size, x + size], [y - 2 * size, y + 2 * size], transform=ax.transAxes,
                    color="black", linewidth=1, clip_on=False)


def plot_timeline(events: Sequence[Event], timexes: Sequence[Timex], meta: Metadata, *,
                  milestones: Sequence[dict] | None = None, title: str = "",
                  names: dict[str, str] | None = None) -> Figure:
    """The timeline of one article as a matplotlib Figure (nothing is shown or saved here).

    ``names`` maps actor ids to the names the rows show (see :func:`_rows`). The axis
    is broken in two panels when some dates lie far from the others (:func:`axis_ranges`).
    """
    marks = list(milestones) if milestones is not None else find_milestones(timexes, events)
    rows = [r for r in _rows(events, names) if r[1].earliest or r[1].latest]
    fig = Figure(figsize=(11, 1.8 + 0.32 * max(len(rows), 3)))
    if not rows and not marks:
        ax = fig.subplots()
        ax.set_title(title or f"Timeline of {meta.doc_id}", loc="left", fontsize=11)
        ax.text(0.5, 0.5, "Nothing to place on a timeline:\nno event has an interval and no "
                "date is a milestone.", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return fig
    days = [_d(x) for _, e, _ in rows for x in (e.earliest, e.latest) if x]
    days += [_d(m[k]) for m in marks for k in ("earliest", "latest")]
    days += list(meta.window_dates or ())
    ranges = axis_ranges(days, keep=meta.dct_date)
    widths = [max((b - a).days, 1) for a, b in ranges]
    if len(ranges) == 2:   # the article's own panel is wide, the far one narrow
        dct = meta.dct_date
        inside = [sum(a <= day < b for day in days) + (10 * (a <= dct < b) if dct else 0)
                  for a, b in ranges]
        widths = [4, 1] if inside[0] >= inside[1] else [1, 4]
    axes = fig.subplots(1, len(ranges), sharey=True, squeeze=False,
                        gridspec_kw={"width_ratios": widths, "wspace": 0.04})[0]
    for ax, panel, width in zip(axes, ranges, widths):
        _draw(ax, rows, meta, marks, panel, (ranges[0][0], ranges[-1][1]),
              narrow=width < max(widths))
    if len(axes) == 2:
        _break_marks(axes)
    axes[0].set_title(title or f"Timeline of {meta.doc_id}", loc="left", fontsize=11)
    axes[0].set_yticks(range(len(rows)), [r[0] for r in rows], fontsize=8)
    axes[0].set_ylim(len(rows) - 0.4 if rows else 1, -1)
    axes[-1].legend(handles=[Patch(**STYLE["asserted"], label="asserted"),
                             Patch(**STYLE["probable"], label="probable"),
                             Patch(**STYLE["possible"], label="possible"),
                             Patch(**STYLE["other"], label="other factuality"),
                             Line2D([], [], color="black", label="DCT"),
                             Patch(color="#bbbbbb", alpha=0.3, label="DCT window"),
                             Line2D([], [], color="#9467bd", linestyle=":", label="milestone")],
                    loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=7, frameon=False)
    fig.subplots_adjust(left=0.3, right=0.86, bottom=0.25)
    return fig


def timeline_alt(events: Sequence[Event], timexes: Sequence[Timex], meta: Metadata, *,
                 milestones: Sequence[dict] | None = None) -> str:
    """Alt text of the timeline figure: what it shows, in one or two sentences.

    >>> timeline_alt([], [], Metadata(doc_id="x"))
    'Timeline of x: nothing to place, no event has an interval and no date is a milestone.'
    """
    marks = list(milestones) if milestones is not None else find_milestones(timexes, events)
    rows = [r for r in _rows(events) if r[1].earliest or r[1].latest]
    if not rows and not marks:
        return (f"Timeline of {meta.doc_id}: nothing to place, no event has an interval and "
                "no date is a milestone.")
    days = sorted(x for _, e, _ in rows for x in (e.earliest, e.latest) if x)
    counts: dict[str, int] = {}
    for _, e, _ in rows:
        counts[e.factuality] = counts.get(e.factuality, 0) + 1
    text = (f"Timeline of {meta.doc_id}: {len(rows)} event bars"
            + (f" from {days[0]} to {days[-1]}" if days else "")
            + (" (" + ", ".join(f"{n} {f}" for f, n in sorted(counts.items())) + ")"
               if counts else "")
            + (f", the DCT {meta.dct} marked" if meta.dct else ", no DCT") + ".")
    if marks:
        text += " Milestones: " + "; ".join(f"{m['label']} on {m['value']}" for m in marks) + "."
    return text


def timeline_summary(events: Sequence[Event], timexes: Sequence[Timex], meta: Metadata, *,
                     milestones: Sequence[dict] | None = None,
                     names: dict[str, str] | None = None) -> str:
    """What the figure shows, in words: the DCT, each row in order, the milestones."""
    marks = list(milestones) if milestones is not None else find_milestones(timexes, events)
    lines = [f"DCT {meta.dct} (window {' to '.join(meta.published_window)}; weeks start on "
             f"{meta.week_start})." if meta.dct else
             "No DCT: relative dates are unresolved, so only absolute dates can be placed."]
    rows = _rows(events, names)
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
