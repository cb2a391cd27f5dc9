"""The follow-up report and the xAPI statements of a workspace
(docs/reports.md, docs/xapi.md).

>>> import datetime, levande
>>> from levande import report
>>> page = report.report(levande.demo_organisation(), datetime.date(2026, 11, 30))
>>> page.startswith("<!DOCTYPE html>")
True
"""

from __future__ import annotations

import datetime
import json
from typing import TYPE_CHECKING, Any

from . import _core

if TYPE_CHECKING:  # pragma: no cover
    from .workspace import Workspace

__all__ = ["report", "xapi_statements"]


def report(workspace: "Workspace", as_of: datetime.date, *, format: str = "html",
           title: str = "Follow-up report", min_respondents: int = 5) -> str:
    """The follow-up report as of a date: one self-contained HTML page
    (``format="html"``) or Markdown, answering whether the training is
    sticking and what needs attention now."""
    return _core._report(workspace._ws, as_of, title, min_respondents, format)


def xapi_statements(workspace: "Workspace", as_of: datetime.date, *,
                    base: str = "https://levande.example/xapi") -> list[dict[str, Any]]:
    """The follow-up as xAPI 1.0.3 statements, parsed from JSON."""
    return json.loads(_core._xapi_statements(workspace._ws, as_of, base))
