"""The one catalog of Kafka topics: names, partitions, retention, cleanup policy and key.

`alpr topics apply` creates or updates these on a real cluster; on the development broker topics
are created on first use (with 4 partitions, which is why every topic here has 4).
"""
from dataclasses import dataclass

DAY_MS = 24 * 60 * 60 * 1000
NEVER = -1


@dataclass(frozen=True)
class Topic:
    name: str
    key: str
    retention_ms: int
    partitions: int = 4
    cleanup_policy: str = "delete"
    min_insync_replicas: int = 2
    description: str = ""

    def config(self) -> dict[str, str]:
        return {
            "retention.ms": str(self.retention_ms),
            "cleanup.policy": self.cleanup_policy,
            "min.insync.replicas": str(self.min_insync_replicas),
        }


FRAMES = Topic("alpr.frames.v1", "device_id", 7 * DAY_MS, description="frames accepted by ingest")
READS = Topic("alpr.reads.v1", "plate token (hex)", 7 * DAY_MS, description="plate reads from OCR")
FRAME_READS = Topic("alpr.frame-reads.v1", "device_id", 7 * DAY_MS, description="one per frame OCR finished")
CASES = Topic("alpr.cases.v1", "case_id", 30 * DAY_MS, description="violation candidates for review")
DECISIONS = Topic("alpr.decisions.v1", "case_id", 30 * DAY_MS, description="officer decisions")
CITATIONS = Topic("alpr.citations.v1", "citation_id", 30 * DAY_MS, description="confirmed citations")
CITATION_CLOSURES = Topic("alpr.citation-closures.v1", "citation_id", NEVER,
                          description="citations closed by the city's citation system (starts their retention clock)")
RETENTION = Topic("alpr.retention.v1", "item_id", NEVER, description="what retention destroyed")
SHARING = Topic("alpr.sharing.v1", "request_id", NEVER,
                description="data-sharing requests, supervisors' decisions and exports (never a plate)")
AUDIT = Topic("alpr.audit.v1", "writer_id", NEVER, description="append-only audit trail")
DEAD_LETTERS = Topic("alpr.deadletter.v1", "source_topic", 30 * DAY_MS, description="messages no consumer could process")

RULES_SIGHTINGS = Topic("alpr.rules-sightings.v1", "plate token (hex)", 2 * DAY_MS,
                        description="rules: each read once per token it carries (repartition by token)")

# Faust keeps the rules service's tables in these changelogs; with topic declaration off they are created here.
RULES_CHALKS = Topic("rules-chalks-changelog", "plate token (hex)|zone_id", 7 * DAY_MS, cleanup_policy="compact,delete",
                     description="rules: chalk marks (Faust table changelog)")
RULES_OPENED_CASES = Topic("rules-opened-cases-changelog", "case_id", 30 * DAY_MS, cleanup_policy="compact,delete",
                           description="rules: ids of cases already opened (Faust table changelog)")

CATALOG: tuple[Topic, ...] = (FRAMES, READS, FRAME_READS, CASES, DECISIONS, CITATIONS, CITATION_CLOSURES, RETENTION,
                              SHARING, AUDIT, DEAD_LETTERS, RULES_SIGHTINGS, RULES_CHALKS, RULES_OPENED_CASES)


def by_name(name: str) -> Topic:
    for topic in CATALOG:
        if topic.name == name:
            return topic
    raise KeyError(f"no topic {name!r} in the catalog")
