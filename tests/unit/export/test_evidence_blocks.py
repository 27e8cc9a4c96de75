"""Evidence chunks are joined into blocks before hashing and writing: nothing lost, nothing
reordered, every block but the last at least the block size."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ipaudit.export.evidence_files import blocks


@given(
    chunks=st.lists(st.binary(min_size=0, max_size=40), max_size=30),
    size=st.integers(min_value=1, max_value=64),
)
def test_blocks_keep_every_byte_in_order(chunks: list[bytes], size: int) -> None:
    out = list(blocks(chunks, size))
    assert b"".join(out) == b"".join(chunks)
    assert all(len(b) >= size for b in out[:-1])


def test_a_large_chunk_passes_through_unchanged() -> None:
    big = bytes(range(256)) * 100
    assert list(blocks([big], 1000)) == [big]
    assert list(blocks([b"ab", b"cd", b"e"], 4)) == [b"abcd", b"e"]
