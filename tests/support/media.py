"""A tiny WebM video made in memory, the same bytes every time: for tests that play one in Chromium.

It is one 16×16 black VP8 key frame (from libvpx through Chromium's ``VideoEncoder``), shown once
a second, in the smallest Matroska container Chromium plays: an EBML header, the segment's info
(timestamps in milliseconds, the duration) and one track, and one cluster of simple blocks.
"""

from __future__ import annotations

import struct

VP8_KEY_FRAME = bytes.fromhex("1002009d012a1000100000070885858899848801241000606b00feffbaff40")


def _element(element_id: int, payload: bytes) -> bytes:
    """An EBML element: its id, its size (always in 8 bytes) and its payload."""
    size = (1 << 56 | len(payload)).to_bytes(8, "big")
    return element_id.to_bytes((element_id.bit_length() + 7) // 8, "big") + size + payload


def _uint(element_id: int, value: int) -> bytes:
    return _element(element_id, value.to_bytes(max(1, (value.bit_length() + 7) // 8), "big"))


def tiny_webm(seconds: int = 3) -> bytes:
    """A black 16×16 video of ``seconds`` seconds, one frame a second, no sound."""
    header = _element(0x1A45DFA3, _uint(0x4286, 1) + _uint(0x42F7, 1) + _uint(0x42F2, 4) + _uint(0x42F3, 8)
                      + _element(0x4282, b"webm") + _uint(0x4287, 2) + _uint(0x4285, 2))
    info = _element(0x1549A966, _uint(0x2AD7B1, 1_000_000) + _element(0x4489, struct.pack(">d", seconds * 1000.0))
                    + _element(0x4D80, b"learnpack tests") + _element(0x5741, b"learnpack tests"))
    video = _element(0xE0, _uint(0xB0, 16) + _uint(0xBA, 16))  # pixel width and height
    tracks = _element(0x1654AE6B, _element(0xAE, _uint(0xD7, 1) + _uint(0x73C5, 1) + _uint(0x83, 1)
                                           + _element(0x86, b"V_VP8") + video))
    blocks = b"".join(_element(0xA3, b"\x81" + struct.pack(">hB", second * 1000, 0x80) + VP8_KEY_FRAME)
                      for second in range(seconds))  # track 1, its time in the cluster, a key frame
    cluster = _element(0x1F43B675, _uint(0xE7, 0) + blocks)
    return header + _element(0x18538067, info + tracks + cluster)
