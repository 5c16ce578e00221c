"""One agency, one key: report titles name an agency in many ways.

    青山县人民政府 · 青山县人民政府办公室 · 青山縣人民政府 · 石门市青山县人民政府

all name the agency keyed ``青山县``. ``agency_key`` takes a printed name to its
key by rules (traditional to simplified, spaces and brackets out, the office
words 人民政府 / 办公室 / 管委会 / 办事处 off the end); ``Agencies`` then joins, over a
whole corpus, a key written with a county or city prefix to the same key written
without it (``石门市青山县教育局`` meets ``青山县教育局``) when exactly one shorter key
fits. What rules cannot settle an alias file settles, one line each::

    # printed or keyed name = the agency it is
    青山县政务服务中心 = 青山县人民政府
    东湖区管理委员会 = 东湖区

Both sides go through ``agency_key``, so either may be written as printed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from ..normalize import translate

# Words a title adds to the agency's own name, taken off the end while they are there.
_OFFICE_WORDS = ("人民政府办公室", "人民政府办公厅", "政府办公室", "政府办公厅", "人民政府", "办公室", "办公厅",
                 "管理委员会", "管委会", "办事处")
# What scraped titles put before the name: a markdown heading mark, a "标题:" field name.
_LEAD = re.compile(r"^\s*(?:#+\s*)?(?:(?:标题|题目|名称|标 题)\s*[:：]\s*)?")
_NOISE = re.compile(r"[\s#()（）【】\[\]〔〕《》<>“”\"'‘’·•.,，、:：;；_\-—]+")
# A place prefix: a name of two to eight characters ending in an administrative level.
_LEVEL = "省市县区州盟旗"
_PLACE_AT_START = re.compile(rf"^[^{_LEVEL}]{{1,7}}?(?:自治区|自治州|自治县|[{_LEVEL}])")
# What the rest must start with to be an agency of its own: a place, down to towns and street offices.
_UNIT_AT_START = re.compile(rf"^[^{_LEVEL}镇乡]{{1,7}}?(?:自治区|自治州|自治县|街道|[{_LEVEL}镇乡])")
MIN_KEY = 2  # a key shorter than this names no agency


class AliasError(ValueError):
    """An alias file line that is not ``name = agency``."""


def agency_key(name: str | None) -> str | None:
    """The rule-made key of a printed agency name; None for no name."""
    if not name:
        return None
    text = _NOISE.sub("", _LEAD.sub("", translate(unicodedata.normalize("NFKC", name)), count=1))
    if text in _OFFICE_WORDS or text in ("政府", "本机关", "本单位"):
        return None  # an office word alone (a title read wrongly) names no agency
    changed = True
    while changed:
        changed = False
        for word in _OFFICE_WORDS:
            if text.endswith(word) and len(text) - len(word) >= MIN_KEY:
                text = text[:-len(word)]
                changed = True
    return text if len(text) >= MIN_KEY else None


def read_aliases(path: str | Path) -> dict[str, str]:
    """key -> key, from an alias file (UTF-8, ``name = agency`` per line, ``#`` comments)."""
    aliases: dict[str, str] = {}
    text = Path(path).read_text(encoding="utf-8-sig")
    for number, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        name, sep, agency = line.partition("=")
        source, target = agency_key(name.strip()), agency_key(agency.strip())
        if not sep or source is None or target is None:
            raise AliasError(f"{path}:{number}: expected 'name = agency', found {line!r}")
        aliases[source] = target
    return aliases


class Agencies:
    """The agency key of every name in a corpus, with prefixes joined and aliases applied."""

    def __init__(self, names: Iterable[str | None], aliases: dict[str, str] | None = None) -> None:
        self.aliases = dict(aliases or {})
        keys = {key for key in map(agency_key, names) if key is not None}
        keys = {self.aliases.get(key, key) for key in keys}
        self.joined: dict[str, str] = {}
        for key in keys:
            shorter = [other for other in _unprefixed(key) if other in keys]
            if len(shorter) >= 1:
                self.joined[key] = shorter[0]  # the longest: the nearest the printed name

    def key(self, name: str | None) -> str | None:
        key = agency_key(name)
        if key is None:
            return None
        key = self.aliases.get(key, key)
        seen = {key}
        while key in self.joined:  # a prefix off, then maybe another
            key = self.joined[key]
            if key in seen:
                break
            seen.add(key)
        return self.aliases.get(key, key)


def _unprefixed(key: str) -> list[str]:
    """``key`` without one, two, … leading place names, longest first; each still starting with a place."""
    found = []
    rest = key
    while True:
        match = _PLACE_AT_START.match(rest)
        if match is None or match.end() == len(rest):
            return found
        rest = rest[match.end():]
        if _UNIT_AT_START.match(rest) is None or len(rest) < MIN_KEY + 1:
            return found
        found.append(rest)
