"""What the demo prints at the end: what went in, what the pipeline did, and how right it was."""
from dataclasses import dataclass, field
from pathlib import Path

from alpr_common.crypto import KeyDestroyed, KeyStore, from_proto, open_sealed
from alpr_common.events.decisions_pb2 import Citation
from alpr_common.events.retention_pb2 import RetentionRecord
from alpr_common.events.reads_pb2 import PlateRead
from alpr_common.topic_reader import read_to_end
from alpr_common.topics import AUDIT, CITATIONS, RETENTION, READS


@dataclass
class DemoSummary:
    frames_ingested: int = 0
    plates_visible: int = 0
    reads: int = 0
    sightings: int = 0     # observations: reads of one car in consecutive frames fused count once
    reads_fused: int = 0
    plates_read_right: int = 0
    cases_expected: int = 0
    cases_opened: int = 0
    cases_matching: int = 0
    confirmed: int = 0
    rejected: int = 0
    citations: int = 0
    audit_events: int = 0
    items_destroyed: int = 0
    epochs_shredded: int = 0
    reads_still_readable: int = 0
    cited_cases: int = 0
    cited_cases_readable: int = 0
    report_path: Path | None = None
    public_report_path: Path | None = None
    seconds: float = 0.0
    missing_cases: list = field(default_factory=list)
    unexpected_cases: list = field(default_factory=list)
    cited_case_ids: list = field(default_factory=list)

    @property
    def cases_as_expected(self) -> bool:
        return not self.missing_cases and not self.unexpected_cases

    def lines(self) -> list[str]:
        pct = 100 * self.plates_read_right / self.plates_visible if self.plates_visible else 0
        return [
            f"frames ingested      {self.frames_ingested}",
            f"plates read          {self.reads} reads; {self.plates_read_right} of {self.plates_visible} visible plates read exactly ({pct:.0f}%)",
            f"multi-frame fusion   {self.reads_fused} reads fused with another frame of their sighting; "
            f"{self.sightings} sightings",
            f"cases                expected {self.cases_expected}, opened {self.cases_opened}, matching {self.cases_matching}",
            f"officer decisions    {self.confirmed} confirmed, {self.rejected} rejected",
            f"citations            {self.citations}",
            f"audit events         {self.audit_events}",
            f"items destroyed      {self.items_destroyed} (retention records)",
            f"crypto-shredding     keys of {self.epochs_shredded} epoch(s) destroyed; {self.reads_still_readable} of "
            f"{self.reads} reads on the topic still open; {self.cited_cases_readable} of {self.cited_cases} "
            "cited cases fully readable to the officer",
            f"annual report        {self.report_path}",
            f"public report        {self.public_report_path} (small counts suppressed)",
            f"elapsed              {self.seconds:.0f} s",
            *(f"MISSING case         {c}" for c in self.missing_cases),
            *(f"UNEXPECTED case      {c}" for c in self.unexpected_cases),
        ]


def count_topic(bootstrap: str, topic: str) -> int:
    return sum(1 for _ in read_to_end(bootstrap, topic))


def our_reads(bootstrap: str, frame_truth: dict[str, list[str]]) -> list[PlateRead]:
    reads = (PlateRead.FromString(msg.value()) for msg in read_to_end(bootstrap, READS.name))
    return [read for read in reads if read.frame_id in frame_truth]


def open_plate(keystore: KeyStore, read: PlateRead) -> str | None:
    """The plate text, as only the operator holding the master key could; None once its epoch is shredded."""
    try:
        return open_sealed(keystore, from_proto(read.sealed_plate), read.read_id.encode()).decode()
    except KeyDestroyed:
        return None


def score_reads(keystore: KeyStore, reads: list[PlateRead], frame_truth: dict[str, list[str]]) -> tuple[int, int, int]:
    """(reads of our frames, visible plates, visible plates that some read of their frame got exactly).
    Opens the sealed plates, so it must run before the epochs are shredded."""
    texts_by_frame: dict[str, set[str]] = {}
    for read in reads:
        texts_by_frame.setdefault(read.frame_id, set()).add(open_plate(keystore, read))
    visible = sum(len(plates) for plates in frame_truth.values())
    right = sum(plate in texts_by_frame.get(frame, set()) for frame, plates in frame_truth.items() for plate in plates)
    return len(reads), visible, right


def count_sightings(reads: list[PlateRead]) -> tuple[int, int]:
    """(sightings, reads fused with a read of another frame) among the reads of our frames."""
    return len({read.sighting_id for read in reads}), sum(read.fused_from > 1 for read in reads)


def still_readable(bootstrap: str, keystore: KeyStore, frame_truth: dict[str, list[str]]) -> int:
    return sum(open_plate(keystore, read) is not None for read in our_reads(bootstrap, frame_truth))


def count_outputs(bootstrap: str, summary: DemoSummary) -> None:
    summary.citations = count_topic(bootstrap, CITATIONS.name)
    summary.audit_events = count_topic(bootstrap, AUDIT.name)
    records = [RetentionRecord.FromString(msg.value()) for msg in read_to_end(bootstrap, RETENTION.name)]
    summary.items_destroyed = len(records)
    summary.epochs_shredded = sum(r.item_kind == "epoch_keys" for r in records)


def frames_destroyed(bootstrap: str) -> int:
    return sum(RetentionRecord.FromString(msg.value()).item_kind == "frame_image"
               for msg in read_to_end(bootstrap, RETENTION.name))


def cited_frames(bootstrap: str) -> set[str]:
    """Frames that are evidence of a citation (review's copies are `cases/<case_id>/<frame_id>`): retention keeps these."""
    return {key.rpartition("/")[2] for msg in read_to_end(bootstrap, CITATIONS.name)
            for key in Citation.FromString(msg.value()).evidence_keys}
