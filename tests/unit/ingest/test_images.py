import hashlib

import pytest

from services.ingest.image_header import declared_dimensions
from services.ingest.images import ImageLimits, check_image
from services.ingest.rejection import FrameRejected
from tests.unit.ingest.sample_images import GIF, jpeg, png

LIMITS = ImageLimits(max_bytes=200_000, max_pixels=300_000, min_side=64)


def rejection(data: bytes, limits: ImageLimits = LIMITS) -> FrameRejected:
    with pytest.raises(FrameRejected) as caught:
        check_image(data, limits)
    return caught.value


@pytest.mark.parametrize("encode, kind, content_type, extension", [
    (jpeg, "jpeg", "image/jpeg", "jpg"), (png, "png", "image/png", "png")])
def test_real_jpeg_and_png_are_accepted_with_their_dimensions(encode, kind, content_type, extension):
    data = encode(200, 100)
    image = check_image(data, LIMITS)
    assert (image.kind, image.content_type, image.extension, image.width, image.height) == (kind, content_type, extension, 200, 100)
    assert image.sha256 == hashlib.sha256(data).hexdigest() and image.data == data


@pytest.mark.parametrize("encode", [jpeg, png])
def test_header_dimensions_match_the_encoder(encode):
    assert declared_dimensions(encode(321, 123), "jpeg" if encode is jpeg else "png") == (321, 123)


@pytest.mark.parametrize("data, found", [(GIF, "a GIF"), (b"hello, not an image at all", "neither"),
                                         (b"%PDF-1.7\n", "neither")])
def test_other_formats_are_unsupported_media(data, found):
    r = rejection(data)
    assert (r.status, r.code) == (415, "unsupported_image_type") and r.detail.startswith("image:") and found in r.detail


def test_an_empty_file_is_refused():
    assert (rejection(b"").code, rejection(b"").detail) == ("invalid_image", "image: the file is empty")


@pytest.mark.parametrize("encode", [jpeg, png])
def test_a_truncated_file_is_refused(encode):
    data = encode(160, 120)
    r = rejection(data[: len(data) * 2 // 3])
    assert (r.status, r.code) == (422, "invalid_image") and "truncated" in r.detail


def test_a_jpeg_with_only_the_magic_bytes_has_no_readable_header():
    r = rejection(b"\xff\xd8\xff\xe0" + b"\x00" * 200 + b"\xff\xd9")
    assert (r.status, r.code) == (422, "invalid_image") and "header" in r.detail


def test_a_jpeg_whose_frame_header_lies_does_not_decode():
    data = bytearray(jpeg(160, 120))
    sof = data.index(b"\xff\xc0")
    data[sof + 9] = 7  # seven colour components, which the scan does not have
    assert rejection(bytes(data)).code == "invalid_image"


def test_magic_bytes_alone_are_not_enough():
    r = rejection(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    assert r.code == "invalid_image"


def test_too_many_bytes_is_413():
    r = rejection(jpeg(160, 120), ImageLimits(max_bytes=1000, max_pixels=300_000))
    assert (r.status, r.code) == (413, "image_too_large") and "1000 bytes" in r.detail


def test_too_many_pixels_is_refused_from_the_header_before_decoding():
    data = png(80, 80)
    huge_header = data[:16] + (100_000).to_bytes(4, "big") + (100_000).to_bytes(4, "big") + data[24:]
    r = rejection(huge_header)
    assert (r.status, r.code) == (422, "too_many_pixels") and "100000x100000" in r.detail


def test_too_many_pixels_after_decoding():
    r = rejection(jpeg(600, 600))
    assert r.code == "too_many_pixels" and "600x600" in r.detail


@pytest.mark.parametrize("width, height", [(63, 200), (200, 63), (32, 32)])
def test_fewer_than_64_pixels_on_a_side_is_too_small(width, height):
    r = rejection(png(width, height))
    assert (r.status, r.code) == (422, "image_too_small") and f"{width}x{height}" in r.detail


def test_64_by_64_is_enough():
    assert check_image(png(64, 64), LIMITS).width == 64
