"""What can go wrong when opening a sealed value; each message says what happened."""


class KeyDestroyed(Exception):
    """The key a value was sealed under has been destroyed: the value is noise now, by design."""

    def __init__(self, key_id: str):
        super().__init__(f"key {key_id} has been destroyed (crypto-shredded); what was sealed under it can no longer be read")
        self.key_id = key_id


class UnknownKey(KeyError):
    """No key was ever created under that id (a wrong id, or another database)."""

    def __init__(self, key_id: str):
        super().__init__(f"no key {key_id!r} exists in this key store")
        self.key_id = key_id


class SealBroken(Exception):
    """AES-GCM refused the value: the ciphertext, the nonce or the associated data do not match."""
