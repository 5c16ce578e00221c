// govparse audit page: an overview of every report, and one report's tables, findings and text.
// No framework and no network: the data sits in <script type="application/json"> blocks, each
// report's details gzip-compressed and base64-encoded, opened with the browser's DecompressionStream.
"use strict";

const data = (name) => JSON.parse(document.getElementById("data-" + name).textContent);
const OVERVIEW = data("overview");   // {columns: [...], kinds: [...], rows: [[...], ...]}
const FORMS = data("forms");         // "table:edition" -> rows of cells (see govparse/audit/forms.py)
const TITLES = data("titles");
const DETAILS = data("details");     // one base64 gzip JSON per report, by row index
const PAGE_SIZE = 100;

const col = Object.fromEntries(OVERVIEW.columns.map((name, i) => [name, i]));
const state = {sortBy: col.report, descending: false, text: "", kind: "", page: 0};

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === "class") node.className = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value);
  }
  for (const child of children) node.append(child instanceof Node ? child : String(child ?? ""));
  return node;
}

// --- overview ---------------------------------------------------------------------------------

function visibleRows() {
  const text = state.text.toLowerCase();
  const kindAt = state.kind ? col["kind:" + state.kind] : -1;
  const rows = OVERVIEW.rows.filter((row) =>
    (!text || row[col.search].includes(text)) && (kindAt < 0 || row[kindAt] > 0));
  const at = state.sortBy, sign = state.descending ? -1 : 1;
  return rows.sort((a, b) => {
    const x = a[at], y = b[at];
    if (x === y) return a[col.id] - b[col.id];
    if (x === null) return 1;
    if (y === null) return -1;
    return (x < y ? -1 : 1) * sign;
  });
}

function drawOverview() {
  const rows = visibleRows();
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  state.page = Math.min(state.page, pages - 1);
  const shown = rows.slice(state.page * PAGE_SIZE, (state.page + 1) * PAGE_SIZE);
  const heads = OVERVIEW.shown.map((name) => {
    const at = col[name];
    const mark = state.sortBy === at ? (state.descending ? " ▼" : " ▲") : "";
    return el("th", {class: "sortable", "data-column": name, onclick: () => sortBy(at)},
              name.replace("kind:", "") + mark);
  });
  const body = shown.map((row) => el("tr", {"data-report": row[col.id]}, ...OVERVIEW.shown.map((name) => {
    const value = row[col[name]];
    if (name === "report") {
      const short = value.split(/[\\/]/).slice(-2).join("/");  // the folder and file; the path on hover
      return el("td", {}, el("a", {href: "#report=" + row[col.id], title: value}, short));
    }
    if (name === "agency") return el("td", {title: "printed as " + (row[col.printed] ?? "–")}, value ?? "–");
    const kind = name.startsWith("kind:");
    return el("td", {class: (kind && value ? "count bad" : kind ? "count" : "") +
                            (name === "nulls" && value ? " nulls" : "")}, kind && !value ? "·" : value);
  })));
  document.getElementById("table").replaceChildren(el("thead", {}, el("tr", {}, ...heads)), el("tbody", {}, ...body));
  document.getElementById("count").textContent =
    `${rows.length} of ${OVERVIEW.rows.length} reports · page ${state.page + 1} of ${pages}`;
  document.getElementById("prev").disabled = state.page === 0;
  document.getElementById("next").disabled = state.page >= pages - 1;
}

function sortBy(at) {
  state.descending = state.sortBy === at ? !state.descending : at >= col["kind:" + OVERVIEW.kinds[0]];
  state.sortBy = at;
  drawOverview();
}

// --- one report -------------------------------------------------------------------------------

async function details(id) {
  const bytes = Uint8Array.from(atob(DETAILS[id]), (c) => c.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  const report = JSON.parse(await new Response(stream).text());
  report.values = {};
  report.lines = {};
  for (const [table, [values, lines]] of Object.entries(report.tables)) {
    const keys = FORMS[table + ":" + report.forms[table]].flat().filter((cell) => "v" in cell).map((cell) => cell.v);
    keys.forEach((key, i) => { report.values[key] = values[i]; report.lines[key] = lines[i]; });
  }
  return report;
}

function showValue(cell, report) {
  const value = report.values[cell];
  showSource(cell, value === undefined || value === null ? "null" : String(value), report.lines[cell], report,
             (report.places || {})[cell]);
}

// The source box: what was picked, its source line, the diagnostics there and the text around it.
function showSource(title, what, line, report, place) {
  const notes = (line && report.notes[line]) || [];
  const lines = line ? report.context.filter(([n]) => Math.abs(n - line) <= 4) : [];
  document.getElementById("source").replaceChildren(
    el("h3", {}, title),
    el("p", {}, what, line ? ` · line ${line}` : " · no source line in this record", place ? ` · ${place}` : ""),
    ...notes.map((note) => el("p", {class: "note"}, note)),
    el("pre", {}, ...lines.map(([n, text]) => el("div", {class: n === line ? "here" : ""}, `${n}: ${text}`))));
}

function drawForm(table, report, marked) {
  const rows = report.tables[table];
  const title = el("h2", {}, TITLES[table]);
  if (rows === null || rows === undefined) return el("section", {}, title, el("p", {class: "missing"}, "table not found"));
  const form = FORMS[table + ":" + report.forms[table]];
  const grid = el("table", {class: "grid", "data-table": table}, ...form.map((cells) => el("tr", {}, ...cells.map((cell) => {
    if ("h" in cell) return el("th", {colspan: cell.span || 1}, cell.h);
    if ("l" in cell) return el("td", {class: "label", colspan: cell.span || 1}, cell.l);
    const value = report.values[cell.v];
    const classes = ["value"];
    if (value === undefined || value === null) classes.push("null");
    if (marked.has(cell.v)) classes.push("fail");
    return el("td", {class: classes.join(" "), "data-cell": cell.v, title: cell.v,
                     onclick: () => showValue(cell.v, report)}, value ?? "∅");
  }))));
  return el("section", {}, title, grid);
}

function drawFinding(finding, report) {
  const cells = [...finding.lhs_cells, ...finding.rhs_cells];
  const pick = () => {
    document.querySelectorAll("td.picked").forEach((td) => td.classList.remove("picked"));
    for (const cell of cells) document.querySelector(`td[data-cell="${CSS.escape(cell)}"]`)?.classList.add("picked");
    showSource(finding.kind + " " + finding.name, finding.message, finding.line, report);
  };
  const difference = finding.difference === null ? "" : ` (difference ${finding.difference > 0 ? "+" : ""}${finding.difference})`;
  const other = finding.other === null ? undefined : reportIds().get(finding.other);
  return el("li", {class: "finding", "data-kind": finding.kind, onclick: pick},
            el("b", {}, finding.kind), " ", finding.message, difference,
            finding.line ? ` · line ${finding.line}` : "",
            other === undefined ? "" : el("a", {href: "#report=" + other, class: "other"}, " → open " + finding.other),
            cells.length ? el("div", {class: "cells"}, finding.lhs_cells.join(" + ") + "  vs  " + finding.rhs_cells.join(" + ")) : "");
}

let ids = null;
function reportIds() {  // report name -> its row, made the first time a finding names another report
  ids ??= new Map(OVERVIEW.rows.map((row) => [row[col.report], row[col.id]]));
  return ids;
}

async function drawReport(id) {
  const row = OVERVIEW.rows[id];
  const report = await details(id);
  const marked = new Set(report.findings.flatMap((f) => [...f.lhs_cells, ...f.rhs_cells]));
  const view = document.getElementById("report");
  view.replaceChildren(
    el("p", {}, el("a", {href: "#"}, "← all reports")),
    el("h1", {}, row[col.report]),
    el("p", {class: "meta"}, `${row[col.printed] ?? "agency unknown"} (agency ${row[col.agency] ?? "–"}) · ${row[col.year] ?? "year unknown"}` +
       ` · edition ${row[col.edition] ?? "–"} · layout ${row[col.layout] ?? "–"}` + (report.error ? ` · ${report.error}` : "")),
    el("h2", {}, `Findings (${report.findings.length})`),
    el("ul", {class: "findings"}, ...report.findings.map((f) => drawFinding(f, report))),
    el("div", {class: "tables"}, ...Object.keys(TITLES).map((table) => drawForm(table, report, marked))),
    el("aside", {id: "source"}, el("p", {}, "Click a value for its source line and the text around it.")));
}

// --- wiring -----------------------------------------------------------------------------------

function route() {
  const match = location.hash.match(/^#report=(\d+)$/);
  document.getElementById("overview").hidden = Boolean(match);
  document.getElementById("report").hidden = !match;
  if (match) drawReport(Number(match[1]));
  else drawOverview();
}

document.getElementById("filter").addEventListener("input", (event) => {
  state.text = event.target.value; state.page = 0; drawOverview();
});
const kinds = document.getElementById("kind");
kinds.append(...OVERVIEW.kinds.map((kind) => el("option", {value: kind}, kind)));
kinds.addEventListener("change", () => { state.kind = kinds.value; state.page = 0; drawOverview(); });
document.getElementById("prev").addEventListener("click", () => { state.page -= 1; drawOverview(); });
document.getElementById("next").addEventListener("click", () => { state.page += 1; drawOverview(); });
window.addEventListener("hashchange", route);
route();
