"""``python -m helpers.runner``: execute every notebook in order and render it.

The command itself is :mod:`helpers.cli.runner`.
"""
from helpers.cli.runner import main

if __name__ == "__main__":
    raise SystemExit(main())
