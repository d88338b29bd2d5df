"""``python -m helpers.distributed SRC_DIR OUT_DIR``: annotate a directory of articles through Dask.

The command itself is :mod:`helpers.cli.distributed`.
"""
from helpers.cli.distributed import main

if __name__ == "__main__":
    raise SystemExit(main())
