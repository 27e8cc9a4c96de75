"""Where a packet's workbook is looked for in a folder: near its top only (services.packets)."""

from pathlib import Path

from ipaudit.services.packets import BOOK_DEPTH, _near_top


def test_only_files_near_the_top_are_listed(tmp_path: Path) -> None:
    deep = tmp_path
    for level in range(1, BOOK_DEPTH + 3):  # a file at every level, down past the limit
        (deep / f"f{level}.xlsx").write_bytes(b"x")
        deep = deep / f"d{level}"
        deep.mkdir()
    listed = [p.relative_to(tmp_path) for p in _near_top(tmp_path, BOOK_DEPTH)]
    assert sorted(len(p.parts) for p in listed) == list(range(1, BOOK_DEPTH + 1))
    assert listed == sorted(listed)
    assert Path("d1/d2/d3/f4.xlsx") in listed and Path("d1/d2/d3/d4/f5.xlsx") not in listed


def test_a_dangling_link_is_listed_and_left_to_the_file_check(tmp_path: Path) -> None:
    (tmp_path / "部门清单.xlsx").write_bytes(b"x")
    (tmp_path / "gone.xlsx").symlink_to(tmp_path / "missing.xlsx")
    names = {p.name for p in _near_top(tmp_path, BOOK_DEPTH)}
    assert names == {"部门清单.xlsx", "gone.xlsx"}
