"""Tests of helpers.views."""
