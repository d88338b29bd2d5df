"""One article through every stage: parsing and annotation (``annotate``), then its
stakeholder analysis and contract files (``outputs``).

Layer: may import ``helpers.stakeholders`` and every layer below it.
"""
