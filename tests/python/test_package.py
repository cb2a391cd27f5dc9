"""The package itself: version, exceptions, typing files."""

import doctest
import importlib
import importlib.metadata
import pathlib
import re

import pytest

import levande


def test_version_matches_cpp_and_metadata():
    header = pathlib.Path(__file__).parents[2] / "include" / "levande" / "version.h"
    parts = dict(re.findall(r"#define LEVANDE_VERSION_(MAJOR|MINOR|PATCH) (\d+)", header.read_text()))
    expected = f"{parts['MAJOR']}.{parts['MINOR']}.{parts['PATCH']}"
    assert levande.__version__ == expected
    assert levande.library_version() == expected
    assert importlib.metadata.version("levande") == expected


def test_exception_tree():
    assert issubclass(levande.InvalidDateError, levande.InvalidArgumentError)
    assert issubclass(levande.ParseError, levande.InvalidArgumentError)
    assert issubclass(levande.InvalidArgumentError, levande.Error)
    assert issubclass(levande.InvalidArgumentError, ValueError)
    assert issubclass(levande.OutOfRangeError, ValueError)
    assert issubclass(levande.NotFoundError, LookupError)
    assert issubclass(levande.IOError, OSError)
    assert levande.Error.__module__ == "levande"


def test_typing_files_are_installed():
    package = pathlib.Path(levande.__file__).parent
    assert (package / "py.typed").exists()
    assert (package / "_core.pyi").exists()


@pytest.mark.parametrize("module", ["levande", "levande.workspace", "levande.metrics",
                                    "levande.schedule", "levande.celebrate", "levande.report",
                                    "levande.table", "levande.model", "levande.peers",
                                    "levande.ical"])
def test_the_examples_in_the_docstrings_run(module):
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_metrics_and_scheduling_are_functions_of_a_workspace():
    # The package's layers: the modules of functions do not import the
    # workspace module (no import circle); Workspace's methods call them.
    import ast

    package = pathlib.Path(levande.__file__).parent
    for name in ("metrics", "schedule", "celebrate", "report", "table"):
        tree = ast.parse((package / f"{name}.py").read_text())
        runtime_imports = [node for node in tree.body
                           if isinstance(node, (ast.Import, ast.ImportFrom))]
        modules = {node.module for node in runtime_imports if isinstance(node, ast.ImportFrom)}
        assert "workspace" not in modules, name


def test_the_typing_literals_are_the_cores_names():
    # The Literal types are for type checkers and must be written out; the
    # names themselves come from the core, and these must agree with them.
    import typing

    from levande import model

    names = levande._core.enum_names()
    literals = {"direction": model.Direction, "plan_status": model.PlanStatus,
                "check_in_status": model.CheckInStatus, "outcome": model.Outcome,
                "role": model.Role, "assignment_status": model.AssignmentStatus,
                "scale": model.Scale, "learning_kind": model.LearningKind, "roll": model.Roll,
                "personal_plans": model.PersonalPlans, "check_ins_until": model.CheckInsUntil}
    for enum, literal in literals.items():
        assert list(typing.get_args(literal)) == names[enum], enum
    assert levande.GOAL_STATUSES == ["no_data", "achieved", "on_track", "at_risk", "off_track",
                                     "missed"]
    assert levande.EVENT_KINDS[0] == "plan_due" and len(levande.EVENT_KINDS) == 10
    assert levande.EVENT_KINDS[9] == "ambassador_session"
