"""The shape of helpers/: subpackages in checked layers, no cycle, small modules, and an
annotation path that draws nothing."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

import helpers

PACKAGE = Path(helpers.__file__).parent
MODULES = sorted(PACKAGE.rglob("*.py"))


def test_the_import_layers_of_pyproject_hold():
    done = subprocess.run([str(Path(sys.executable).parent / "lint-imports")], cwd=PACKAGE.parent,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-2000:]
    assert "0 broken" in done.stdout


def test_helpers_is_grouped_in_at_least_four_subpackages_each_with_a_tests_package():
    subpackages = sorted(p.parent.name for p in PACKAGE.glob("*/__init__.py"))
    assert len(subpackages) >= 4
    tests = Path(__file__).parent
    assert [name for name in subpackages if not (tests / name / "__init__.py").is_file()] == []


def test_no_module_imports_another_in_a_cycle():
    graph = grimp.build_graph("helpers")
    edges = {m: graph.find_modules_directly_imported_by(m) for m in graph.modules}
    state: dict[str, int] = {}

    def visit(module: str, path: list[str]) -> list[str]:
        state[module] = 1
        for imported in sorted(edges[module]):
            if state.get(imported) == 1:
                return path + [module, imported]
            if imported not in state and (cycle := visit(imported, path + [module])):
                return cycle
        state[module] = 2
        return []

    cycles = [c for m in sorted(edges) if m not in state and (c := visit(m, []))]
    assert cycles == []


def test_no_import_hides_inside_a_function():
    found = [f"{path.relative_to(PACKAGE)}:{sub.lineno}" for path in MODULES
             for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
             if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
             for sub in ast.walk(node) if isinstance(sub, (ast.Import, ast.ImportFrom))]
    assert found == []


def test_no_module_is_over_300_lines():
    long = {str(p.relative_to(PACKAGE)): n for p in MODULES
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 300}
    assert long == {}


def test_no_module_is_named_like_a_standard_library_module():
    names = {p.stem for p in MODULES if p.stem != "__init__"} | {
        p.parent.name for p in PACKAGE.glob("*/__init__.py")}
    assert sorted(names & set(sys.stdlib_module_names)) == []


def test_every_subpackage_says_what_it_holds_and_which_layers_it_may_import():
    for init in PACKAGE.glob("*/__init__.py"):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        assert "Layer:" in doc, init.parent.name


@pytest.mark.parametrize("entry", ["helpers.pipeline.annotate", "helpers.pipeline.outputs"])
def test_annotating_an_article_imports_neither_matplotlib_nor_the_views(entry):
    code = (f"import sys\nimport {entry}\n"
            "from helpers.files.articles import load_document\n"
            "from helpers.pipeline.annotate import analyse\n"
            "from helpers.pipeline.outputs import stakeholder_tables\n"
            "from helpers.stakeholders.analysis import analyse_stakeholders\n"
            "analysis = analyse(load_document('000_a1f3d825a8827267'))\n"
            "analyse_stakeholders(stakeholder_tables(analysis))\n"
            "loaded = sorted(m for m in sys.modules\n"
            "                if m.split('.')[0] == 'matplotlib' or m.startswith('helpers.views'))\n"
            "print(len(analysis.events), loaded)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    events, loaded = done.stdout.strip().split(" ", 1)
    assert int(events) > 0 and loaded == "[]"
