"""Stage 1: bytes to text, saying which encoding was used.

Scraped reports arrive as UTF-8 (with or without a BOM), GB18030/GBK from older
sites, and now and then UTF-16 with a BOM. Each is tried strictly, in that order;
only when all fail is UTF-8 decoded with replacement characters, and the result
says so, so a caller can tell a clean decode from a salvaged one.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

UTF8 = "utf-8"
UTF8_BOM = "utf-8-sig"
GB18030 = "gb18030"
UTF16 = "utf-16"
UTF8_REPLACED = "utf-8-replace"


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # one of the names above, or "str" when text was given

    @property
    def lossy(self) -> bool:
        return self.encoding == UTF8_REPLACED


def decode(data: bytes) -> Decoded:
    """Decode report bytes; never raises."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return Decoded(data[len(codecs.BOM_UTF8):].decode(UTF8), UTF8_BOM)
        except UnicodeDecodeError:
            pass
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Decoded(data.decode(UTF16), UTF16)
        except UnicodeDecodeError:
            pass
    try:
        return Decoded(data.decode(UTF8), UTF8)
    except UnicodeDecodeError:
        pass
    try:
        return Decoded(data.decode(GB18030), GB18030)
    except UnicodeDecodeError:
        pass
    return Decoded(data.decode(UTF8, errors="replace"), UTF8_REPLACED)
