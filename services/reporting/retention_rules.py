"""The retention rules in force, read as data from the retention service's TOML file.

Reporting never imports the retention service; it reads the same file to publish the rules and to
judge whether destroyed items outlived them.
"""
import tomllib
from dataclasses import dataclass
from pathlib import Path

from alpr_common.errors import ConfigError

# Rules whose window counts from the item's own time (capture), which RetentionRecord.item_time carries;
# the other windows count from a rejection or a citation's close, which the record does not carry.
COUNTED_FROM_ITEM_TIME = frozenset({"non_violation_frames"})
WINDOWS = {"keep_hours": ("hours", 60), "keep_days": ("days", 24 * 60), "keep_days_after_close": ("days after the citation is closed", 24 * 60)}


@dataclass(frozen=True)
class RuleInForce:
    name: str
    kept: str  # in words, e.g. "24 hours" or "forever"
    window_minutes: int | None  # comparable with item lifetimes; None where it is not
    description: str = ""


def parse_rules(raw: dict) -> list[RuleInForce]:
    return [_rule(name, table) for name, table in sorted((raw.get("rules") or {}).items()) if isinstance(table, dict)]


def _rule(name: str, table: dict) -> RuleInForce:
    description = str(table.get("description", ""))
    if table.get("keep") == "forever":
        return RuleInForce(name, "forever", None, description)
    for field, (unit, minutes) in WINDOWS.items():
        if isinstance(table.get(field), (int, float)):
            value = table[field]
            window = int(value * minutes) if name in COUNTED_FROM_ITEM_TIME and field != "keep_days_after_close" else None
            return RuleInForce(name, f"{value:g} {unit}", window, description)
    return RuleInForce(name, "not stated", None, description)


def load_rules(path: Path) -> list[RuleInForce]:
    try:
        return parse_rules(tomllib.loads(Path(path).read_text()))
    except FileNotFoundError:
        raise ConfigError(f"retention rules file {path} does not exist (set REPORTING_RETENTION_CONFIG_PATH)") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"retention rules file {path} is not valid TOML: {exc}") from None
