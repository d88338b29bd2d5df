"""What the notebooks display: tables, highlighted text, figures and summaries in prose.
The only layer that imports matplotlib or displaCy's renderer.

Layer: may import ``helpers.corpus`` and every layer below it; never ``helpers.evaluation``.
"""
