"""The Qt binding itself: PySide6 6.12.0 on Python 3.11 lost a reference to None on every
void call and aborted the app mid-workshop ("Fatal Python error: none_dealloc")."""

import sys

from PySide6.QtGui import QFont


def test_void_qt_calls_keep_none_alive(qapp) -> None:
    font = QFont()
    before = sys.getrefcount(None)
    for _ in range(5000):
        font.setPixelSize(12)
    # Other code may take or drop a few references meanwhile; a leak would be ~5000.
    assert abs(sys.getrefcount(None) - before) < 100
