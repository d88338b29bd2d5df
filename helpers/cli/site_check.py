"""Offline checks of a built site: every internal link and anchor leads somewhere, and no
page, stylesheet or script refers to anything outside the site.

>>> _is_outside("https://example.org/x.js"), _is_outside("//cdn.example.org/x"), _is_outside("a.html")
(True, True, False)
"""
from __future__ import annotations

import html.parser
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Refs(html.parser.HTMLParser):
    """Collects what a page refers to (tag, attribute, value) and the ids it defines."""

    ATTRS = {"href", "src", "srcset", "data", "poster", "action"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs: list[tuple[str, str, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("id", "name") and value:
                self.ids.add(value)
            elif name in self.ATTRS and value:
                self.refs.append((tag, name, value))
            elif name == "style" and value and "url(" in value:
                self.refs += [(tag, "style", u) for u in re.findall(r"url\(['\"]?([^'\")]+)", value)]


def _parse(page: Path) -> _Refs:
    parser = _Refs()
    parser.feed(page.read_text(encoding="utf-8", errors="replace"))
    return parser


def _is_outside(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme or parts.netloc) and parts.scheme not in ("data", "mailto",
                                                                       "javascript")


def broken_links(site: Path) -> list[str]:
    """Every internal link or resource of the built site that leads nowhere, as
    ``page: target`` lines (a missing file or a missing ``#anchor``); empty when all hold."""
    site = Path(site)
    pages = {p: _parse(p) for p in sorted(site.rglob("*.html"))}
    problems = []
    for page, refs in pages.items():
        for _tag, _attr, url in refs.refs:
            if _is_outside(url) or url.startswith(("data:", "mailto:", "javascript:")):
                continue
            parts = urlsplit(url)
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            where = f"{page.relative_to(site).as_posix()}: {url}"
            if not target.exists():
                problems.append(where)
            elif parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else _parse(target).ids
                if unquote(parts.fragment) not in ids:
                    problems.append(where + " (no such anchor)")
    return problems


def external_references(site: Path) -> list[str]:
    """Every reference of the built site to anything outside it (pages and their CSS and
    scripts), as ``file: url`` lines; empty when a page needs nothing from elsewhere."""
    site = Path(site)
    found = []
    for page in sorted(site.rglob("*.html")):
        found += [f"{page.relative_to(site).as_posix()}: {url}"
                  for _tag, _attr, url in _parse(page).refs if _is_outside(url)]
    for asset in sorted([*site.rglob("*.css"), *site.rglob("*.js")]):
        text = asset.read_text(encoding="utf-8", errors="replace")
        for url in re.findall(r"""(?:url\(|@import\s+|src\s*=\s*|href\s*=\s*)['"]?"""
                              r"""((?:https?:)?//[^'")\s]+)""", text):
            found.append(f"{asset.relative_to(site).as_posix()}: {url}")
    return found
