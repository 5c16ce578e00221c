import codecs

from govparse.decode import GB18030, UTF8, UTF8_BOM, UTF8_REPLACED, UTF16, decode

TEXT = "二、主动公开政府信息情况\n规章\n0\n"


def test_utf8():
    decoded = decode(TEXT.encode("utf-8"))
    assert (decoded.text, decoded.encoding) == (TEXT, UTF8)


def test_utf8_with_bom_drops_the_bom():
    decoded = decode(codecs.BOM_UTF8 + TEXT.encode("utf-8"))
    assert (decoded.text, decoded.encoding) == (TEXT, UTF8_BOM)


def test_gb18030():
    decoded = decode(TEXT.encode("gb18030"))
    assert (decoded.text, decoded.encoding) == (TEXT, GB18030)


def test_utf16_with_bom():
    decoded = decode(TEXT.encode("utf-16"))
    assert (decoded.text, decoded.encoding) == (TEXT, UTF16)


def test_undecodable_bytes_are_replaced_and_flagged():
    decoded = decode(b"\xff\xfe\xfd" * 0 + b"abc\x81\x30\xff")
    assert decoded.encoding == UTF8_REPLACED and decoded.lossy
    assert "\ufffd" in decoded.text
