"""The stakeholder analysis of one article's annotation tables: profiles and stances,
the actor network, brokerage and bridge claims, positions, the power-interest grid, and
the whole analysis (``analysis``).

Layer: may import ``helpers.events``, ``helpers.temporal``, ``helpers.nlp``,
``helpers.files``, ``helpers.config``.
"""
