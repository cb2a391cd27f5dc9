"""The package itself: version, exceptions, typing files."""

import importlib.metadata
import pathlib
import re

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
