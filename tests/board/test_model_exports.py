"""The model package loads its re-exports on first use (PEP 562): each name it offers is the
one of the module it names, type checkers see the same names, and importing a leaf module of
the model (errors, kinds) builds none of the rest."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

import pofacil.board.model as model

INIT = Path(model.__file__)


def _type_checking_names() -> set[str]:
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    block = next(n for n in tree.body if isinstance(n, ast.If))
    assert ast.unparse(block.test) == "TYPE_CHECKING"
    return {a.name for n in block.body if isinstance(n, ast.ImportFrom) for a in n.names}


def test_the_three_lists_agree() -> None:
    assert set(model.__all__) == set(model._MODULE_OF) == _type_checking_names()
    assert len(model.__all__) == len(set(model.__all__))


@pytest.mark.parametrize("name", model.__all__)
def test_each_name_is_its_module_s(name: str) -> None:
    module = importlib.import_module(f"pofacil.board.model.{model._MODULE_OF[name]}")
    assert getattr(model, name) is getattr(module, name)
    assert name in dir(model)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'Nothing'"):
        model.Nothing  # noqa: B018
    with pytest.raises(ImportError):
        exec("from pofacil.board.model import Nothing", {})


def test_a_leaf_module_builds_nothing_else() -> None:
    code = (
        "import sys\n"
        "import pofacil.board.model.errors, pofacil.board.model.kinds\n"
        "print(sorted(m for m in sys.modules if m.startswith('pofacil.board.model.')"
        " or m == 'dataclasses'))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "['pofacil.board.model.errors', 'pofacil.board.model.kinds']"
