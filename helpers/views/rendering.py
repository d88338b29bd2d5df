"""Showing results to a reader: tables, escaped text, figures saved deterministically.

Article text is untrusted: everything shown as HTML goes through
:func:`html.escape` (pandas and displaCy escape too), so markup in an article
is shown, never executed.

>>> escape_text("<script>x</script>")
'&lt;script&gt;x&lt;/script&gt;'
"""
from __future__ import annotations

import html
from io import BytesIO
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import Image
from matplotlib.figure import Figure

from helpers.config import FIGURES_DIR, relative
from helpers.files.articles import Metadata
from helpers.files.contract import LIST_COLUMNS, as_written
from helpers.stakeholders.analysis import LIST_COLUMNS as ANALYSIS_LIST_COLUMNS
from helpers.stakeholders.analysis import SPACED_LIST_COLUMNS

#: The list columns of the tables notebooks show, joined as the contract files write them.
SHOWN_JOINED = frozenset().union(*LIST_COLUMNS.values(), ANALYSIS_LIST_COLUMNS)


def escape_text(text: str) -> str:
    """HTML-escape article text (quotes included)."""
    return html.escape(text, quote=True)


#: How ``dct_source`` is shown: a DCT read from the text is marked as inferred.
DCT_SOURCES = {"metadata": "metadata", "text": "inferred from the article's text"}


def metadata_table(meta: Metadata) -> pd.DataFrame:
    """The metadata as a two-column table, with what is missing and assumed spelled out."""
    rows = [("doc_id", meta.doc_id), ("outlet", meta.outlet), ("url", meta.url),
            ("title", meta.title), ("language", meta.language), ("published", meta.published),
            ("published_window", " to ".join(meta.published_window)
             if meta.published_window else None),
            ("dct", meta.dct), ("dct_source", DCT_SOURCES.get(meta.dct_source, meta.dct_source)),
            ("week_start", meta.week_start), ("dct_evidence", meta.dct_evidence),
            ("country", meta.country), ("date_order", meta.date_order or "unknown"),
            ("missing fields", ", ".join(meta.missing) or "none"),
            ("assumptions", "; ".join(meta.assumptions) or "none")]
    return pd.DataFrame([(k, "(not given)" if v is None else v) for k, v in rows],
                        columns=["field", "value"]).set_index("field")


def dct_statement(meta: Metadata) -> str:
    """One plain sentence on the date relative expressions are anchored to, or why none is.

    >>> from helpers.files.articles import parse_metadata
    >>> dct_statement(parse_metadata({}, doc_id="x", name="x.meta.json")).split(":")[0]
    'No document creation time (DCT)'
    """
    if meta.dct is None:
        return ("No document creation time (DCT): " + "; ".join(meta.assumptions) + ".")
    window = " to ".join(meta.published_window) if meta.published_window else meta.dct
    inferred = (f", INFERRED from the article's text, not given by its metadata: "
                f"{meta.dct_evidence}" if meta.dct_source == "text" else "")
    return (f"Document creation time (DCT): {meta.dct} (publication window {window}){inferred}; "
            f"weeks start on {meta.week_start}.")


def figure_image(fig: Figure, *, alt: str):
    """The figure as an inline PNG image for a notebook, with no timestamp in its bytes
    and ``alt`` (what the figure shows, in words) as its alternative text.

    A figure made with pyplot is closed, so the notebook shows it once, with its alt text.
    Raises ``ValueError`` when ``alt`` is empty.
    """
    if not alt.strip():
        raise ValueError("a figure needs alt text saying what it shows")
    buffer = BytesIO()
    fig.savefig(buffer, format="png", dpi=100, metadata={"Software": None},
                bbox_inches="tight")
    plt.close(fig)
    return Image(data=buffer.getvalue(), format="png", alt=" ".join(alt.split()))


def save_figure(fig: Figure, name: str, *, figures_dir: Path = FIGURES_DIR) -> str:
    """Save ``fig`` as ``figures/<name>.png`` with no timestamp or version in the file.

    Returns the path relative to the project root, for printing.
    """
    figures_dir.mkdir(parents=True, exist_ok=True)
    path = figures_dir / f"{name}.png"
    fig.savefig(path, dpi=100, metadata={"Software": None}, bbox_inches="tight")
    return relative(path)


#: Tables longer than this are folded behind a summary line (one click shows them).
LONG_TABLE = 20
#: Columns whose longest value is longer than this get a readable minimum width.
LONG_TEXT = 40


def _cell(value) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float):
        return f"{value:.3f}"
    return html.escape(str(value), quote=True)


class Table:
    """A table shown in full: long text columns wide enough to read, HTML escaped, the
    cells of list columns (:data:`SHOWN_JOINED`) ``;``-joined as the contract files write
    them (shortest paths ``; ``-joined), no 0-based index unless asked for, and a long table
    folded behind a summary line that says how many rows it has.

    Unlike a pandas Styler it carries no random ids, so its output is the same on every run.

    >>> "&lt;b&gt;" in Table(pd.DataFrame({"text": ["<b>"]}))._repr_html_()
    True
    >>> "<details>" in Table(pd.DataFrame({"n": range(LONG_TABLE + 1)}))._repr_html_()
    True
    >>> "<details>" in Table(pd.DataFrame({"n": range(LONG_TABLE)}))._repr_html_()
    False
    """

    def __init__(self, frame: pd.DataFrame, *, index: bool = False) -> None:
        self.frame = as_written(as_written(frame, SHOWN_JOINED), SPACED_LIST_COLUMNS,
                                separator="; ")
        self.index = index

    def _repr_html_(self) -> str:
        frame = self.frame.reset_index() if self.index else self.frame
        columns = [str(c) for c in frame.columns]
        long = {i for i, c in enumerate(frame.columns)
                if len(frame) and frame[c].astype(str).str.len().max() > LONG_TEXT}
        head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
        cell = ('<td style="text-align:left; white-space:pre-wrap">',
                '<td class="nb-long" style="text-align:left; white-space:pre-wrap; '
                'min-width:18em">')
        rows = "".join("<tr>" + "".join(cell[i in long] + _cell(v) + "</td>"
                                        for i, v in enumerate(row)) + "</tr>"
                       for row in frame.itertuples(index=False, name=None))
        table = (f'<table class="dataframe"><thead><tr style="text-align:left">{head}</tr>'
                 f"</thead><tbody>{rows}</tbody></table>")
        if len(frame) > LONG_TABLE:
            table = (f"<details><summary>{len(frame)} rows, {len(columns)} columns: "
                     f"click to show the table</summary>{table}</details>")
        elif not len(frame):
            table += "<p><em>(no rows)</em></p>"
        return f'<div class="nb-table" style="text-align:left">{table}</div>'

    def __repr__(self) -> str:
        return self.frame.to_string(index=self.index, max_colwidth=80)


def wide_text(frame: pd.DataFrame, *, index: bool = False) -> Table:
    """Show ``frame`` in full with its long text columns readable (see :class:`Table`)."""
    return Table(frame, index=index)
