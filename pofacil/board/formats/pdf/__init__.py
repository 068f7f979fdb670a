"""The PDF export, drawn with reportlab: planning pages, drawing boards, text and the meeting
record."""
