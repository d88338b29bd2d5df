"""Reading and writing: articles and their metadata, the resource tables, the data contract
(its records, columns and files) and the brat export.

Layer: above ``helpers.config`` only; imports no other subpackage.
"""
