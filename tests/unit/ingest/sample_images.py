"""Small real images for the ingest tests, encoded with OpenCV."""
import cv2
import numpy as np

# The smallest valid GIF (1x1, one colour).
GIF = bytes.fromhex("47494638396101000100800000000000ffffff2c00000000010001000002024401003b")


def pixels(width: int, height: int, seed: int = 0) -> np.ndarray:
    """A smooth gradient with a seed-dependent tint: small when compressed, different per seed."""
    x = np.linspace(0, 255, width, dtype=np.float32)
    y = np.linspace(0, 255, height, dtype=np.float32)[:, None]
    channels = [(x + y) / 2, np.broadcast_to(x, (height, width)), np.full((height, width), seed * 37 % 256)]
    return np.dstack(channels).astype(np.uint8)


def jpeg(width: int = 160, height: int = 120, seed: int = 0) -> bytes:
    ok, data = cv2.imencode(".jpg", pixels(width, height, seed))
    assert ok
    return data.tobytes()


def png(width: int = 160, height: int = 120, seed: int = 0) -> bytes:
    ok, data = cv2.imencode(".png", pixels(width, height, seed))
    assert ok
    return data.tobytes()


def noise_png(width: int, height: int) -> bytes:
    """Incompressible: about width * height * 3 bytes."""
    ok, data = cv2.imencode(".png", np.random.default_rng(1).integers(0, 256, (height, width, 3), dtype=np.uint8))
    assert ok
    return data.tobytes()
