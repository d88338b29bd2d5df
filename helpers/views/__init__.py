"""What the notebooks display: tables, highlighted text, figures and summaries in prose,
and the brief of each article the site opens with (``brief``).
The only layer that imports matplotlib or displaCy's renderer.

Layer: may import ``helpers.corpus`` and every layer below it; never ``helpers.evaluation``.
"""
