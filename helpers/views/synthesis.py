"""The closing synthesis of the stakeholder analysis: prose in which every sentence cites
the article's sentence ids it rests on, written ``(s3)`` or ``(s3, s7)``.

>>> cite([7, 3, 3])
'(s3, s7)'
"""
from __future__ import annotations

import re

from helpers.stakeholders.analysis import StakeholderReport

CITATION = re.compile(r"\bs(\d+)\b")


def cite(ids) -> str:
    """Sentence ids as a citation, sorted and unique."""
    return "(" + ", ".join(f"s{i}" for i in sorted({int(i) for i in ids})) + ")"


def cited_ids(sentence: str) -> list[int]:
    """The sentence ids a synthesis sentence cites.

    >>> cited_ids("Iran appeals to Iraqi leaders (s3, s12).")
    [3, 12]
    """
    return [int(i) for i in CITATION.findall(sentence)]


def _names(report: StakeholderReport) -> dict[str, str]:
    return dict(zip(report.profiles["actor_id"], report.profiles["name"]))


def _cast(report: StakeholderReport) -> list[str]:
    if report.profiles.empty:
        return ["The article names no actor, so it has no stakeholder to describe."]
    top = report.profiles.sort_values(["mentions", "first_offset"], ascending=[False, True])
    lead = top.iloc[0]
    return [f"The article names {len(report.profiles)} actor(s); {lead['name']} is named most "
            f"often, {lead['mentions']} times {cite(lead['sentence_ids'])}."]


def _events(report: StakeholderReport) -> list[str]:
    names, out = _names(report), []
    events = report.tables.events.sort_values(["sentence_id", "start"])
    for ev in events.itertuples(index=False):
        if ev.source_actor in names and ev.target_actor in names and ev.source_actor != ev.target_actor:
            code = f" (CAMEO {ev.cameo_code})" if ev.cameo_code else ""
            sourcing = f", on the word of “{ev.attribution}”" if ev.attribution else ""
            out.append(f"The event “{ev.trigger}”{code} runs from {names[ev.source_actor]} to "
                       f"{names[ev.target_actor]}, {ev.factuality or 'underspecified'}"
                       f"{sourcing} {cite([ev.sentence_id])}.")
    return out


def _positions(report: StakeholderReport) -> list[str]:
    names, out = _names(report), []
    for actor, own in report.statements.groupby("actor_id", sort=True):
        sums = own.groupby("concept", sort=True)["agreement"].sum()
        agree = [names.get(c, c) for c, v in sums.items() if v > 0]
        disagree = [names.get(c, c) for c, v in sums.items() if v < 0]
        parts = ([f"favour {', '.join(agree)}"] if agree else []) + \
                ([f"oppose {', '.join(disagree)}"] if disagree else [])
        out.append(f"Statements by {names.get(actor, actor)} {' and '.join(parts) or 'cancel out'}"
                   f" {cite(own['sentence_id'])}.")
    return out


def _initiative(report: StakeholderReport) -> list[str]:
    if report.initiative is None:
        return []
    names, evidence = _names(report), dict(zip(report.stakeholders["actor_id"],
                                               report.stakeholders["evidence"]))
    topic = names.get(report.initiative, report.initiative)
    out = []
    for stance in ("support", "oppose", "mixed"):
        rows = report.stances[report.stances["stance"] == stance]
        if len(rows):
            who = ", ".join(f"{names[r.actor_id]} {cite(r.sentence_ids)}"
                            for r in rows.itertuples(index=False))
            label = "mixed positions" if stance == "mixed" else stance
            out.append(f"On the article's central initiative ({topic}), "
                       f"the text shows {label} from {who}.")
    silent = report.stances[report.stances["stance"] == "not_stated"]["actor_id"]
    if len(silent):
        ids = [i for a in silent for i in evidence.get(a, ())]
        out.append(f"It states no stance on it for {', '.join(names[a] for a in silent)} "
                   f"{cite(ids)}.")
    return out


def _named_paths(paths: tuple[tuple[str, ...], ...], names: dict[str, str]) -> str:
    return "; ".join(" > ".join(names.get(n, n) for n in path) for path in paths)


def _claims(report: StakeholderReport) -> list[str]:
    names = _names(report)
    return [f"The text presents {names.get(c.broker, c.broker)} as a bridge between "
            f"{names.get(c.a, c.a)} and {names.get(c.b, c.b)} {cite([c.sentence_id])}; "
            f"in the network of events and affiliations this is {c.verdict} ({c.reason}"
            + (f"; shortest path {_named_paths(c.paths, names)} over {c.path_ties} ties"
               if c.paths else "") + "); "
            f"counting co-mentions too, it is {c.co_mention_verdict} ({c.co_mention_reason})."
            for c in report.checks.itertuples(index=False)]


def _grid(report: StakeholderReport) -> list[str]:
    if report.grid.reason:
        return []
    names = _names(report)
    evidence = dict(zip(report.stakeholders["actor_id"], report.stakeholders["evidence"]))
    out = []
    for quadrant, rows in report.grid.table.groupby("quadrant", sort=True):
        who = ", ".join(f"{names[a]} {cite(evidence[a])}" for a in rows["actor_id"])
        label = ("Not placed, position not stated" if quadrant == "not placed" else quadrant)
        out.append(f"{label}: {who}.")
    for row in report.sensitivity.drop_duplicates("actor_id").itertuples(index=False):
        out.append(f"{names[row.actor_id]} {cite(evidence[row.actor_id])} moves from "
                   f"{row.baseline} to {row.perturbed} when a weight changes by 25% "
                   f"({row.weight} x {row.factor}).")
    return out


def _unknowns(report: StakeholderReport) -> list[str]:
    return [f"No position or action of {row.name} is stated; it is mentioned in "
            f"{cite(row.appears_in)}, so its interest is left unscored."
            for row in report.known_unknowns.itertuples(index=False)]


def synthesis(report: StakeholderReport) -> list[str]:
    """The synthesis sentences, in reading order: cast, ties, positions, initiative,
    bridge claims, grid and sensitivity, known unknowns. Each cites sentence ids, except
    the one sentence said of an article without actors."""
    return (_cast(report) + _events(report) + _positions(report) + _initiative(report)
            + _claims(report) + _grid(report) + _unknowns(report))


def network_summary(report: StakeholderReport) -> str:
    """The network's findings in a few lines of text (the figure's content, checkable)."""
    names = _names(report)
    edges = [d for _, _, d in report.graph.edges(data=True)]
    events = [d["factuality"] for d in edges if d["tie"] == "event"]
    by_fact = ", ".join(f"{events.count(f)} {f}" for f in sorted(set(events)))
    unrealised = [d["factuality"] for d in edges if d["tie"] == "unrealised"]
    shown = ", ".join(f"{unrealised.count(f)} {f}" for f in sorted(set(unrealised)))
    lines = [f"{len(report.graph)} actors; {len(events)} event ties ({by_fact or 'none'}), "
             f"{sum(d['tie'] == 'affiliation' for d in edges)} affiliation ties, "
             f"{sum(d['tie'] == 'co_mention' for d in edges)} co-mention pairs"
             + (f"; {len(unrealised)} events shown but not ties ({shown})." if unrealised
                else ".")]
    if len(report.measures):
        m = report.measures.sort_values("actor_id")
        for column in ("degree", "betweenness", "brokerage"):
            top = m.sort_values(column, ascending=False, kind="stable").iloc[0]
            if top[column]:
                lines.append(f"Highest {column}: {names.get(top.actor_id, top.actor_id)} "
                             f"({top[column]}).")
        alone = [names.get(a, a) for a in m[m["degree"] == 0]["actor_id"]]
        if alone:
            lines.append(f"No event or affiliation tie: {', '.join(alone)}.")
    for c in report.checks.itertuples(index=False):
        lines.append(f"Claim (s{c.sentence_id}): {names.get(c.broker, c.broker)} as a bridge "
                     f"between {names.get(c.a, c.a)} and {names.get(c.b, c.b)} -> {c.verdict} "
                     f"({c.reason}); with co-mentions: {c.co_mention_verdict}.")
    return "\n".join(lines)


def grid_summary(report: StakeholderReport) -> str:
    """The grid and its sensitivity in a few lines of text."""
    if report.grid.reason:
        return report.grid.reason
    names = _names(report)
    lines = []
    for quadrant, rows in report.grid.table.groupby("quadrant", sort=True):
        who = ", ".join(f"{names[r.actor_id]} ({r.power:.2f}, "
                        f"{'-' if r.interest != r.interest else f'{r.interest:.2f}'})"
                        for r in rows.itertuples(index=False))
        lines.append(f"{quadrant}: {who}")
    moved = report.sensitivity
    lines.append(f"Sensitivity (each weight x0.75 and x1.25): "
                 + ("nobody crosses a quadrant." if moved.empty else
                    "; ".join(f"{names[r.actor_id]} {r.baseline} -> {r.perturbed} "
                              f"({r.weight} x{r.factor})" for r in moved.itertuples(index=False))))
    return "\n".join(lines)
