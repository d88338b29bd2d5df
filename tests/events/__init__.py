"""Tests of helpers.events."""
