"""What comes in and goes out: imports, the meeting record, the sample workshop, fonts and
the PDF."""
