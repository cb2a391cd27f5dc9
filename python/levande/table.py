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

    def to_pandas(self):
        """A ``pandas.DataFrame``: dictionary columns become Categoricals,
        dates ``datetime64``; no Python object per row."""
        import pandas as pd

        data: dict[str, Any] = {}
        for name in self.column_names:
            values = self._core.column(name)
            if isinstance(values, tuple):  # dictionary: (codes, words)
                codes, words = values
                data[name] = pd.Categorical.from_codes(codes, categories=words)
            else:
                data[name] = values
        return pd.DataFrame(data, copy=False)

    def __arrow_c_stream__(self, requested_schema: Optional[object] = None) -> object:
        """The Arrow PyCapsule stream protocol: one record batch, buffers shared."""
        return self._core.__arrow_c_stream__(requested_schema)

    def __repr__(self) -> str:
        return f"<levande.Table {len(self)} rows: {', '.join(self.column_names)}>"
