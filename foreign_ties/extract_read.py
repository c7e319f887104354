"""A report's text from a file: .txt as is, .html via trafilatura, .pdf via pdfplumber,
.docx via python-docx. The type is read from the content, not from the name."""

from __future__ import annotations

import io
from pathlib import Path

MAX_BYTES = 10 * 1024 * 1024


class ReadError(ValueError):
    """A file whose text cannot be read; the message says why, for the editor, and `kind`
    names the reason for a reader in another language (the Add figures page):
    empty, too_large, binary, encrypted, scan, damaged, missing_package."""

    def __init__(self, message: str, kind: str = "damaged") -> None:
        super().__init__(message)
        self.kind = kind


OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old Office files and encrypted .docx


def sniff(data: bytes) -> str:
    """'pdf', 'docx', 'html' or 'txt' from the first bytes; ReadError for anything else."""
    head = data[:2048]
    if head.startswith(OLE_MAGIC):
        raise ReadError(
            "an old Word file (.doc) or a password-protected Office file: save it as .docx "
            "without a password",
            "encrypted",
        )
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        if b"word/" in data[:65536] or b"[Content_Types].xml" in data[:65536]:
            return "docx"
        raise ReadError("a zip archive that is not a Word document (.docx)", "binary")
    if b"\x00" in head:
        raise ReadError("a binary file, not text", "binary")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReadError("not UTF-8 text", "binary") from exc
    lowered = text[:2048].lstrip().lower()
    if lowered.startswith(("<!doctype html", "<html")) or "<body" in lowered:
        return "html"
    return "txt"


def read_bytes(data: bytes) -> str:
    if not data.strip():
        raise ReadError("the file is empty", "empty")
    if len(data) > MAX_BYTES:
        raise ReadError(f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB", "too_large")
    kind = sniff(data)
    if kind == "txt":
        return data.decode("utf-8-sig")
    if kind == "html":
        return _html(data.decode("utf-8-sig"))
    if kind == "pdf":
        return _pdf(data)
    return _docx(data)


def read_text(path: str | Path) -> str:
    path = Path(path)
    if not path.is_file():
        raise ReadError(f"{path}: no such file", "missing")
    if path.stat().st_size > MAX_BYTES:
        raise ReadError(f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB", "too_large")
    return read_bytes(path.read_bytes())


def _need(module: str):
    try:
        return __import__(module)
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ReadError(f"reading this type needs the {module} package", "missing_package") from exc


def _html(html: str) -> str:
    trafilatura = _need("trafilatura")
    text = trafilatura.extract(html, include_comments=False, include_tables=True)
    if not text or not text.strip():
        raise ReadError("no article text found in the HTML page", "empty")
    return text


def _pdf(data: bytes) -> str:
    pdfplumber = _need("pdfplumber")
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    except Exception as exc:  # pdfminer raises many types, encrypted files included
        if b"/Encrypt" in data:
            raise ReadError("the PDF is protected by a password", "encrypted") from exc
        raise ReadError(f"the PDF cannot be read ({type(exc).__name__})") from exc
    if not text.strip():
        raise ReadError("the PDF has no text layer (a scan?): nothing to extract", "scan")
    return text


def _docx(data: bytes) -> str:
    _need("docx")
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # a damaged or encrypted package
        raise ReadError(f"the Word document cannot be read ({type(exc).__name__})") from exc
    text = "\n".join(p.text for p in document.paragraphs)
    if not text.strip():
        raise ReadError("the Word document has no text", "empty")
    return text
