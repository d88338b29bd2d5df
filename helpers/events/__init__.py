"""Events: the CAMEO lexicon (``cameo``), predicate arguments (``arguments``), factuality,
sourcing, and the coded events of an article (``extraction``).

Layer: may import ``helpers.nlp``, ``helpers.files``, ``helpers.config``; never
``helpers.temporal`` (the two are independent).
"""
