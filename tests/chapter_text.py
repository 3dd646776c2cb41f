"""Small chapter files in the PDF-extraction format, written line by line for tests."""


def chapter_file(*lines: str) -> str:
    """Join physical lines; a chapter heading is added when the lines have none."""
    if not any("章" in line for line in lines[:3]):
        lines = (" 第１章   テスト ", "", *lines)
    return "\n".join(lines) + "\n"
