"""Errors every service understands; adapters translate library errors into these."""


class ConfigError(Exception):
    """A required setting is missing or wrong; the message says which and how to fix it."""


class BrokerUnavailable(Exception):
    """The Kafka broker did not acknowledge in time."""


class StorageUnavailable(Exception):
    """The object store could not be reached."""


class ObjectNotFound(KeyError):
    """No object under that key (it may have been destroyed by retention)."""
