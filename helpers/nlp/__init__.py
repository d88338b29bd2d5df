"""The language layer: the one spaCy pipeline of the collection (``model``), sentences
(``text``), the dependency tree read once for each doc (``tree``), the knowledge base (``kb``), the components the pipeline adds (``entities``),
linking names to actors (``linking``), coreference (``coref``) and the mentions and actor
table of an article (``mentions``).

Layer: may import ``helpers.files`` and ``helpers.config``.
"""
