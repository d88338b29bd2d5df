"""Reading and writing: articles and their metadata (with the dates an article and its outlet
state about themselves: ``dates``), the resource tables, the data contract
(its records, columns and files), the brat export, and removing the outputs of articles
that are gone or failed (``stale``).

Layer: above ``helpers.config`` only; imports no other subpackage.
"""
