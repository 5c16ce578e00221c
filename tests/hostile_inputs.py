"""Hostile inputs for the reliability tests, built on demand (none is committed).

Run as a script it parses every case under a 2 GiB address-space limit and
prints one JSON line per case, so the test sees a MemoryError as a failure
instead of a machine that swaps.
"""

from __future__ import annotations

import json
import os
import random
import resource
import sys
import time

REPORT_HEAD = "某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n2023年，本县做好公开工作。\n"
TABLE_THREE_ROW = "一、本年新收政府信息公开申请数量 | 14 | 0 | 0 | 0 | 0 | 0 | 14 |\n"
HEADINGS = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]


def small_report() -> str:
    """All three tables; table 三 keeps only its first row (the rest report as missing)."""
    return (REPORT_HEAD + "二、主动公开政府信息情况\n"
            "第二十条第（一）项\n规章 | 0 | 0 | 1 |\n行政规范性文件 | 2 | 0 | 9 |\n"
            "第二十条第（五）项\n行政许可 | 5 |\n第二十条第（六）项\n行政处罚 | 1 |\n行政强制 | 0 |\n"
            "第二十条第（八）项\n行政事业性收费 | 0 |\n"
            "三、收到和处理政府信息公开申请情况\n" + TABLE_THREE_ROW +
            "四、政府信息公开行政复议、行政诉讼情况\n行政复议 | 行政诉讼 |\n" + "0 | " * 15 +
            "\n五、存在的主要问题及改进情况\n无\n")


def cases() -> dict[str, bytes]:
    from hostile_documents import cases as document_cases

    rng = random.Random(7)
    row = TABLE_THREE_ROW.encode()
    return {
        "repeated table rows, 20 MB": (REPORT_HEAD + HEADINGS[2] + "\n").encode() + row * (20_000_000 // len(row)),
        "single line, 5 MB": ("二、主动公开政府信息情况|规章|" * 200_000).encode()[:5_000_000],
        "5 million blank lines": b"\n" * 5_000_000,
        "NUL bytes": b"\x00" * 2_000_000,
        "random binary": rng.randbytes(3_000_000),
        "PDF header": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + rng.randbytes(200_000),
        "UTF-16": small_report().encode("utf-16"),
        "deeply nested parentheses": (HEADINGS[1] + "\n" + "(" * 500_000 + "规章" + ")" * 500_000 + "\n").encode(),
        "nested HTML": ("<table><tr><td>" * 20_000 + "二、主动公开" + "</td></tr></table>" * 20_000).encode(),
        "numbers with thousands of digits": small_report().replace(
            "规章 | 0 | 0 | 1 |", "规章 | " + "9" * 5000 + " | " + "1," * 3000 + " | 0 |").encode(),
        "every table twice": (small_report() * 2).encode(),
        "nothing but pipes": b"|" * 3_000_000 + b"\n" + b"|||\n" * 500_000,
        "only the section headings": "\n".join(HEADINGS).encode(),
        "empty": b"",
        **document_cases(),  # PDF and DOCX: encrypted, thousands of pages, scanned, cut short, a zip bomb
    }


def main() -> None:
    limit = 2 * 1024 ** 3
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    sys.path.insert(0, os.getcwd())
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import govparse

    for name, data in cases().items():
        started = time.perf_counter()
        try:
            result = govparse.parse(data)
            outcome = {"kind": "result", "tables": [k for k in ("active_disclosure", "applications",
                                                                  "review_litigation") if result.table(k)],
                       "codes": sorted({d.code for d in result.diagnostics}), "diagnostics": len(result.diagnostics)}
        except govparse.InternalError as error:
            outcome = {"kind": "internal-error", "message": str(error)}
        except govparse.GovparseError as error:
            outcome = {"kind": "govparse-error", "message": str(error)}
        outcome.update(name=name, seconds=round(time.perf_counter() - started, 2),
                       peak_mib=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
        print(json.dumps(outcome, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
