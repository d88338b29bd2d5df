"""Tests of helpers.pipeline."""
