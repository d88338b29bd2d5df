"""A progress bar that shows in a terminal and, as one stable line, in a notebook."""
from __future__ import annotations

import sys

from IPython import get_ipython
from IPython.display import display
from tqdm.std import tqdm


class Progress(tqdm):
    """A tqdm bar; inside a notebook it is drawn in one display line that starts and ends as a label.

    A live reader sees the bar move; before and after, the line reads ``<desc>: <total> in all``,
    so the stored output is the same on every run (and nbval, which sees only the first
    version of a display, compares the same text).
    """

    def __init__(self, *args, **kwargs) -> None:
        total = kwargs.get("total")
        label = f"{kwargs.get('desc', '')}: {total} in all" if total is not None else "progress"
        self._label = label
        self._line = None if kwargs.get("disable") else _NotebookLine.create(label)
        kwargs["file"] = self._line or kwargs.get("file") or sys.stderr
        super().__init__(*args, **kwargs)

    def close(self) -> None:
        super().close()
        if self._line is not None:
            self._line.show(self._label)


class _NotebookLine:
    """A file-like target that shows the last line written in one updated notebook display."""

    def __init__(self, handle) -> None:
        self.handle = handle

    @classmethod
    def create(cls, first: str) -> "_NotebookLine | None":
        """A display showing ``first``, when running in a notebook kernel; else None."""
        shell = get_ipython()
        if shell is None or "IPKernelApp" not in shell.config:
            return None
        return cls(display({"text/plain": first}, raw=True, display_id=True))

    def show(self, line: str) -> None:
        self.handle.update({"text/plain": line}, raw=True)

    def write(self, text: str) -> None:
        if text.strip("\r\n"):
            self.show(text.strip("\r\n"))

    def flush(self) -> None:
        pass
