"""Reading a report's text from .html, .pdf and .docx (type from the content), and the
extraction CLI on each."""

from __future__ import annotations

import csv
import io
import subprocess
import sys

import pytest

from foreign_ties import paths
from foreign_ties.extract_read import ReadError, read_bytes, read_text, sniff

SENTENCE = "The total import and export turnover of Lang Son hit US$46.36 billion in 2024."


def minimal_pdf(text: str | None) -> bytes:
    """A one-page PDF with the text in Helvetica (None: a page without a text layer)."""
    content = b"" if text is None else f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return out


def docx_bytes(paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


HTML = (
    "<!DOCTYPE html><html><head><title>Trade</title></head><body><nav>Home | News</nav>"
    "<article><h1>Lang Son trade</h1><p>According to the management board, "
    + SENTENCE
    + "</p><p>Of this, the goods declared at the provincial Customs Department amounted to "
    "US$4 billion, marking an increase of 10.4 percent year-on-year.</p></article>"
    "<footer>Contact us</footer></body></html>"
)


def test_type_is_read_from_the_content_not_the_name(tmp_path):
    assert sniff(minimal_pdf("x")) == "pdf"
    assert sniff(docx_bytes(["x"])) == "docx"
    assert sniff(HTML.encode()) == "html"
    disguised = tmp_path / "report.txt"
    disguised.write_bytes(minimal_pdf(SENTENCE))
    assert read_text(disguised).strip() == SENTENCE


def test_pdf_docx_and_html_give_their_text():
    assert read_bytes(minimal_pdf(SENTENCE)).strip() == SENTENCE
    assert read_bytes(docx_bytes(["Tiêu đề", SENTENCE])).split("\n") == ["Tiêu đề", SENTENCE]
    text = read_bytes(HTML.encode())
    assert SENTENCE in text and "US$4 billion" in text
    assert "Contact us" not in text  # page furniture is left out


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (minimal_pdf(None), "no text layer"),
        (b"%PDF-1.4\nnot really a pdf", "cannot be read"),
        (docx_bytes([""]), "no text"),
        (b"PK\x03\x04word/" + b"\x00" * 64, "cannot be read"),
        (b"<html><body><script>var a = 1;</script></body></html>", "no article text"),
        (b"x" * (10 * 1024 * 1024 + 1), "larger than 10 MB"),
    ],
)
def test_unreadable_files_say_why(data, message):
    with pytest.raises(ReadError, match=message):
        read_bytes(data)


def test_cli_extracts_from_a_pdf(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(minimal_pdf(SENTENCE))
    out = subprocess.run(
        [sys.executable, "-m", "foreign_ties.extract", str(path), "--published", "2025-01-10"],
        capture_output=True,
        text=True,
        check=True,
        cwd=paths.ROOT,
    ).stdout
    (row,) = list(csv.DictReader(io.StringIO(out)))
    assert (row["value"], row["unit"], row["province_id"], row["period_start"]) == (
        "46360000000",
        "USD",
        "lang-son",
        "2024-01-01",
    )


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (minimal_pdf(None), "scan"),
        (b"%PDF-1.4\n1 0 obj << /Encrypt 2 0 R >> endobj", "encrypted"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "encrypted"),
        (b"%PDF-1.4\nnot really a pdf", "damaged"),
        (b"  \n", "empty"),
        (docx_bytes([""]), "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
        (b"PK\x03\x04" + b"\x00" * 64, "binary"),
        ("Sơn La".encode("utf-16"), "binary"),
        (b"x" * (10 * 1024 * 1024 + 1), "too_large"),
    ],
)
def test_each_refusal_names_its_reason_for_a_reader_in_either_language(data, kind):
    """The Add figures page says why in the reader's language from `kind`."""
    with pytest.raises(ReadError) as refused:
        read_bytes(data)
    assert refused.value.kind == kind
