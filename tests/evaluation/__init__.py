"""Tests of helpers.evaluation."""
