// callaudit pages: multi-file upload with per-file status, audio seeking, and the dashboard charts.
// No inline scripts (the pages send a strict Content-Security-Policy); data comes in JSON script tags.
(function () {
  "use strict";
  const csrf = document.body.dataset.csrf || "";

  document.body.addEventListener("htmx:configRequest", (e) => { e.detail.headers["X-CSRF-Token"] = csrf; });

  // ---- upload ----
  function uploadPage() {
    const form = document.getElementById("upload");
    if (!form) return;
    const drop = document.getElementById("drop");
    const input = document.getElementById("files");
    const rows = document.getElementById("file-rows");
    const open = () => input.click();
    drop.addEventListener("click", open);
    drop.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); open(); } });
    drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
    drop.addEventListener("dragleave", () => drop.classList.remove("over"));
    drop.addEventListener("drop", (e) => { e.preventDefault(); drop.classList.remove("over"); send(e.dataTransfer.files); });
    input.addEventListener("change", () => { send(input.files); input.value = ""; });

    function cell(tr, text) { const td = document.createElement("td"); td.textContent = text; tr.appendChild(td); return td; }

    function send(files) {
      for (const file of files) {
        const tr = document.createElement("tr");
        cell(tr, file.name);
        const bar = document.createElement("progress");
        bar.max = 100; bar.value = 0; bar.setAttribute("aria-label", "Upload of " + file.name);
        cell(tr, "").appendChild(bar);
        const status = cell(tr, "uploading");
        const link = cell(tr, "");
        rows.appendChild(tr);
        const data = new FormData();
        data.append("file", file);
        data.append("checklist", form.checklist.value);
        if (form.agent_id.value) data.append("agent_id", form.agent_id.value);
        if (form.queue.value) data.append("queue", form.queue.value);
        const xhr = new XMLHttpRequest();
        xhr.open("POST", form.action);
        xhr.setRequestHeader("X-CSRF-Token", csrf);
        xhr.upload.addEventListener("progress", (e) => { if (e.lengthComputable) bar.value = (100 * e.loaded) / e.total; });
        xhr.addEventListener("load", () => {
          bar.value = 100;
          let body = {};
          try { body = JSON.parse(xhr.responseText); } catch (err) { body = { detail: xhr.statusText }; }
          if (xhr.status !== 202) { status.textContent = "refused: " + (body.detail || xhr.status); return; }
          const a = document.createElement("a");
          a.href = body.page; a.textContent = "open";
          link.appendChild(a);
          status.textContent = body.status;
          poll(body.id, status);
        });
        xhr.addEventListener("error", () => { status.textContent = "upload failed: network error"; });
        xhr.send(data);
      }
    }

    function poll(id, status) {
      fetch("/ui/calls/" + encodeURIComponent(id) + "/status", { credentials: "same-origin" })
        .then((r) => r.json())
        .then((s) => {
          let text = s.status;
          if (s.status === "done") text = "done: " + s.questions + " questions, " + s.waste + " wasted";
          if (s.status === "failed") text = "failed: " + (s.error || "");
          status.textContent = text;
          if (s.status !== "done" && s.status !== "failed") setTimeout(() => poll(id, status), 1000);
        })
        .catch(() => setTimeout(() => poll(id, status), 2000));
    }
  }

  // ---- call page: jump the player to an utterance ----
  function callPage() {
    const player = document.getElementById("player");
    if (!player) return;
    document.querySelectorAll("button[data-seek]").forEach((b) => {
      b.addEventListener("click", () => {
        player.currentTime = parseFloat(b.dataset.seek);
        player.play().catch(() => {});
      });
    });
  }

  // ---- charts ----
  const COLORS = { needed: "#2e7d4f", redundant: "#c77700", irrelevant: "#b3261e" };

  function dashboard() {
    const el = document.getElementById("dash-data");
    if (!el || !window.Chart) return;
    const d = JSON.parse(el.textContent);
    const items = d.items.map((i) => i.item);
    const statuses = ["needed", "redundant", "irrelevant"];
    const base = "/ui/calls?checklist=" + encodeURIComponent(d.checklist) + "&version=" + d.version;
    new Chart(document.getElementById("chart-items"), {
      type: "bar",
      data: { labels: items, datasets: statuses.map((s) => ({ label: s, data: d.items.map((i) => i[s]), backgroundColor: COLORS[s] })) },
      options: {
        indexAxis: "y", responsive: true, scales: { x: { stacked: true }, y: { stacked: true } },
        onClick: (evt, els) => {
          if (!els.length) return;
          const e = els[0];
          window.location.href = base + "&item=" + encodeURIComponent(items[e.index]) + "&verdict=" + statuses[e.datasetIndex];
        },
      },
    });
    new Chart(document.getElementById("chart-seconds"), {
      type: "bar",
      data: { labels: items, datasets: [{ label: "waste seconds", data: d.items.map((i) => i.waste_seconds), backgroundColor: "#5b6bbf" }] },
      options: { indexAxis: "y", responsive: true, plugins: { legend: { display: false } } },
    });
    new Chart(document.getElementById("chart-weeks"), {
      type: "line",
      data: { labels: d.weeks.map((w) => w.week), datasets: statuses.map((s) => ({ label: s, data: d.weeks.map((w) => w[s]), borderColor: COLORS[s], backgroundColor: COLORS[s] })) },
      options: { responsive: true },
    });
    const heat = [];
    let max = 1;
    d.reasons.forEach((r) => items.forEach((i) => { const v = (d.heatmap[r] || {})[i] || 0; max = Math.max(max, v); heat.push({ x: i, y: r, v: v }); }));
    if (d.reasons.length && items.length) {
      new Chart(document.getElementById("chart-heat"), {
        type: "matrix",
        data: { datasets: [{ label: "waste", data: heat,
          backgroundColor: (c) => "rgba(179, 38, 30, " + (0.08 + 0.92 * ((c.raw && c.raw.v) || 0) / max) + ")",
          width: ({ chart }) => (chart.chartArea || {}).width / items.length - 2,
          height: ({ chart }) => (chart.chartArea || {}).height / d.reasons.length - 2 }] },
        options: {
          responsive: true, plugins: { legend: { display: false }, tooltip: { callbacks: { label: (c) => c.raw.y + " / " + c.raw.x + ": " + c.raw.v } } },
          scales: { x: { type: "category", labels: items, offset: true, grid: { display: false } },
                    y: { type: "category", labels: d.reasons, offset: true, grid: { display: false } } },
        },
      });
    }
  }

  function focusChart() {
    const el = document.getElementById("focus-data");
    if (!el || !window.Chart) return;
    const rep = JSON.parse(el.textContent);
    const weeks = {};
    rep.rows.forEach((r) => r.trend.forEach((w) => {
      const t = (weeks[w.week] = weeks[w.week] || { shifting: 0, ownership: 0 });
      t.shifting += w.shifting; t.ownership += w.ownership;
    }));
    const labels = Object.keys(weeks).sort();
    new Chart(document.getElementById("chart-focus"), {
      type: "bar",
      data: { labels: labels, datasets: [
        { label: "shifting responsibility", data: labels.map((w) => weeks[w].shifting), backgroundColor: "#c77700" },
        { label: "ownership", data: labels.map((w) => weeks[w].ownership), backgroundColor: "#2e7d4f" }] },
      options: { responsive: true },
    });
  }

  function start() { uploadPage(); callPage(); dashboard(); focusChart(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
