"""Image dimensions read from the file header, before anything is decoded (no decompression bombs)."""

JPEG_MAGIC = b"\xff\xd8\xff"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
GIF_MAGICS = (b"GIF87a", b"GIF89a")
_JPEG_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}
_JPEG_STANDALONE = {0x01, 0xD8, *range(0xD0, 0xD8)}


def image_kind(data: bytes) -> str | None:
    """'jpeg', 'png', or None, from the magic bytes."""
    if data.startswith(JPEG_MAGIC):
        return "jpeg"
    if data.startswith(PNG_MAGIC):
        return "png"
    return None


def declared_dimensions(data: bytes, kind: str) -> tuple[int, int] | None:
    """(width, height) as the header states them, or None where the header is unreadable."""
    return _png_dimensions(data) if kind == "png" else _jpeg_dimensions(data)


def _png_dimensions(data: bytes) -> tuple[int, int] | None:
    if len(data) < 24 or data[12:16] != b"IHDR":
        return None
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def _jpeg_dimensions(data: bytes) -> tuple[int, int] | None:
    i = 2
    while i + 4 <= len(data):
        if data[i] != 0xFF:
            return None
        marker = data[i + 1]
        if marker == 0xFF:
            i += 1
        elif marker in _JPEG_STANDALONE:
            i += 2
        elif marker in _JPEG_SOF:
            return _sof_dimensions(data, i)
        else:
            i += 2 + int.from_bytes(data[i + 2:i + 4], "big")
    return None


def _sof_dimensions(data: bytes, i: int) -> tuple[int, int] | None:
    if i + 9 > len(data):
        return None
    return int.from_bytes(data[i + 7:i + 9], "big"), int.from_bytes(data[i + 5:i + 7], "big")


def looks_complete(data: bytes, kind: str) -> bool:
    """Whether the file ends the way a whole JPEG (EOI marker) or PNG (IEND chunk) does."""
    if kind == "png":
        return data.endswith(b"IEND\xaeB`\x82")
    return data.rstrip(b"\x00").endswith(b"\xff\xd9")
