"""Hostile PDF and Word documents, built on demand (none is committed).

Each is the smallest file of its kind: a PDF written object by object (encrypted,
of thousands of pages, of images only, cut short), a DOCX whose main part unpacks
to far more than any report (a zip bomb), an old binary .doc. tests/hostile_inputs.py
parses them with the other hostile inputs under its memory limit; tests/test_documents.py
checks what each gives.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

DOCUMENTS = Path(__file__).resolve().parent.parent / "corpus" / "documents"
FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
BOMB_BYTES = 200 * 1024 * 1024  # what the bomb's main part unpacks to


def _stream(body: bytes, head: bytes = b"") -> bytes:
    return b"<< %s /Length %d >>\nstream\n%s\nendstream" % (head, len(body), body)


def pdf(objects: list[bytes], trailer: bytes = b"") -> bytes:
    """A PDF of ``objects`` (object 1 is the catalog), with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer, xref)
    return bytes(out)


def pages_pdf(count: int, content: bytes, resources: bytes) -> list[bytes]:
    """Objects of a PDF of ``count`` pages that all draw ``content``: 1 catalog, 2 pages, 3 content, 4 font."""
    kids = b" ".join(b"%d 0 R" % (6 + k) for k in range(count))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
               _stream(content), FONT, b""]
    objects[4] = _stream(b"\x80", b"/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray "
                                  b"/BitsPerComponent 8")
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R /Resources %s >>" % resources
    return objects + [page] * count


TEXT = b"BT /F1 12 Tf 72 720 Td (Annual report) Tj ET"
TEXT_RESOURCES = b"<< /Font << /F1 4 0 R >> >>"
IMAGE = b"q 500 0 0 700 50 70 cm /Im0 Do Q"
IMAGE_RESOURCES = b"<< /XObject << /Im0 5 0 R >> >>"
TABLE_PICTURE = b"q 500 0 0 500 50 50 cm /Im0 Do Q"  # below the text
TEXT_AND_IMAGE = b"<< /Font << /F1 4 0 R >> /XObject << /Im0 5 0 R >> >>"


def encrypted_pdf() -> bytes:
    """A PDF under the standard security handler with a user password (not the empty one)."""
    objects = pages_pdf(1, TEXT, TEXT_RESOURCES)
    objects.append(b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -44 >>" % (b"ab" * 32, b"cd" * 32))
    return pdf(objects, b"/Encrypt %d 0 R /ID [<%s> <%s>]" % (len(objects), b"01" * 16, b"01" * 16))


def pdf_bomb() -> bytes:
    """A PDF whose one page's content stream inflates to BOMB_BYTES of spaces."""
    packer = zlib.compressobj(9)
    chunk = b" " * (1024 * 1024)
    body = b"".join(packer.compress(chunk) for _ in range(BOMB_BYTES // len(chunk))) + packer.compress(TEXT) + \
        packer.flush()
    objects = pages_pdf(1, TEXT, TEXT_RESOURCES)
    objects[2] = _stream(body, b"/Filter /FlateDecode")
    return pdf(objects)


def zip_bomb() -> bytes:
    """A DOCX whose main part is a valid start and then BOMB_BYTES of spaces, a few hundred KB packed."""
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                       b'wordprocessingml/2006/main"><w:body>')
            chunk = b" " * (1024 * 1024)
            for _ in range(BOMB_BYTES // len(chunk)):
                part.write(chunk)
            part.write(b"</w:body></w:document>")
    return packed.getvalue()


def cases() -> dict[str, bytes]:
    fixture = (DOCUMENTS / "libreoffice-pdf--2021-wrapped-numbers.pdf").read_bytes()
    docx = (DOCUMENTS / "libreoffice-docx--2021-clean.docx").read_bytes()
    return {
        "PDF, encrypted": encrypted_pdf(),
        "PDF, 5000 pages": pdf(pages_pdf(5000, TEXT, TEXT_RESOURCES)),
        "PDF, scanned (no text layer)": pdf(pages_pdf(3, IMAGE, IMAGE_RESOURCES)),
        "PDF, text and a picture of a table": pdf(pages_pdf(1, TEXT + b" " + TABLE_PICTURE, TEXT_AND_IMAGE)),
        "PDF, cut short": fixture[: len(fixture) * 2 // 5],
        "PDF, decompression bomb": pdf_bomb(),
        "PDF, header only": b"%PDF-1.7\n",
        "DOCX, zip bomb": zip_bomb(),
        "DOCX, cut short": docx[: len(docx) // 2],
        "DOC, old binary Word": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096),
    }
