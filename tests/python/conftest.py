import datetime

import pytest


@pytest.fixture
def d():
    """Parse an ISO date in tests: d('2026-04-02')."""
    return datetime.date.fromisoformat
