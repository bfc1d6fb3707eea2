"""The OCR service's own Prometheus metrics (the shared ones live in alpr_common.metrics)."""
from prometheus_client import Counter, Histogram

FRAMES_PROCESSED = Counter("alpr_ocr_frames_processed_total", "Frames whose plates were read")
PLATES_FOUND = Counter("alpr_ocr_plates_found_total", "Plates found in frames")
READS_FUSED = Counter("alpr_ocr_reads_fused_total", "Plate reads fused with reads of the same sighting in other frames")
BATCH_FRAMES = Histogram("alpr_ocr_batch_frames", "Frames per batched model call",
                         buckets=(1, 2, 4, 8, 16, 32, 64))
INFERENCE_SECONDS = Histogram("alpr_ocr_inference_seconds", "Time of one batched read (detection and recognition)",
                              buckets=(0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 16))
