"""The evaluation's figures as text for people or as one JSON object for machines (pure)."""
from services.ocr.evaluation.scoring import MIN_IOU, Scores, failure_kind


def percent(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.1f}%)" if whole else "n/a"


def as_dict(folder: str, model_version: str, scores: Scores) -> dict:
    ratio = (lambda part, whole: round(part / whole, 4) if whole else None)
    return {
        "folder": folder, "model_version": model_version, "images": scores.images,
        "exact": scores.exact, "exact_accuracy": ratio(scores.exact, scores.images),
        "exact_first": scores.exact_first, "exact_first_accuracy": ratio(scores.exact_first, scores.images),
        "o0_folded": scores.folded, "o0_folded_accuracy": ratio(scores.folded, scores.images),
        "labelled_boxes": scores.boxes, "detected": scores.detected,
        "detection_recall": ratio(scores.detected, scores.boxes), "min_iou": MIN_IOU,
        "by_state": {s: {"exact": e, "images": n, "accuracy": ratio(e, n)} for s, (e, n) in scores.by_state.items()},
        "failures": scores.failures,
        "misreads": [{"file": o.label.file, "truth": o.label.text, "read": o.read, "detected": o.detected,
                      "kind": failure_kind(o)}
                     for o in scores.misreads],
        "no_plate_images": scores.no_plate_images, "false_plates": len(scores.false_plates),
        "false_plate_reads": [{"file": o.label.file, "read": o.read} for o in scores.false_plates],
        "unlabelled_plates": len(scores.unlabelled_plates),
        "unlabelled_plate_reads": [{"file": file, "read": text} for file, text in scores.unlabelled_plates],
    }


def misread_lines(scores: Scores) -> list[str]:
    lines = [f"misreads ({len(scores.misreads)}): file, truth, read, kind" + (", detected" if scores.boxes else "")]
    for o in scores.misreads:
        detected = "" if o.detected is None else f"  {'detected' if o.detected else 'missed'}"
        lines.append(f"  {o.label.file:<24}{o.label.text:<10}{o.read or '-':<10}{failure_kind(o):<20}{detected}")
    return lines


def false_plate_lines(scores: Scores) -> list[str]:
    """The plates reported on images labelled as having none; nothing when there are no such images."""
    if not scores.no_plate_images:
        return []
    return ["", f"false plates ({len(scores.false_plates)}): file, read"] + [
        f"  {o.label.file:<24}{o.read}" for o in scores.false_plates]


def unlabelled_plate_lines(scores: Scores) -> list[str]:
    """The plates reported on scenes with a plate where none is labelled; nothing without scene labels."""
    if not scores.boxes:
        return []
    return ["", f"plates where none is labelled, on images with a plate ({len(scores.unlabelled_plates)}): file, read"] + [
        f"  {file:<24}{text}" for file, text in scores.unlabelled_plates]


def as_text(folder: str, model_version: str, scores: Scores) -> list[str]:
    clean = scores.no_plate_images - len(scores.false_plates)
    lines = [f"{folder}: {scores.images} labelled images with a plate, {scores.no_plate_images} without,"
             f" read by {model_version}",
             f"exact match (O and 0 distinct):   {percent(scores.exact, scores.images)}",
             f"exact, the first plate reported:  {percent(scores.exact_first, scores.images)}",
             f"match with O and 0 folded as one: {percent(scores.folded, scores.images)}",
             f"detection recall (IoU >= {MIN_IOU}):    {percent(scores.detected, scores.boxes)}",
             f"no plate reported on no-plate images: {percent(clean, scores.no_plate_images)}"]
    if scores.boxes:
        lines.append(f"plates where none is labelled, on images with a plate: {len(scores.unlabelled_plates)}")
    if scores.failures:
        lines += ["", "misreads by kind:"] + [f"  {kind:<20}{n}" for kind, n in scores.failures.items()]
    if scores.by_state:
        lines += ["", "exact match by state:"]
        lines += [f"  {state:<4}{percent(e, n)}" for state, (e, n) in scores.by_state.items()]
    return lines + [""] + misread_lines(scores) + false_plate_lines(scores) + unlabelled_plate_lines(scores)
