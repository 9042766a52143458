// The editors' preview: status overlay, hover details, side-by-side view, in-place editor.
// Every text from catalogs, glossary or MT arrives in data-* attributes and is written
// with textContent or .value only, so it can never become markup.
"use strict";
(function () {
  const BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, td, th";
  const token = (document.querySelector('meta[name="i18n-preview-token"]') || {}).content || "";
  const strings = (document.getElementById("i18n-strings") || { dataset: {} }).dataset;
  const editor = document.getElementById("i18n-editor");
  const tooltip = document.getElementById("i18n-tooltip");
  let current = null; // the segment being edited

  function panel() { return document.getElementById("i18n-preview"); }
  function editable() { const p = panel(); return !!p && p.dataset.editable === "true"; }
  function field(name) { return editor.querySelector('[data-field="' + name + '"]'); }

  function setOverlay(on) { document.body.classList.toggle("i18n-overlay", on); }

  function describe(seg) {
    const d = seg.dataset;
    const lines = [strings.labelSource + ": " + d.source,
      strings.labelStatus + ": " + (strings["status" + d.status.charAt(0).toUpperCase() + d.status.slice(1)] || d.status)];
    if (d.route) lines.push(strings.labelRoute + ": " + d.route);
    if (d.reason) lines.push(strings.labelReason + ": " + d.reason);
    if (d.terms) lines.push(strings.labelTerms + ": " + d.terms.split("\n").join("; "));
    return lines.join("\n");
  }

  function showTooltip(seg) {
    if (!tooltip || !document.body.classList.contains("i18n-overlay")) return;
    tooltip.textContent = describe(seg);
    const box = seg.getBoundingClientRect();
    tooltip.style.left = Math.max(4, window.scrollX + box.left) + "px";
    tooltip.style.top = (window.scrollY + box.bottom + 6) + "px";
    tooltip.hidden = false;
  }
  function hideTooltip() { if (tooltip) tooltip.hidden = true; }

  function prepareSegments() {
    if (!editable()) return;
    document.querySelectorAll(".i18n-seg").forEach(function (seg) {
      seg.tabIndex = 0;
      seg.setAttribute("role", "button");
    });
  }

  // Side by side: one row per paragraph, the source text on the left and the page's own
  // (cloned, already escaped) rendering on the right.
  function buildSideBySide() {
    removeSideBySide();
    const article = document.querySelector("main .article");
    if (!article) return;
    const blocks = new Map();
    article.querySelectorAll(".i18n-seg").forEach(function (seg) {
      if (seg.closest(".i18n-sbs")) return;
      const block = seg.closest(BLOCKS);
      if (!block) return;
      if (!blocks.has(block)) blocks.set(block, []);
      blocks.get(block).push(seg);
    });
    const sourceLang = (panel() && panel().dataset.sourceLang) || "";
    const joiner = sourceLang.indexOf("zh") === 0 ? "" : " ";
    const table = document.createElement("table");
    table.className = "i18n-sbs";
    const head = table.createTHead().insertRow();
    [strings.sourceTitle, strings.translationTitle].forEach(function (title) {
      const th = document.createElement("th");
      th.textContent = title;
      head.appendChild(th);
    });
    const body = table.createTBody();
    blocks.forEach(function (segs, block) {
      const row = body.insertRow();
      const source = row.insertCell();
      source.lang = sourceLang;
      source.textContent = segs.map(function (seg) { return seg.dataset.source; }).join(joiner);
      const target = row.insertCell();
      const clone = block.cloneNode(true);
      clone.querySelectorAll("ul, ol").forEach(function (nested) { nested.remove(); });
      while (clone.firstChild) target.appendChild(clone.firstChild);
    });
    const header = article.querySelector(".article-header");
    header.after(table);
    document.body.classList.add("i18n-side-by-side");
  }
  function removeSideBySide() {
    document.querySelectorAll(".i18n-sbs").forEach(function (el) { el.remove(); });
    document.body.classList.remove("i18n-side-by-side");
  }

  function openEditor(seg) {
    if (!editor || !editable()) return;
    current = seg;
    hideTooltip();
    field("source").textContent = seg.dataset.source;
    const d = seg.dataset;
    const meta = [];
    if (d.route) meta.push(strings.labelRoute + ": " + d.route + (d.reason ? " (" + d.reason + ")" : ""));
    if (d.terms) meta.push(strings.labelTerms + ": " + d.terms.split("\n").join("; "));
    field("meta").textContent = meta.join("\n");
    editor.querySelector("textarea").value = d.target;
    showMessage("", "");
    field("conflict").hidden = true;
    if (!editor.open) editor.showModal();
    editor.querySelector("textarea").focus();
  }

  function showMessage(kind, text) {
    const message = field("message");
    message.dataset.kind = kind;
    message.textContent = text;
  }

  async function refresh(key) {
    // The server renders the truth from the PO files: take its page, not our guess.
    const response = await fetch(window.location.href, { cache: "no-store", credentials: "same-origin" });
    const html = await response.text();
    const fresh = new DOMParser().parseFromString(html, "text/html");
    const sbs = document.body.classList.contains("i18n-side-by-side");
    const overlay = document.body.classList.contains("i18n-overlay");
    document.querySelector("main").replaceWith(document.adoptNode(fresh.querySelector("main")));
    panel().replaceWith(document.adoptNode(fresh.getElementById("i18n-preview")));
    panel().querySelector('[data-action="overlay"]').checked = overlay;
    panel().querySelector('[data-action="side-by-side"]').checked = sbs;
    prepareSegments();
    if (sbs) buildSideBySide();
    current = document.querySelector('.article .i18n-seg[data-key="' + key + '"]') || current;
  }

  async function save(approve) {
    if (!current) return;
    const seg = current;
    const text = editor.querySelector("textarea").value;
    field("conflict").hidden = true;
    showMessage("busy", strings.saving);
    let response;
    let reply = {};
    try {
      response = await fetch(panel().dataset.saveUrl, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-Preview-Token": token },
        body: JSON.stringify({
          slug: panel().dataset.slug,
          locale: panel().dataset.locale,
          key: seg.dataset.key,
          base_text: seg.dataset.target,
          base_status: seg.dataset.status,
          base_digest: panel().dataset.digest,
          target_text: text,
          approve: approve,
        }),
      });
      reply = await response.json();
    } catch (error) {
      showMessage("error", strings.failed + " " + error);
      return;
    }
    if (response.status === 200) {
      await refresh(seg.dataset.key);
      showMessage("ok", reply.merged ? strings.merged : strings.saved);
    } else if (response.status === 409) {
      showMessage("conflict", strings.conflict + " " + reply.error);
      field("theirs").textContent = reply.theirs ? reply.theirs.target_text : "—";
      field("yours").textContent = reply.yours;
      field("conflict").hidden = false;
    } else {
      showMessage("error", strings.failed + " " + (reply.error || response.status));
    }
  }

  document.addEventListener("change", function (event) {
    const action = event.target.dataset && event.target.dataset.action;
    if (action === "overlay") setOverlay(event.target.checked);
    if (action === "side-by-side") { if (event.target.checked) buildSideBySide(); else removeSideBySide(); }
  });
  document.addEventListener("mouseover", function (event) {
    const seg = event.target.closest && event.target.closest(".i18n-seg");
    if (seg) showTooltip(seg); else hideTooltip();
  });
  document.addEventListener("focusin", function (event) {
    const seg = event.target.closest && event.target.closest(".i18n-seg");
    if (seg) showTooltip(seg);
  });
  document.addEventListener("click", function (event) {
    const button = event.target.closest && event.target.closest("#i18n-editor [data-action]");
    if (button) {
      const action = button.dataset.action;
      if (action === "save") save(false);
      else if (action === "approve") save(true);
      else if (action === "close") editor.close();
      return;
    }
    const seg = event.target.closest && event.target.closest(".i18n-seg");
    if (seg && editable()) { event.preventDefault(); openEditor(seg); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") return;
    const seg = event.target.closest && event.target.closest(".i18n-seg");
    if (seg && editable()) { event.preventDefault(); openEditor(seg); }
  });

  setOverlay(editable());
  prepareSegments();
})();
