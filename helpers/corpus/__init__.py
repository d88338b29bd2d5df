"""Many articles: the cross-document merge (``crossdoc``), stacked corpus tables
(``tables``), Dask runs over a directory (``distributed``) and their progress bar.

Layer: may import ``helpers.pipeline`` and every layer below it.
"""
