"""The demo's device, users and permits, created through each service's own functions."""
from dataclasses import dataclass
from pathlib import Path

from services.ingest.devices import register_device
from services.review.users import add_user
from services.rules.permits_repository import import_permits_csv

DEVICE_ID = "demo-car-1"


@dataclass(frozen=True)
class DemoAccounts:
    device_id: str
    device_token: str
    officer_token: str
    supervisor_token: str
    permits: int


def create_demo_accounts(database_url: str, permits_path: Path, device_id: str = DEVICE_ID) -> DemoAccounts:
    return DemoAccounts(
        device_id=device_id,
        device_token=register_device(database_url, device_id),
        officer_token=add_user(database_url, "officer-demo", "officer"),
        supervisor_token=add_user(database_url, "supervisor-demo", "supervisor"),
        permits=import_permits_csv(database_url, permits_path),
    )
