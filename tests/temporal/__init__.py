"""Tests of helpers.temporal."""
