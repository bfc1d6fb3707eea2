"""The retention rules, read from a TOML file and validated with messages naming rule and field."""
import tomllib
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from alpr_common.errors import ConfigError

NON_VIOLATION_FRAMES = "non_violation_frames"
REJECTED_CASE_EVIDENCE = "rejected_case_evidence"
CITATION_EVIDENCE = "citation_evidence"
AUDIT_EVENTS = "audit_events"
AGGREGATES = "aggregates"
MINIMIZATION_WINDOW = "minimization_window"

HOURS, DAYS, DAYS_AFTER_CLOSE, FOREVER = "keep_hours", "keep_days", "keep_days_after_close", "keep"

# Which window fields each rule accepts; what each rule applies to is code, how long is configuration.
ALLOWED_FIELDS = {
    NON_VIOLATION_FRAMES: (HOURS, DAYS),
    REJECTED_CASE_EVIDENCE: (HOURS, DAYS),
    CITATION_EVIDENCE: (DAYS_AFTER_CLOSE, FOREVER),
    AUDIT_EVENTS: (FOREVER,),
    AGGREGATES: (FOREVER,),  # counts without personal data: documented here, never destroyed
    MINIMIZATION_WINDOW: (HOURS,),  # epoch keys: must equal ALPR_EPOCH_HOURS (check_epoch_hours)
}
OPTIONAL_FIELDS = ("description",)


@dataclass(frozen=True)
class Rule:
    name: str
    keep: timedelta | None  # None: kept forever

    @property
    def forever(self) -> bool:
        return self.keep is None


@dataclass(frozen=True)
class Rules:
    by_name: dict[str, Rule]

    def __getitem__(self, name: str) -> Rule:
        return self.by_name[name]


def load_rules(path: Path) -> Rules:
    try:
        raw = tomllib.loads(Path(path).read_text())
    except FileNotFoundError:
        raise ConfigError(f"retention rules file {path} does not exist (set RETENTION_CONFIG_PATH)") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"retention rules file {path} is not valid TOML: {exc}") from None
    return parse_rules(raw, source=str(path))


def parse_rules(raw: dict, source: str = "retention rules") -> Rules:
    tables = raw.get("rules")
    if not isinstance(tables, dict):
        raise ConfigError(f"{source}: needs one [rules.<name>] table per rule ({', '.join(ALLOWED_FIELDS)})")
    unknown = sorted(set(tables) - set(ALLOWED_FIELDS))
    if unknown:
        raise ConfigError(f"{source}: unknown rule(s) {', '.join(unknown)}; known rules: {', '.join(ALLOWED_FIELDS)}")
    missing = [name for name in ALLOWED_FIELDS if name not in tables]
    if missing:
        raise ConfigError(f"{source}: missing rule(s) {', '.join(missing)}; every rule needs a [rules.<name>] table")
    rules = Rules({name: _parse_rule(name, tables[name], source) for name in ALLOWED_FIELDS})
    _check_citations_outlast_rejections(rules, source)
    return rules


def _check_citations_outlast_rejections(rules: Rules, source: str) -> None:
    """A frame in both a rejected case and a closed citation follows the citation rule, so it must be the longer."""
    cited, rejected = rules[CITATION_EVIDENCE], rules[REJECTED_CASE_EVIDENCE]
    if not cited.forever and cited.keep < rejected.keep:
        raise ConfigError(f"{source}: rules.{CITATION_EVIDENCE} keeps evidence {cited.keep} after the close, "
                          f"shorter than rules.{REJECTED_CASE_EVIDENCE} ({rejected.keep}); it must be at least as long")


def check_epoch_hours(rules: Rules, epoch_hours: int, source: str = "retention rules") -> None:
    """The services seal under epochs of ALPR_EPOCH_HOURS; the published window must be that one."""
    window = rules[MINIMIZATION_WINDOW].keep
    if window != timedelta(hours=epoch_hours):
        raise ConfigError(f"{source}: rules.{MINIMIZATION_WINDOW}.keep_hours is {window / timedelta(hours=1):g} but "
                          f"ALPR_EPOCH_HOURS is {epoch_hours}: reads are sealed under epochs of ALPR_EPOCH_HOURS, so "
                          "the promised window must say the same; set both to the same number of hours")


def _parse_rule(name: str, table: object, source: str) -> Rule:
    where = f"{source}: rules.{name}"
    if not isinstance(table, dict):
        raise ConfigError(f"{where} must be a table")
    allowed = ALLOWED_FIELDS[name]
    extra = sorted(set(table) - set(allowed) - set(OPTIONAL_FIELDS))
    if extra:
        raise ConfigError(f"{where}: field(s) {', '.join(extra)} not allowed here; use one of {', '.join(allowed)}")
    given = [f for f in allowed if f in table]
    if len(given) != 1:
        raise ConfigError(f"{where}: set exactly one of {', '.join(allowed)}")
    return Rule(name, _window(where, given[0], table[given[0]]))


def _window(where: str, field: str, value: object) -> timedelta | None:
    if field == FOREVER:
        if value != "forever":
            raise ConfigError(f'{where}.{field} must be "forever", not {value!r}')
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise ConfigError(f"{where}.{field} must be a number >= 0, not {value!r}")
    return timedelta(hours=value) if field == HOURS else timedelta(days=value)
