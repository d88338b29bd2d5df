"""Shared fixtures: the test articles and a parsed-document cache."""
from __future__ import annotations

from pathlib import Path

import pytest

from helpers.config import ROOT

ARTICLES = ROOT / "tests" / "articles"
GOLD = ROOT / "tests" / "gold"


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    """An empty seeds folder to drop test files into."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    return folder
