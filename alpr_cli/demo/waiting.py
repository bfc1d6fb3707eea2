"""Polling the running pipeline until it has done its work, with deadlines."""
import time
from typing import Callable

from alpr_common.lag import consumer_lag


def wait_until(condition: Callable[[], bool], what: str, timeout_s: float, check: Callable[[], None] = lambda: None,
               interval_s: float = 0.5) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        check()
        if condition():
            return
        time.sleep(interval_s)
    raise TimeoutError(f"gave up waiting for {what} after {timeout_s:.0f}s")


def caught_up(bootstrap: str, group: str, topics: list[str]) -> Callable[[], bool]:
    """True once the consumer group has committed everything now on the topics."""
    return lambda: sum(consumer_lag(bootstrap, group, topics).values()) == 0
