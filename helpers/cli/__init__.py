"""The command lines: the notebook runner (``runner``), the Dask corpus run
(``distributed``) and the benchmarks (``bench``, ``corpus_bench``).

Layer: the top; may import every other subpackage.
"""
