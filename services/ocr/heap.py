"""How the C heap of a process that reads frames gives memory back (glibc's malloc).

By default glibc raises the size above which an allocation gets its own mapping each time such a
mapping is freed, up to 32 MiB; a frame's arrays then come from the heap, where freed memory
mostly stays with the process. After 1280x720 frames, batches of eight 3840x2160 frames (25 MiB
each, tiles of 17 MiB as model input) peaked at 2103 MiB; with arrays of LARGE_ARRAY bytes or more
always mapped on their own, and the heap's top kept up to KEEP_ON_TOP, at 1900 MiB; 3840x2160
frames alone at 1744 instead of 1913 MiB, and 1280x720 frames at 1097-1104 instead of 1191-1216 MiB,
in the same time (2026-12-03, Xeon). Where every array was mapped (128 KiB and up), 1280x720 frames
ran 7% slower.
"""
import ctypes

LARGE_ARRAY = 16 * 1024 * 1024  # bytes: a 3840x2160 frame, a wide frame's tile as model input
KEEP_ON_TOP = 64 * 1024 * 1024  # bytes of free heap top kept before giving it back (the most glibc's own rule keeps)
M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3  # mallopt's parameters (malloc.h)


def give_back_large_arrays() -> bool:
    """Map arrays of LARGE_ARRAY bytes or more on their own, so that freeing one returns its memory;
    for the whole process. False where the C library is not glibc (nothing changed)."""
    mallopt = getattr(ctypes.CDLL(None), "mallopt", None)  # the C library this process already runs on
    return mallopt is not None and bool(mallopt(M_MMAP_THRESHOLD, LARGE_ARRAY)) and bool(mallopt(M_TRIM_THRESHOLD, KEEP_ON_TOP))
