"""The process's heap gives a large array's memory back once it is freed (glibc's malloc)."""
import resource

import numpy as np

from services.ocr.heap import LARGE_ARRAY, give_back_large_arrays


def resident_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize()


def test_a_freed_frame_sized_array_leaves_the_process():
    assert give_back_large_arrays()  # these machines run glibc
    larger = np.ones(3 * LARGE_ARRAY // 2, np.uint8)  # freed first: by default glibc then keeps arrays up to its size
    del larger
    frame = np.ones(LARGE_ARRAY + 4096, np.uint8)  # just over LARGE_ARRAY (a 3840x2160 frame is 24 MiB)
    with_frame = resident_bytes()
    del frame
    assert resident_bytes() < with_frame - LARGE_ARRAY // 2
