"""Time: calendar periods (``periods``), the expression grammar (``rules``), the TIMEX3
tagger (``tagger``), events anchored to intervals (``anchoring``) and their order
(``ordering``).

Layer: may import ``helpers.nlp``, ``helpers.files``, ``helpers.config``; never
``helpers.events`` (the two are independent).
"""
