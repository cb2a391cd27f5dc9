"""Column tables that metrics return: to pandas from numpy views, and to any
Arrow consumer (pyarrow, polars, DuckDB) through ``__arrow_c_stream__``.

>>> import datetime, pyarrow, levande
>>> ws = levande.Workspace()
>>> t = ws.goal_status_table(datetime.date(2026, 1, 1))
>>> pyarrow.table(t).column_names[:3]
['goal', 'current', 'measured']
"""

from __future__ import annotations

from typing import Any, Optional

from . import _core

__all__ = ["Table"]


class Table:
    """An immutable column table computed by levande. Columns are shared with
    the C++ core: numpy arrays are read-only views (dates are converted to
    ``datetime64[D]``), and Arrow consumers read the same buffers."""

    def __init__(self, core: _core.Table) -> None:
        self._core = core

    def __len__(self) -> int:
        return len(self._core)

    @property
    def column_names(self) -> list[str]:
        """The column names in order."""
        return self._core.names()

    def to_pandas(self, *, dtype_backend: str = "numpy"):
        """A ``pandas.DataFrame``, with no Python object per row.

        ``dtype_backend="numpy"`` (the default): numpy columns, dictionary
        columns as Categoricals, dates as ``datetime64``. The categories are
        Python strings, one per distinct word, which is most of the cost for
        a large dictionary. ``dtype_backend="pyarrow"``: ``pd.ArrowDtype``
        columns over the table's own buffers through the Arrow C stream (no
        copy, no Python strings; needs pyarrow), the fast way to hand a large
        table to pandas."""
        import pandas as pd

        if dtype_backend == "pyarrow":
            import pyarrow

            return pyarrow.table(self).to_pandas(types_mapper=pd.ArrowDtype)
        if dtype_backend != "numpy":
            raise ValueError(f"dtype_backend: {dtype_backend!r} is not 'numpy' or 'pyarrow'")
        data: dict[str, Any] = {}
        for name in self.column_names:
            values = self._core.column(name)
            if isinstance(values, tuple):  # dictionary: (codes, words)
                codes, words = values
                # The core checked every code against its words when it built the column.
                data[name] = pd.Categorical.from_codes(codes, categories=words, validate=False)
            else:
                data[name] = values
        return pd.DataFrame(data, copy=False)

    def __arrow_c_stream__(self, requested_schema: Optional[object] = None) -> object:
        """The Arrow PyCapsule stream protocol: one record batch, buffers shared."""
        return self._core.__arrow_c_stream__(requested_schema)

    def __repr__(self) -> str:
        return f"<levande.Table {len(self)} rows: {', '.join(self.column_names)}>"
