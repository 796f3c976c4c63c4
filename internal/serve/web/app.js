"use strict";
// The front desk page: plain JavaScript, no libraries, nothing from other hosts.
(function () {
  const $ = (id) => document.getElementById(id);
  // seq numbers each preview; an answer to an older one is dropped, so a
  // quick second choice never shows the first one's PDF or findings.
  const state = { leaflets: [], sites: [], layouts: [], pdfURL: "", seq: 0 };

  function text(el, s) { el.textContent = s; return el; }
  function make(tag, s, cls) { const el = document.createElement(tag); if (s !== undefined) el.textContent = s; if (cls) el.className = cls; return el; }
  function fold(s) { return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }

  function languageName(code) {
    try { return new Intl.DisplayNames([navigator.language || "en"], { type: "language" }).of(code) + " (" + code + ")"; }
    catch (e) { return code; }
  }

  async function getJSON(url) {
    const res = await fetch(url, { headers: { Accept: "application/json" } });
    if (!res.ok) throw await problemOf(res);
    return res.json();
  }

  async function problemOf(res) {
    try { const p = await res.json(); p.status = p.status || res.status; return p; }
    catch (e) { return { status: res.status, title: res.statusText || "Request failed" }; }
  }

  // Colours: the branding colour fills the primary button only when white
  // text on it keeps 4.5:1 contrast; otherwise the text turns black.
  function luminance(hex) {
    const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((v) => (v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4)));
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }
  function applyBrand(site) {
    const accent = site && /^#[0-9a-fA-F]{6}$/.test(site.accent) ? site.accent : "#1f4e79";
    const onWhite = 1.05 / (luminance(accent) + 0.05);
    document.documentElement.style.setProperty("--brand", accent);
    document.documentElement.style.setProperty("--on-brand", onWhite >= 4.5 ? "#ffffff" : "#000000");
    text($("site-name"), site ? site.name : "No clinic chosen yet");
  }

  function fillLeaflets() {
    const q = fold($("search").value.trim());
    const lang = $("language").value;
    const sel = $("leaflet");
    const keep = sel.value;
    sel.replaceChildren();
    let shown = 0;
    for (const l of state.leaflets) {
      if (lang && l.language !== lang) continue;
      if (q && !fold(l.title).includes(q) && !fold(l.id).includes(q)) continue;
      const o = make("option", l.title + (l.language ? " — " + l.language : ""));
      o.value = l.id;
      if (l.language) o.lang = l.language; // read out in the leaflet's language
      sel.append(o);
      shown++;
    }
    if (keep) sel.value = keep;
    text($("leaflet-count"), shown + " of " + state.leaflets.length + " leaflets shown");
    fillWith();
  }

  // The translations offered are those the chosen leaflet lists that the
  // server has; with none, the field is hidden (and out of the focus order).
  function fillWith() {
    const sel = $("with");
    const keep = sel.value;
    const info = state.leaflets.find((l) => l.id === $("leaflet").value);
    const found = ((info && info.translations) || []).map((id) => state.leaflets.find((l) => l.id === id)).filter(Boolean);
    sel.replaceChildren(make("option", "None (one language)"));
    sel.firstChild.value = "";
    for (const l of found) {
      const o = make("option", l.title + (l.language ? " — " + l.language : ""));
      o.value = l.id;
      if (l.language) o.lang = l.language;
      sel.append(o);
    }
    sel.value = found.some((l) => l.id === keep) ? keep : "";
    $("with-field").hidden = found.length === 0;
  }

  function fillSelect(sel, items, label) {
    for (const it of items) { const o = make("option", label(it)); o.value = it.id; sel.append(o); }
  }

  function params() {
    const p = new URLSearchParams();
    p.set("leaflet", $("leaflet").value || state.wanted || "");
    const withID = $("with-field").hidden ? state.wantedWith : $("with").value || state.wantedWith;
    if (withID) p.set("with", withID);
    if ($("site").value) p.set("site", $("site").value);
    if ($("layout").value) p.set("layout", $("layout").value);
    if ($("grayscale").checked) p.set("grayscale", "1");
    return p;
  }

  function showError(p) {
    const box = $("error");
    box.replaceChildren(make("h3", p.title || "Something went wrong"));
    if (p.detail) box.append(make("p", p.detail));
    if (p.problems && p.problems.length) {
      const ul = make("ul");
      for (const s of p.problems) ul.append(make("li", s));
      box.append(ul);
    }
    box.hidden = false;
  }

  function clearPreview() {
    if (state.pdfURL) URL.revokeObjectURL(state.pdfURL);
    state.pdfURL = "";
    $("preview").hidden = true;
    $("preview").removeAttribute("src");
    const dl = $("download");
    dl.setAttribute("aria-disabled", "true");
    dl.setAttribute("tabindex", "-1");
    dl.href = "#";
    $("print").disabled = true;
  }

  async function show() {
    const p = params();
    if (!p.get("leaflet")) { text($("status"), "Choose a leaflet first."); $("leaflet").focus(); return; }
    state.wanted = "";
    state.wantedWith = "";
    const seq = ++state.seq;
    history.replaceState(null, "", "?" + p.toString());
    $("error").hidden = true;
    clearPreview();
    text($("status"), "Rendering the handout…");
    checkLeaflet(p, seq);
    let res, blob, problem;
    try {
      res = await fetch("/render?" + p.toString());
      if (res.ok) blob = await res.blob(); else problem = await problemOf(res);
    } catch (e) { problem = { title: "The server did not answer", detail: String(e) }; }
    if (seq !== state.seq) return;
    if (problem) { text($("status"), "No preview."); showError(problem); return; }
    state.pdfURL = URL.createObjectURL(blob);
    const name = /filename="([^"]+)"/.exec(res.headers.get("Content-Disposition") || "");
    const frame = $("preview");
    frame.src = state.pdfURL + "#view=FitH";
    frame.hidden = false;
    frame.dataset.type = res.headers.get("Content-Type") || "";
    frame.dataset.bytes = String(blob.size);
    const dl = $("download");
    dl.href = state.pdfURL;
    dl.download = name ? name[1] : "handout.pdf";
    dl.removeAttribute("aria-disabled");
    dl.removeAttribute("tabindex");
    $("print").disabled = false;
    const pages = res.headers.get("X-Handout-Pages");
    text($("status"), "Showing " + (dl.download) + (pages ? ", " + pages + (pages === "1" ? " page." : " pages.") : "."));
  }

  async function checkLeaflet(p, seq) {
    const facts = $("facts"), list = $("finding-list");
    facts.replaceChildren(); list.replaceChildren();
    text($("check-status"), "Checking…");
    let report;
    try { report = await getJSON("/api/check?" + p.toString()); }
    catch (e) { if (seq === state.seq) text($("check-status"), "No check: " + (e.title || e)); return; }
    if (seq !== state.seq) return;
    facts.replaceChildren(); list.replaceChildren();
    const leaf = report.files.find((f) => f.kind === "leaflet") || report.files[0];
    const info = state.leaflets.find((l) => l.id === p.get("leaflet"));
    const add = (k, v) => { facts.append(make("dt", k), make("dd", v)); };
    if (leaf && leaf.readability) {
      const r = leaf.readability;
      const grade = r.flesch_kincaid_grade != null ? "grade " + r.flesch_kincaid_grade : r.level;
      add("Reading level", grade + " (" + r.level + "; target grade " + report.target_grade + ")");
    }
    add("Last reviewed", info && info.last_reviewed ? info.last_reviewed : "not given");
    add("Errors", String(report.summary.errors));
    add("Warnings", String(report.summary.warnings));
    for (const f of report.files) {
      for (const x of f.findings) {
        const li = make("li");
        li.append(make("span", x.severity + ": ", "sev-" + x.severity), document.createTextNode(x.message + " (" + x.file + ":" + x.line + ")"));
        list.append(li);
      }
    }
    text($("check-status"), report.summary.errors + report.summary.warnings === 0 ? "No errors or warnings." : "Findings:");
  }

  function print() {
    const frame = $("preview");
    try { frame.contentWindow.focus(); frame.contentWindow.print(); }
    catch (e) { window.open(state.pdfURL, "_blank"); }
  }

  async function start() {
    try {
      [state.leaflets, state.sites, state.layouts] = await Promise.all(["/api/leaflets", "/api/sites", "/api/layouts"].map(getJSON));
    } catch (e) { showError(e.title ? e : { title: "The lists could not be loaded", detail: String(e) }); return; }
    const langs = [...new Set(state.leaflets.map((l) => l.language).filter(Boolean))].sort();
    fillSelect($("language"), langs.map((c) => ({ id: c })), (x) => languageName(x.id));
    fillSelect($("site"), state.sites, (s) => s.name);
    fillSelect($("layout"), state.layouts, (l) => l.id + (l.description ? " — " + l.description : ""));
    $("layout").value = "letter";
    const q = new URLSearchParams(location.search);
    if (q.get("site")) $("site").value = q.get("site");
    if (q.get("layout")) $("layout").value = q.get("layout");
    $("grayscale").checked = q.get("grayscale") === "1";
    fillLeaflets();
    applyBrand(state.sites.find((s) => s.id === $("site").value));
    document.body.dataset.ready = "1";
    if (q.get("leaflet")) {
      $("leaflet").value = q.get("leaflet");
      // A link may name a leaflet that is not in the list (or no leaflet at
      // all): ask the server anyway, and show what it answers.
      if ($("leaflet").value !== q.get("leaflet")) state.wanted = q.get("leaflet");
      fillWith();
      if (q.get("with")) {
        $("with").value = q.get("with");
        if ($("with").value !== q.get("with")) state.wantedWith = q.get("with");
      }
      show();
    }
  }

  $("choose").addEventListener("submit", (e) => { e.preventDefault(); show(); });
  $("search").addEventListener("input", fillLeaflets);
  $("language").addEventListener("change", fillLeaflets);
  $("leaflet").addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); show(); } });
  $("leaflet").addEventListener("change", fillWith);
  $("with").addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); show(); } });
  $("site").addEventListener("change", () => applyBrand(state.sites.find((s) => s.id === $("site").value)));
  $("print").addEventListener("click", print);
  $("download").addEventListener("click", (e) => { if ($("download").getAttribute("aria-disabled")) e.preventDefault(); });
  start();
})();
