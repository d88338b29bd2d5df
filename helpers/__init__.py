"""The helpers of the news-evidence notebooks, one subpackage per stage of the data flow.

Layers, top to bottom; a layer imports only the layers below it (checked by
import-linter, see ``pyproject.toml``), and the two names on one line never import
each other:

- ``runner``, ``distributed``: the documented command lines, thin entry modules;
- ``cli``: the command lines (notebook runner, Dask corpus run, benchmarks);
- ``views`` | ``evaluation``: what the notebooks display | agreement with expected annotations, accuracy on the development set;
- ``corpus``: many articles: cross-document merge, Dask runs, corpus tables;
- ``pipeline``: one article through every stage, and its contract files;
- ``stakeholders``: network, positions, power-interest grid of one article's annotations;
- ``events`` | ``temporal``: who did what to whom | when (expressions, anchoring, order);
- ``nlp``: the spaCy pipeline, sentences, knowledge base, linking, coreference, mentions;
- ``files``: articles, resource tables, contract records and files, brat;
- ``config``: paths and settings.
"""
