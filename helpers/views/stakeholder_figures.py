"""Figures of the stakeholder analysis: the actor network, the actor x concept matrix and the
power-interest grid.

Both are deterministic: the network uses a shell layout (states inside,
organisations and groups next, people outside, each ring in id order), and
nothing is random. Neither changes matplotlib's global settings.

>>> from helpers.stakeholders.tables import make_tables
>>> from helpers.stakeholders.analysis import analyse_stakeholders
>>> fig = draw_grid(analyse_stakeholders(make_tables("d", "")))
>>> len(fig.axes)
1
"""
from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import numpy as np
import networkx as nx
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from helpers.stakeholders.power_interest import NOT_PLACED, QUADRANTS
from helpers.stakeholders.lexicon import rule_values
from helpers.stakeholders.analysis import StakeholderReport
from helpers.views.synthesis import grid_summary, network_summary

FACTUALITY_STYLE = {"asserted": "solid", "probable": "dashed", "possible": "dotted"}
OTHER_STYLE = "dashdot"
#: Unrealised events (negated, underspecified) are drawn thin and pale: shown, not ties.
UNREALISED_COLOUR = "#e0a0a0"
TYPE_COLOUR = {"state": "#4c72b0", "organization": "#dd8452", "group": "#55a868",
               "person": "#c44e52"}
RINGS = (("state",), ("organization", "group"))


def layout(graph: nx.Graph) -> dict[str, tuple[float, float]]:
    """Shell layout by actor type, every ring in id order (deterministic)."""
    nodes = sorted(graph.nodes)
    shells = [[n for n in nodes if graph.nodes[n].get("type") in ring] for ring in RINGS]
    placed = {n for shell in shells for n in shell}
    shells.append([n for n in nodes if n not in placed])
    shells = [s for s in shells if s]
    if len(shells) == 1 or len(nodes) < 3:
        return {n: tuple(p) for n, p in nx.circular_layout(nodes).items()}
    return {n: tuple(p) for n, p in nx.shell_layout(graph, nlist=shells).items()}


def _flat(pos: dict[str, tuple[float, float]]) -> bool:
    """True when the nodes lie (almost) on one line: two actors side by side. Autoscaled
    axes would then span a hair's breadth, and the labels below the nodes would land
    millions of pixels away (matplotlib fails with "raster overflow")."""
    if len(pos) < 2:
        return False
    xs, ys = zip(*pos.values())
    return min(max(xs) - min(xs), max(ys) - min(ys)) < 0.5


def _label(name: str) -> str:
    return "\n".join(textwrap.wrap(name, 14)) or name


def _nodes(ax, graph: nx.Graph, pos: dict) -> None:
    colours = [TYPE_COLOUR.get(graph.nodes[n].get("type"), "#8c8c8c") for n in sorted(graph)]
    nx.draw_networkx_nodes(graph, pos, nodelist=sorted(graph), node_color=colours,
                           node_size=420, alpha=0.9, ax=ax)
    nx.draw_networkx_labels(graph, {n: (x, y - 0.13) for n, (x, y) in pos.items()},
                            labels={n: _label(graph.nodes[n].get("name") or n) for n in graph},
                            font_size=7, ax=ax,
                            bbox={"facecolor": "white", "edgecolor": "#cccccc", "alpha": 1.0,
                                  "pad": 1.0, "boxstyle": "round,pad=0.2", "zorder": 5})
    for text in ax.texts:      # labels above every edge and arrow, so no line crosses them
        text.set_zorder(6)


def _edge_colour(goldstein) -> str:
    if goldstein is None or goldstein != goldstein:
        return "#7f7f7f"
    return "#1f77b4" if goldstein > 0 else "#d62728" if goldstein < 0 else "#7f7f7f"


def draw_network(report: StakeholderReport, *, title: str = "") -> Figure:
    """Two panels: event and affiliation ties (left), co-mention ties (right)."""
    graph = report.graph
    fig, (left, right) = plt.subplots(1, 2, figsize=(13, 6.5))
    pos = layout(graph)
    seen: dict[tuple[str, str], int] = {}
    for source, target, data in sorted(graph.edges(data=True),
                                       key=lambda e: (e[0], e[1], e[2].get("event_ids", ()))):
        if data["tie"] == "co_mention":
            continue
        bend = seen.get(tuple(sorted((source, target))), 0)
        seen[tuple(sorted((source, target)))] = bend + 1
        event = data["tie"] == "event"
        unrealised = data["tie"] == "unrealised"
        nx.draw_networkx_edges(
            graph, pos, edgelist=[(source, target)], ax=left, arrows=True, arrowsize=12,
            width=1.8 if event else 1.0, node_size=420,
            edge_color=_edge_colour(data.get("goldstein")) if event
            else UNREALISED_COLOUR if unrealised else "#bbbbbb",
            style=FACTUALITY_STYLE.get(data["factuality"], OTHER_STYLE) if event
            else OTHER_STYLE if unrealised else "solid",
            connectionstyle=f"arc3,rad={0.12 * bend + (0.08 if event or unrealised else 0.0)}")
    co = [(u, v, d["weight"]) for u, v, d in graph.edges(data=True) if d["tie"] == "co_mention"]
    for u, v, weight in sorted(co):
        nx.draw_networkx_edges(graph, pos, edgelist=[(u, v)], ax=right, arrows=False,
                               width=0.6 + 0.6 * weight, edge_color="#999999", alpha=0.7)
    flat = _flat(pos)
    for ax, name in ((left, "events and affiliations"), (right, "co-mention (same sentence)")):
        if len(graph):
            _nodes(ax, graph, pos)
        else:
            ax.text(0.5, 0.5, "No actors in this article", ha="center", transform=ax.transAxes)
        ax.set_title(name, fontsize=10)
        ax.set_axis_off()
        ax.margins(0.15)
        if flat:
            ax.set_xlim(-1.4, 1.4)
            ax.set_ylim(-1.4, 1.4)
    handles = [Line2D([], [], color="#444444", linestyle=s, label=f)
               for f, s in FACTUALITY_STYLE.items()]
    handles.append(Line2D([], [], color=UNREALISED_COLOUR, linestyle=OTHER_STYLE,
                          label="negated / underspecified (no tie)"))
    handles += [Line2D([], [], color=c, label=l) for c, l in
                (("#1f77b4", "cooperative (Goldstein > 0)"), ("#d62728", "conflictual (< 0)"),
                 ("#bbbbbb", "affiliation"))]
    handles += [Line2D([], [], marker="o", linestyle="", color=c, label=t)
                for t, c in TYPE_COLOUR.items()]
    left.legend(handles=handles, loc="lower left", fontsize=7, frameon=False,
                bbox_to_anchor=(0.0, -0.12), ncol=3)
    fig.suptitle(title or "Actor network", fontsize=12)
    fig.tight_layout()
    return fig


def network_alt(report: StakeholderReport) -> str:
    """Alt text of the network figure: what its two panels show, in words."""
    return ("Actor network in two panels, events and affiliations on the left, co-mentions "
            "on the right. " + " ".join(network_summary(report).splitlines()))


def grid_alt(report: StakeholderReport) -> str:
    """Alt text of the power-interest grid: each quadrant and the actors in it."""
    return "Power-interest grid. " + " ".join(grid_summary(report).splitlines())


def draw_grid(report: StakeholderReport, *, title: str = "") -> Figure:
    """The Mendelow grid: interest (x) by power (y), quadrants named; actors whose
    interest is not stated sit in a separate strip on the left, at their power."""
    limits = rule_values("threshold")
    fig, ax = plt.subplots(figsize=(8, 6.5))
    ax.axvline(limits["interest"], color="#999999", lw=1)
    ax.axhline(limits["power"], color="#999999", lw=1)
    ax.axvspan(-0.3, -0.02, color="#f2f2f2")
    corners = {QUADRANTS[0]: (1.0, 1.02), QUADRANTS[1]: (0.0, 1.02),
               QUADRANTS[2]: (1.0, -0.07), QUADRANTS[3]: (0.0, -0.07)}
    for name, (x, y) in corners.items():
        ax.text(x, y, name, ha="right" if x else "left", fontsize=10, color="#555555",
                weight="bold")
    ax.text(-0.17, 1.04, "interest not stated", ha="center", fontsize=8, color="#555555")
    names = dict(zip(report.profiles["actor_id"], report.profiles["name"]))
    table = report.grid.table.sort_values(["power", "actor_id"])
    for i, row in enumerate(table[table["quadrant"] != NOT_PLACED].itertuples(index=False)):
        ax.scatter([row.interest], [row.power], s=60, zorder=3, color="#4c72b0")
        ax.annotate(_label(names.get(row.actor_id, row.actor_id)), (row.interest, row.power),
                    fontsize=7, xytext=(6, 4 if i % 2 else -10), textcoords="offset points")
    label_y = 1.0
    strip = table[table["quadrant"] == NOT_PLACED].sort_values(["power", "actor_id"],
                                                                ascending=[False, True])
    for row in strip.itertuples(index=False):
        label_y = min(row.power, label_y - 0.09)
        ax.scatter([-0.27], [row.power], s=60, zorder=3, facecolors="none",
                   edgecolors="#4c72b0")
        ax.annotate(_label(names.get(row.actor_id, row.actor_id)), (-0.27, row.power),
                    xytext=(-0.24, label_y), fontsize=7, va="center",
                    arrowprops={"arrowstyle": "-", "color": "#bbbbbb", "lw": 0.6})
    if report.grid.reason:
        ax.text(0.5, 0.5, textwrap.fill(report.grid.reason, 40), ha="center", va="center",
                fontsize=10, color="#333333")
    ax.set_xticks([0.0, 0.2, 0.4, 0.6, 0.8, 1.0])
    ax.set_xlim(-0.3, 1.05)
    ax.set_ylim(-0.1, 1.1)
    ax.set_xlabel("interest (salience and engagement in the text)")
    ax.set_ylabel("power (sector, office, network position)")
    ax.set_title(title or "Power-interest grid", fontsize=12)
    fig.tight_layout()
    return fig


def draw_matrix(report: StakeholderReport, *, title: str = "", most: int = 12) -> Figure:
    """The actor x concept matrix of the statements as a grid of cells: blue +1 (agrees), red
    -1 (disagrees), "±" for statements both ways (a sum of 0), blank not stated; only actors
    with a statement, and the ``most`` concepts with the most actors. A text without
    statements gets a figure that says so."""
    stated = set(zip(report.statements["actor_id"], report.statements["concept"]))
    matrix = report.matrix
    matrix = matrix.loc[[a in set(report.statements["actor_id"]) for a in matrix.index],
                        list(matrix.columns[:most])]
    names = dict(zip(report.profiles["actor_id"], report.profiles["name"]))
    fig, ax = plt.subplots(figsize=(max(4.5, 1.0 + 0.7 * len(matrix.columns)),
                                    max(2.5, 1.2 + 0.45 * len(matrix.index))))
    if matrix.empty:
        ax.text(0.5, 0.5, "The text states no position of any actor.", ha="center",
                va="center", fontsize=10, color="#333333")
        ax.set_axis_off()
    else:
        ax.imshow(matrix.to_numpy(), cmap="bwr_r", vmin=-2.2, vmax=2.2, aspect="auto")
        for (i, j), value in np.ndenumerate(matrix.to_numpy()):
            if value or (matrix.index[i], matrix.columns[j]) in stated:
                ax.text(j, i, f"{value:+d}" if value else "±", ha="center", va="center",
                        fontsize=8)
        ax.set_xticks(range(len(matrix.columns)),
                      [_label(names.get(c, c)) for c in matrix.columns], rotation=40,
                      ha="right", fontsize=8)
        ax.set_yticks(range(len(matrix.index)), [_label(names.get(a, a)) for a in matrix.index],
                      fontsize=8)
    ax.set_title(title or "Actor x concept matrix", fontsize=12)
    fig.tight_layout()
    return fig
