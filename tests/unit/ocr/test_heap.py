"""The process's heap gives a large array's memory back once it is freed (glibc's malloc).

Measured in a process of its own, which makes the call first, as the OCR service does: in the test
run's process, arrays that earlier tests freed before the call can leave free heap chunks large
enough for a frame, which glibc fills before it maps anything (and then keeps).
"""
import subprocess
import sys

from services.ocr.heap import LARGE_ARRAY

FREE_A_FRAME = f"""
import resource
import numpy as np
from services.ocr.heap import give_back_large_arrays

def resident_bytes():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize()

assert give_back_large_arrays()  # these machines run glibc
larger = np.ones({3 * LARGE_ARRAY // 2}, np.uint8)  # freed first: by default glibc then keeps arrays up to its size
del larger
frame = np.ones({LARGE_ARRAY + 4096}, np.uint8)  # just over LARGE_ARRAY (a 3840x2160 frame is 24 MiB)
with_frame = resident_bytes()
del frame
print(with_frame - resident_bytes())
"""


def test_a_freed_frame_sized_array_leaves_the_process():
    done = subprocess.run([sys.executable, "-c", FREE_A_FRAME], capture_output=True, text=True, check=True)
    assert int(done.stdout) > LARGE_ARRAY // 2
