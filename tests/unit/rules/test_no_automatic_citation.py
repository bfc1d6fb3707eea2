"""No automatic citation mode: the rules service opens cases and never decides or cites on its own."""
import ast
from pathlib import Path

from alpr_common.topics import CITATIONS, DECISIONS

RULES = Path(__file__).parents[3] / "services" / "rules"
FORBIDDEN_NAMES = {"CITATIONS", "DECISIONS"}
FORBIDDEN_TEXT = (CITATIONS.name, DECISIONS.name, "alpr.citations", "alpr.decisions")


def test_no_rules_module_names_the_decision_or_citation_topics():
    modules = sorted(RULES.rglob("*.py"))
    assert len(modules) > 5
    for module in modules:
        tree = ast.parse(module.read_text())
        imported = {alias.asname or alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
                    for alias in node.names}
        texts = [node.value.lower() for node in ast.walk(tree)
                 if isinstance(node, ast.Constant) and isinstance(node.value, str)]
        assert not imported & FORBIDDEN_NAMES, f"{module.name} imports {imported & FORBIDDEN_NAMES}"
        assert not [t for t in texts if any(word in t for word in FORBIDDEN_TEXT)], module.name


def test_the_rules_produce_only_cases_their_own_sightings_dead_letters_and_audit_events():
    app = (RULES / "app.py").read_text()
    assert "(READS, RULES_SIGHTINGS, CASES, DEAD_LETTERS)" in app
    assert "alpr_common.topics import CASES, DEAD_LETTERS, READS, RULES_SIGHTINGS" in app
    sends = [n for n in ast.walk(ast.parse(app)) if isinstance(n, ast.Call) and getattr(n.func, "attr", "") == "send"]
    assert sorted(ast.unparse(n.func.value) for n in sends) == ["cases", "dead_letters", "sightings"]
