"""Pages whose table 三 has the real shape (rowspans, colspans, blank cells printed empty), then
the extraction tools on them: <out>/<tool>--real<n>.txt + .expected.json. Usage: make_samples.py OUT COUNT
(tests/data/readers/ holds those of real-shape-1, renamed rowspans-blanks).
"""
import json, random, re, subprocess, sys, html as H
from pathlib import Path
from govparse.render import LAYOUTS, random_report, render
OUT = Path(sys.argv[1]); OUT.mkdir(exist_ok=True)
VENV = "/tmp/toolvenv/bin/python"
LABELS = {
 "new_received": "一、本年新收政府信息公开申请数量", "carried_over": "二、上年结转政府信息公开申请数量",
 "granted": "（一）予以公开", "partially_granted": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
 "denied_state_secret": "1．属于国家秘密", "denied_prohibited_by_law": "2．其他法律行政法规禁止公开",
 "denied_security_stability": "3．危及“三安全一稳定”", "denied_third_party": "4．保护第三方合法权益",
 "denied_internal_affairs": "5．属于三类内部事务信息", "denied_process_info": "6．属于四类过程性信息",
 "denied_enforcement_file": "7．属于行政执法案卷", "denied_admin_query": "8．属于行政查询事项",
 "unable_not_held": "1．本机关不掌握相关政府信息", "unable_needs_creation": "2．没有现成信息需要另行制作",
 "unable_unclear": "3．补正后申请内容仍不明确", "rejected_petition": "1．信访举报投诉类申请",
 "rejected_duplicate": "2．重复申请", "rejected_publication": "3．要求提供公开出版物",
 "rejected_excessive": "4．无正当理由大量反复申请", "rejected_confirmation": "5．要求行政机关确认或重新出具已获取信息",
 "other_no_correction": "1．申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
 "other_fee_unpaid": "2．申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
 "other_misc": "3．其他", "total_processed": "（七）总计", "carried_forward": "四、结转下年度继续办理"}
SUB = {"denied_state_secret": ("（三）不予公开", 8), "unable_not_held": ("（四）无法提供", 3),
       "rejected_petition": ("（五）不予处理", 5), "other_no_correction": ("（六）其他处理", 3)}
def td(text, **attrs):
    a = "".join(f' {k}="{v}"' for k, v in attrs.items())
    return f"<td{a}>{H.escape(text) if text else '&nbsp;'}</td>"
def table3(apps):
    rows = [td("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", colspan=3, rowspan=3) + td("申请人情况", colspan=7),
            td("自然人", rowspan=2) + td("法人或其他组织", colspan=5) + td("总计", rowspan=2),
            "".join(td(t) for t in ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"))]
    for key, label in LABELS.items():
        vals = "".join(td("" if v is None else str(v)) for v in apps[key].values())
        if key in ("new_received", "carried_over", "carried_forward"):
            rows.append(td(label, colspan=3) + vals); continue
        head = td("三、本年度办理结果", rowspan=22) if key == "granted" else ""
        if key in SUB:
            rows.append(head + td(SUB[key][0], rowspan=SUB[key][1]) + td(label) + vals)
        elif key.startswith(("denied", "unable", "rejected", "other_")):
            rows.append(td(label) + vals)
        else:
            rows.append(head + td(label, colspan=2) + vals)
    return '<table border="1" cellspacing="0">' + "".join(f"<tr>{r}</tr>\n" for r in rows) + "</table>"
def run(cmd):
    return subprocess.run(cmd, check=True, capture_output=True, timeout=180).stdout
for n in range(int(sys.argv[2])):
    rng = random.Random(f"real-shape-{n}")
    report = random_report(rng, consistent=True, blanks=0.12 if n % 2 else 0.0)
    page = render(report, LAYOUTS[-1], (), seed=n)
    tables = list(re.finditer(r"<table.*?</table>", page, re.S))
    t = tables[1]
    exp = report.expected(LAYOUTS[-1])
    page = page[:t.start()] + table3(exp["applications"]) + page[t.end():]
    html = OUT / f"real-{n}.html"; html.write_text(page, encoding="utf-8")
    run(["soffice", "--headless", "--convert-to", "pdf:writer_web_pdf_Export", "--outdir", str(OUT), str(html)])
    pdf = OUT / f"real-{n}.pdf"
    outs = {
        "html2text-py": run([VENV, "-m", "html2text", str(html)]),
        "pandoc-plain": run(["pandoc", "-f", "html", "-t", "plain", str(html)]),
        "w3m": run(["w3m", "-dump", "-T", "text/html", "-cols", "200", str(html)]),
        "pdftotext-layout": run(["pdftotext", "-layout", str(pdf), "-"]),
        "pdfplumber": run([VENV, "-c", "import pdfplumber,sys\nwith pdfplumber.open(sys.argv[1]) as p: print('\\n'.join(pg.extract_text() or '' for pg in p.pages))", str(pdf)]),
        "pypdf": run([VENV, "-c", "import pypdf,sys\nr=pypdf.PdfReader(sys.argv[1]); print('\\n'.join(pg.extract_text() for pg in r.pages))", str(pdf)]),
    }
    for tool, data in outs.items():
        (OUT / f"{tool}--real{n}.txt").write_bytes(data)
        (OUT / f"{tool}--real{n}.expected.json").write_text(json.dumps(exp, default=str, ensure_ascii=False))
