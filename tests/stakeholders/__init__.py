"""Tests of helpers.stakeholders."""
