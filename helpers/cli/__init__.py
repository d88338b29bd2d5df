"""The command lines: the notebook runner (``runner``), the Dask corpus run
(``distributed``), the benchmarks (``bench``, ``corpus_bench``) and the development set's
text check and evaluation (``devset``, ``dev_eval``: ``make devcheck``, ``make eval``), and
the static site the runner builds from the executed notebooks (``static_site``, checked
offline by ``site_check``).

Layer: the top; may import every other subpackage.
"""
