"""What a file is, by its first bytes: a PDF, a Word document, or text (None).

The name of a downloaded file is often wrong (``.htm`` that is a PDF, ``.doc`` that
is a DOCX), so only the bytes decide. A PDF may carry a little junk before its
``%PDF-`` header, which readers accept; a DOCX is a ZIP archive holding a Word
main part. Formats govparse does not read (the old binary ``.doc``, RTF, other
Office and OpenDocument files) are named here so that the error can say what
would read them.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from typing import Final

PDF: Final = "pdf"
DOCX: Final = "docx"

_PDF_HEADER: Final = b"%PDF-"
_PDF_HEADER_SPAN: Final = 1024  # bytes a reader looks through for the header
# After junk, the header starts a line and names a version: a text that mentions "%PDF-" stays text.
_PDF_VERSION: Final = re.compile(rb"%PDF-[12]\.[0-9]")
_ZIP: Final = b"PK\x03\x04"
_OLE2: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_RTF: Final = b"{\\rtf"
_MAX_ZIP_NAMES: Final = 10_000  # entries looked through for the main part, at most

CONVERT: Final = "convert it to DOCX or PDF first (Word: Save As; LibreOffice: soffice --headless --convert-to docx FILE)"


class NotAReport(Exception):
    """A document format govparse does not read; the message says what it is and what would read it."""


def document_kind(data: bytes) -> str | None:
    """PDF or DOCX for a document govparse reads, None for text (and HTML); NotAReport for
    a document it does not read."""
    # Every text report passes here: a few C-speed tests settle it (about 1 µs).
    if data.startswith(_PDF_HEADER):
        return PDF
    header = data.find(_PDF_HEADER, 0, _PDF_HEADER_SPAN)
    if header > 0 and data[header - 1] in b"\r\n" and _PDF_VERSION.match(data, header) is not None:
        return PDF
    if data.startswith(_ZIP):
        return _zip_kind(data)
    if data.startswith(_OLE2):
        raise NotAReport(f"an old binary Office file (Word .doc, .xls or .wps), which govparse does not read: {CONVERT}")
    if data.startswith(_RTF):
        raise NotAReport(f"an RTF document, which govparse does not read: {CONVERT}")
    return None


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set()
            for number, info in enumerate(archive.infolist()):
                if number == _MAX_ZIP_NAMES:
                    break
                names.add(info.filename)
            mimetype = b""
            if "mimetype" in names:
                with archive.open("mimetype") as entry:
                    mimetype = entry.read(100)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, NotImplementedError,
            RuntimeError, zlib.error) as error:  # RuntimeError: an encrypted entry; zlib.error: a broken one
        raise NotAReport(f"a damaged ZIP archive (a DOCX is one): {error}") from error
    if "word/document.xml" in names or any(name.startswith("word/") and name.endswith(".xml") for name in names):
        return DOCX
    if b"opendocument" in mimetype:
        raise NotAReport(f"an OpenDocument file ({mimetype.decode('ascii', 'replace')}), which govparse does not "
                         f"read: {CONVERT}")
    if "xl/workbook.xml" in names:
        raise NotAReport("an Excel workbook (XLSX), not a report govparse reads")
    if "ppt/presentation.xml" in names:
        raise NotAReport("a PowerPoint presentation (PPTX), not a report govparse reads")
    raise NotAReport("a ZIP archive that is not a Word document: unpack it and parse the reports inside")
