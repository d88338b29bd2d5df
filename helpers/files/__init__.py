"""Reading and writing: articles and their metadata, the resource tables, the data contract
(its records, columns and files), the brat export, and removing the outputs of articles
that are gone or failed (``stale``).

Layer: above ``helpers.config`` only; imports no other subpackage.
"""
