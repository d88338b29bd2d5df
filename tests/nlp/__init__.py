"""Tests of helpers.nlp."""
