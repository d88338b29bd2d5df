"""Time: calendar periods (``periods``), the expression grammar (``rules``) with its word
lists (``lexicon``) and handlers (``handlers`` for single expressions, ``spans`` for periods
of the calendar, ``shapes`` for numeric dates, clock times, ranges and other expressions made
of parts), what the sentence around an expression says (``context``), the TIMEX3 tagger
(``tagger``), events anchored to intervals (``anchoring``) and their order (``ordering``).

Layer: may import ``helpers.nlp``, ``helpers.files``, ``helpers.config``; never
``helpers.events`` (the two are independent).
"""
