"""Tests of helpers.cli."""
