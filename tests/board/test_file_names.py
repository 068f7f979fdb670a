"""File names made from board names: the same rule for the command line and the window."""

from pathlib import Path

from pofacil.board.formats.file_names import board_targets, safe_file_name
from pofacil.board.model import Board


def test_unsafe_characters_become_underscores() -> None:
    assert safe_file_name("第一組：PO制度") == "第一組：PO制度"  # full-width colon is fine
    assert safe_file_name('a/b\\c:d*e?f"g<h>i|j') == "a_b_c_d_e_f_g_h_i_j"
    assert safe_file_name("上午/分組") == "上午_分組"
    assert safe_file_name(" 結論. ") == "結論"
    assert safe_file_name("CON") == "_CON" and safe_file_name("...") == "_"


def test_one_file_per_board_and_no_two_alike() -> None:
    out = Path("/x/會議 紀錄.png")
    boards = [Board(str(i), name) for i, name in enumerate(["A/B", "A:B", "a_b"])]
    paths = [p.name for _, p in board_targets(boards, out)]
    assert paths == ["會議 紀錄-A_B.png", "會議 紀錄-A_B-2.png", "會議 紀錄-a_b-3.png"]
    assert board_targets(boards[:1], out) == [(boards[0], out)]
