"""The committed event classes must be exactly what protoc makes of protos/ today."""
import filecmp
from pathlib import Path

from scripts.gen_protos import generate

EVENTS = Path(__file__).resolve().parents[3] / "alpr_common" / "events"


def test_generated_code_matches_the_proto_files(tmp_path):
    generate(tmp_path)
    fresh = tmp_path / "alpr_common" / "events"
    names = sorted(p.name for p in fresh.iterdir())
    committed = sorted(p.name for p in EVENTS.iterdir() if p.name.endswith(("_pb2.py", "_pb2.pyi")))
    assert names == committed, "a .proto was added or removed without `make protos`"
    _, mismatch, errors = filecmp.cmpfiles(fresh, EVENTS, names, shallow=False)
    assert not mismatch and not errors, f"regenerate with `make protos`: {mismatch or errors} drifted"
