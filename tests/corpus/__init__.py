"""Tests of helpers.corpus."""
