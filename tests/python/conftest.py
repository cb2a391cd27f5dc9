import datetime
import pathlib

import pytest

import levande

#: The bundled example programme, the sample the tests count by hand.
EXAMPLE_PROGRAMME = pathlib.Path(__file__).resolve().parents[2] / "examples" / "data" / "programme.json"


@pytest.fixture
def d():
    """Parse an ISO date in tests: d('2026-04-02')."""
    return datetime.date.fromisoformat


@pytest.fixture
def example_programme():
    """A workspace holding the bundled example programme (examples/data/programme.json)."""
    ws = levande.Workspace()
    ws.import_json(EXAMPLE_PROGRAMME)
    return ws
