"""The rendered collection as a static site: Sphinx with MyST-NB and the book theme.

:func:`build_site` takes the executed notebooks of every article (it never runs a
kernel) and writes ``reports/index.html`` and one page per notebook: a sidebar with
every article and its notebooks, search, an index listing each article by headline,
outlet, date and brief, and the articles that were not analysed with the reason.
On the site code cells are folded (one click shows them); links between notebooks
(``02_annotation.ipynb``) become links between pages; images carry their alt text.
Nothing a page needs is loaded from outside the site.

:mod:`helpers.cli.site_check` checks a built site offline.

>>> markdown_text("*Breaking* [news] <b>")
'\\\\*Breaking\\\\* \\\\[news\\\\] \\\\<b\\\\>'
"""
from __future__ import annotations

import copy
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping, Sequence

import nbformat

from helpers.config import RESOURCES_DIR, ROOT
from helpers.files.articles import load_document
from helpers.views.brief import article_brief, read_tables

SITE_RESOURCES = RESOURCES_DIR / "site"
DOCS_DIR = ROOT / "docs"
NOTEBOOK_LINK = re.compile(r"\[([^\]]*)\]\((?:\.\./)*(?:[\w.-]+/)*(\d\d_\w+\.ipynb)(#[^)\s]*)?\)")
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$&])")
HEADLINE_CHARS = 140


@dataclass
class Article:
    """One article of the site: its id, the words that present it, its executed notebooks."""

    doc_id: str
    headline: str
    outlet: str = ""
    date: str = ""
    brief: list[str] = field(default_factory=list)
    notebooks: list[Path] = field(default_factory=list)


def markdown_text(text: str) -> str:
    """Escape article text for MyST markdown, so it shows as written and never as markup."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def headline_of(title: str | None, first_sentence: str) -> str:
    """The title when the metadata gives one, else the first sentence (cut at a word).

    >>> headline_of(None, "One two three.")
    'One two three.'
    >>> len(headline_of("", "word " * 100)) <= HEADLINE_CHARS + 1
    True
    """
    text = " ".join((title or first_sentence or "").split())
    if len(text) <= HEADLINE_CHARS:
        return text or "(empty article)"
    return text[:HEADLINE_CHARS].rsplit(" ", 1)[0] + "…"


def describe_article(doc_id: str, notebooks: Sequence[Path]) -> Article:
    """The :class:`Article` of ``doc_id``: headline, outlet and date from its metadata
    and text, brief from its tables (see :mod:`helpers.views.brief`)."""
    document = load_document(doc_id)
    sentences = read_tables(doc_id).sentences
    first = sentences["text"].iloc[0] if len(sentences) else document.text.strip()[:400]
    meta = document.meta
    date = meta.published or (f"{meta.dct} (estimated)" if meta.dct else "no date given")
    return Article(doc_id, headline_of(meta.title, first), meta.outlet or "outlet not given",
                   date, article_brief(doc_id), list(notebooks))


def _link_targets(articles: Sequence[Article], corpus: Sequence[Path],
                  home: str | None) -> dict[str, dict[str, str]]:
    """Folder -> notebook file name -> the page path (relative to the site root) a link
    to that name leads to: the same folder first, then the home article, then corpus."""
    folders = {a.doc_id: {p.name for p in a.notebooks} for a in articles}
    folders["corpus"] = {p.name for p in corpus}
    order = [f for f in (home, "corpus") if f in folders]
    targets = {}
    for folder, names in folders.items():
        every = {n for ns in folders.values() for n in ns}
        targets[folder] = {}
        for name in every:
            where = folder if name in names else next(
                (f for f in order + sorted(folders) if name in folders[f]), None)
            targets[folder][name] = f"{where}/{name}"
    return targets


def site_notebook(nb: nbformat.NotebookNode, folder: str,
                  targets: Mapping[str, str]) -> nbformat.NotebookNode:
    """The copy of an executed notebook the site renders: code cells folded
    (``hide-input``), each image's alt text where MyST-NB reads it, links to other
    notebooks pointed at their pages, and a link to a notebook no page has turned
    into plain text."""
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            tags = cell.metadata.setdefault("tags", [])
            if "hide-input" not in tags:
                tags.append("hide-input")
            for output in cell.get("outputs", []):
                alt = output.get("metadata", {}).get("image/png", {}).get("alt")
                if alt:
                    cell.metadata.setdefault("mystnb", {})["image"] = {"alt": alt}
        elif cell.cell_type == "markdown":
            cell.source = NOTEBOOK_LINK.sub(
                lambda m: _relink(m, folder, targets), cell.source)
    return nb


def _relink(match: re.Match, folder: str, targets: Mapping[str, str]) -> str:
    text, name, anchor = match.group(1), match.group(2), match.group(3) or ""
    if text.strip().strip("`").endswith(".ipynb"):      # a file name as link text
        text = Path(text.strip().strip("`")).stem.replace("_", " ")
    target = targets.get(name)
    if target is None:
        return text
    where, _, file = target.partition("/")
    return f"[{text}]({file if where == folder else '../' + target}{anchor})"


def _article_page(article: Article) -> str:
    lines = [f"# {markdown_text(article.headline)}", "",
             f"{markdown_text(article.outlet)} · {markdown_text(article.date)} · "
             f"document `{article.doc_id}`", "",
             "```{container} article-brief", "**Brief**", ""]
    lines += [f"- {markdown_text(s)}" for s in article.brief]
    lines += ["```", "",
             "Each sentence cites the sentence ids (`s3`) it rests on; the sentences are "
             "listed with their offsets in the first notebook below.", "",
             "```{toctree}", ":maxdepth: 1", ""]
    lines += [p.stem for p in article.notebooks] + ["```", ""]
    return "\n".join(lines)


def _index_page(articles: Sequence[Article], rejected: Mapping[str, str],
                corpus: Sequence[Path], docs: Sequence[str]) -> str:
    lines = ["# News evidence", "",
             f"{len(articles)} article(s) analysed"
             + (f", {len(rejected)} not analysed (listed at the end)" if rejected else "")
             + ". Each article opens with a brief in plain words; every claim cites the "
             "sentence ids it rests on. Code cells are folded: click *Show code cell "
             "source* to see one.", "", "## Articles", ""]
    for article in articles:
        lines += [f"### [{markdown_text(article.headline)}]({article.doc_id}/index.md)", "",
                  f"{markdown_text(article.outlet)} · {markdown_text(article.date)} · "
                  f"`{article.doc_id}`", "",
                  " ".join(markdown_text(s) for s in article.brief), ""]
    if not articles:
        lines += ["No article could be analysed.", ""]
    if corpus:
        lines += ["## Across articles", "",
                  f"[{corpus[0].stem.replace('_', ' ')}](corpus/{corpus[0].name}): which actors "
                  "recur, which events several outlets report.", ""]
    if rejected:
        lines += ["## Not analysed", "", "| file | reason |", "| --- | --- |"]
        lines += [f"| `{doc_id}` | {markdown_text(reason)} |"
                  for doc_id, reason in sorted(rejected.items())]
        lines.append("")
    lines += ["```{toctree}", ":hidden:", ":caption: Articles", ""]
    lines += [f"{a.doc_id}/index" for a in articles] + ["```", ""]
    if corpus:
        lines += ["```{toctree}", ":hidden:", ":caption: Across articles", ""]
        lines += [f"corpus/{p.stem}" for p in corpus] + ["```", ""]
    if docs:
        lines += ["```{toctree}", ":hidden:", ":caption: Method notes", ""]
        lines += [f"docs/{name}" for name in docs] + ["```", ""]
    return "\n".join(lines)


def write_sources(articles: Sequence[Article], src: Path, *, rejected: Mapping[str, str] = {},
                  corpus: Sequence[Path] = (), home: str | None = None,
                  docs_dir: Path = DOCS_DIR) -> Path:
    """Write the site's sources (markdown pages, notebook copies, settings) into ``src``."""
    if src.exists():
        shutil.rmtree(src)
    shutil.copytree(SITE_RESOURCES, src)
    targets = _link_targets(articles, corpus, home)
    for folder, paths in [(a.doc_id, a.notebooks) for a in articles] + [("corpus", corpus)]:
        (src / folder).mkdir(parents=True, exist_ok=True)
        for path in paths:
            nb = site_notebook(nbformat.read(path, as_version=4), folder, targets[folder])
            nbformat.write(nb, src / folder / path.name)
    for article in articles:
        (src / article.doc_id / "index.md").write_text(_article_page(article), encoding="utf-8")
    docs = sorted(p.stem for p in Path(docs_dir).glob("*.md")) if docs_dir.exists() else []
    if docs:
        shutil.copytree(docs_dir, src / "docs", ignore=shutil.ignore_patterns("*.png", "*.csv"))
    (src / "index.md").write_text(_index_page(articles, rejected, corpus, docs),
                                  encoding="utf-8")
    return src


def build_site(articles: Sequence[Article], out_dir: Path, *, rejected: Mapping[str, str] = {},
               corpus: Sequence[Path] = (), home: str | None = None,
               work_dir: Path | None = None) -> Path:
    """Build the site into ``out_dir``; return ``out_dir/index.html``.

    ``work_dir`` (default ``build/site`` beside ``out_dir``'s parent) holds the sources
    and Sphinx's cache. Raises ``RuntimeError`` with Sphinx's messages if the build fails.
    """
    work = Path(work_dir) if work_dir is not None else Path(out_dir).parent / "build" / "site"
    if work.exists():             # sources, cache and pages of a previous build all go
        shutil.rmtree(work)
    src = write_sources(articles, work / "src", rejected=rejected, corpus=corpus, home=home)
    html_dir = work / "html"      # MyST-NB keeps its cache beside it, in work/jupyter_execute
    done = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-E", "-a", "-q",
         "-d", str(work / "doctrees"), str(src), str(html_dir)],
        capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"the site did not build: {done.stderr.strip()[-2000:]}")
    for junk in (".buildinfo", ".buildinfo.bak", "objects.inv"):
        (html_dir / junk).unlink(missing_ok=True)
    for template in (html_dir / "_static").glob("*.html"):   # theme templates, not pages
        template.unlink()
    if (html_dir / "_sources").is_dir() and not any((html_dir / "_sources").iterdir()):
        (html_dir / "_sources").rmdir()
    out_dir = Path(out_dir)
    if out_dir.exists():          # the previous site goes; executed notebook copies stay
        for old in sorted(out_dir.rglob("*"), reverse=True):
            if old.is_file() and old.suffix != ".ipynb":
                old.unlink()
            elif old.is_dir() and not any(old.iterdir()):
                old.rmdir()
    shutil.copytree(html_dir, out_dir, dirs_exist_ok=True)
    return out_dir / "index.html"
