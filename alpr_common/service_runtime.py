"""Process plumbing shared by the consuming services: stop on SIGTERM/SIGINT."""
import signal
import threading


def stop_on_signals() -> threading.Event:
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    return stop
