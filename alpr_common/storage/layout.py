"""Where things live in the object store; the services that write and destroy them agree here."""


def case_folder(case_id: str) -> str:
    """Review's copies of a case's photos; the trailing slash keeps case c-1's folder off c-10's."""
    return f"cases/{case_id}/"


def case_evidence_key(case_id: str, frame_id: str) -> str:
    """Review's own copy of one sighting's image, sealed under the case key."""
    return case_folder(case_id) + frame_id
