"""Shared fixtures."""
from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    """An empty seeds folder to drop test files into."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    return folder
