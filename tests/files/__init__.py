"""Tests of helpers.files."""
