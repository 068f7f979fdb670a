"""`pofacil export --pdf --no-record` imports reportlab and nothing else heavy: building the
boards' graphs (networkx), reading the history (sqlite-utils) or Qt would add a third to a
big export's time, and the PDF without a record needs none of them."""

from pathlib import Path

from pofacil.board.formats.sample import write_sample
from tests.test_cli_imports import imported


def test_pdf_export_without_record_imports_neither_networkx_nor_sqlite_utils_nor_qt(
    tmp_path: Path,
) -> None:
    sample = write_sample(tmp_path / "sample.pofacil")  # a table, a mind map, a free board
    out = tmp_path / "out.pdf"
    run = (
        "from pofacil.cli import main\n"
        f"assert main(['export', {str(sample)!r}, '--pdf', {str(out)!r}, '--no-record']) == 0\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules)"
    )
    assert imported(run) <= {"reportlab", "PIL"}  # reportlab imports PIL for its images
    assert out.read_bytes().startswith(b"%PDF")
