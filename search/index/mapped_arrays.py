"""Saved NumPy arrays (`.npy` files and the members of `.npz` files), memory-mapped cheaply.

A fresh process's first query opens every segment's postings arrays (a dozen files a segment,
tens of segments in an index built incrementally) and the version's facet tables (one `.npz` of
fifty arrays). NumPy's own loading costs a third of a millisecond a file (`np.load(mmap_mode=)`
evaluates the header with `ast.literal_eval`, makes an `np.memmap` and resolves its path) and
copies every member of an `.npz` through `zipfile`: together a fifth of a second of the first
answer at 100k articles. Here the header `np.save` writes (a little-endian or byte dtype, C or
Fortran order) is read with one regex, and the data is a read-only view of one memory map of the
file. Any other header (another version, a structured dtype) is left to NumPy. Members of an
`.npz` are checked against their zip crc32, as `zipfile` checks them (`BadZipFile` otherwise).
"""

from __future__ import annotations

import math
import mmap
import os
import re
import struct
import zipfile
import zlib
from pathlib import Path

import numpy as np

_MAGIC = b"\x93NUMPY"
# what `np.save` writes for a plain dtype: {'descr': '<i8', 'fortran_order': False, 'shape': (12,), }
_HEADER = re.compile(rb"\{'descr': '([<|>][a-zA-Z]\d*)', 'fortran_order': (True|False), 'shape': (\([\d, ]*\)), \}")
_LOCAL_HEADER = struct.Struct("<4s22xHH")  # a zip member's local header: signature ... name and extra lengths


def _view(buffer: mmap.mmap, offset: int, end: int) -> np.ndarray | None:
    """The array saved at `buffer[offset:end]` (one `.npy`), or None when its header is not one
    this module reads (the caller asks NumPy then)."""
    if buffer[offset:offset + 8] != _MAGIC + b"\x01\x00":
        return None
    (length,) = struct.unpack_from("<H", buffer, offset + 8)
    start = offset + 10 + length
    header = _HEADER.match(buffer[offset + 10:start])
    if header is None:
        return None
    dtype = np.dtype(header[1].decode("ascii"))
    shape = tuple(int(size) for size in header[3].strip(b"()").split(b",") if size.strip())
    count = math.prod(shape)
    if start + count * dtype.itemsize > end:
        raise ValueError("the saved array is cut short")
    return np.frombuffer(buffer, dtype=dtype, count=count, offset=start).reshape(
        shape, order="F" if header[2] == b"True" else "C")


def map_file(path: Path) -> mmap.mmap | None:
    """A read-only memory map of a whole file (None for an empty one), opened without a Python
    file object (a fresh process's first query maps and checks hundreds of files)."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        return mmap.mmap(descriptor, 0, access=mmap.ACCESS_READ) if os.fstat(descriptor).st_size else None
    finally:
        os.close(descriptor)  # the map keeps the file open as long as it is used


def load_npy(path: Path) -> np.ndarray:
    """The array saved at `path` (`np.save`), as a read-only memory-mapped view."""
    buffer = map_file(path)
    array = _view(buffer, 0, len(buffer)) if buffer is not None else None
    return array if array is not None else np.asarray(np.load(path, mmap_mode="r"))


def _member(buffer: mmap.mmap, member: zipfile.ZipInfo, path: Path) -> np.ndarray | None:
    """One stored member of an `.npz` as a view of `buffer` (None: a member NumPy must read)."""
    if member.compress_type != zipfile.ZIP_STORED:
        return None
    signature, name_length, extra_length = _LOCAL_HEADER.unpack_from(buffer, member.header_offset)
    start = member.header_offset + _LOCAL_HEADER.size + name_length + extra_length
    end = start + member.file_size
    with memoryview(buffer) as data:
        intact = signature == b"PK\x03\x04" and end <= len(buffer) and zlib.crc32(data[start:end]) == member.CRC
    if not intact:
        raise zipfile.BadZipFile(f"bad member {member.filename} in {path}")
    return _view(buffer, start, end)


def load_npz(path: Path) -> dict[str, np.ndarray]:
    """The arrays saved at `path` (`np.savez`: members stored, not compressed) by name, as
    read-only memory-mapped views; a file of another kind is read by NumPy."""
    buffer = map_file(path)
    arrays: dict[str, np.ndarray] = {}
    with zipfile.ZipFile(path) as archive:  # reads only the central directory
        for member in archive.infolist():
            array = _member(buffer, member, path) if buffer is not None else None
            if array is None:
                with np.load(path, allow_pickle=False) as saved:
                    return {name: saved[name] for name in saved.files}
            arrays[member.filename.removesuffix(".npy")] = array
    return arrays
