"""Privacy by construction: the rules never open a sealed plate and never write plate text."""
import ast
from pathlib import Path

RULES = Path(__file__).parents[3] / "services" / "rules"
OPENERS = {"open_with", "open_sealed", "open_blob", "reseal_for_case", "data_key"}


def names_in(module: Path) -> set[str]:
    tree = ast.parse(module.read_text())
    return ({n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
            | {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
            | {a.asname or a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) for a in n.names})


def test_no_rules_module_can_open_a_sealed_value():
    modules = sorted(RULES.rglob("*.py"))
    assert len(modules) > 5
    for module in modules:
        assert not names_in(module) & OPENERS, f"{module.name} uses {names_in(module) & OPENERS}"


def test_plate_text_is_only_ever_cleared():
    for module in sorted(RULES.rglob("*.py")):
        tree = ast.parse(module.read_text())
        uses = [n for n in ast.walk(tree) if isinstance(n, ast.keyword) and n.arg == "plate_text"]
        assert uses == [], f"{module.name} sets plate_text"
