/**
 * The reviewer's page (Chinese): one HTML shell, one stylesheet, one script,
 * all served from 'self' so the page's CSP needs no inline code. The script
 * only calls the public API (README "Web application"), builds every piece of
 * text with textContent (file names and messages are never parsed as HTML),
 * and shows the batch's report.html — the CLI's report — in a sandboxed
 * iframe. Kept as strings here so the build needs no asset step.
 */

export const PAGE_HTML = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>报告检查</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/app.css">
<script src="/assets/app.js" defer></script>
</head>
<body>
<header class="top"><h1>报告检查</h1><span class="sub">分析检查报告 · 民主生活会对照检查材料 · 整改情况报告 · 工作总结：提取问题、原因、措施和数字，检查缺失要素</span></header>
<main>
<section id="login" hidden>
  <h2>请输入访问令牌</h2>
  <p class="muted">本服务设置了访问令牌。令牌由启动服务的管理员提供；输入一次后，本浏览器会记住登录状态。</p>
  <form id="login-form"><input id="token" type="password" autocomplete="current-password" aria-label="访问令牌" placeholder="访问令牌"> <button type="submit">进入</button></form>
  <p id="login-error" class="error" role="alert"></p>
</section>
<section id="app" hidden>
  <div id="drop" class="drop" tabindex="0">
    <p class="big">把报告文件、整个文件夹或 .zip 压缩包拖到这里</p>
    <p>或者 <label class="button">选择文件<input id="file-input" class="file" type="file" multiple accept=".docx,.pdf,.doc,.wps,.txt,.text,.md,.html,.htm,.zip"></label>
    <label class="button">选择文件夹<input id="folder-input" class="file" type="file" webkitdirectory multiple></label></p>
    <p class="muted">支持 DOCX、PDF、DOC/WPS、TXT、HTML；文件夹里的其他文件会被跳过。上传后自动开始分析。</p>
  </div>
  <p id="message" class="message" role="alert" hidden></p>
  <section id="batch" hidden>
    <h2 id="batch-title">本批文档</h2>
    <div class="progress" aria-hidden="true"><div id="bar" class="bar"></div></div>
    <p id="batch-status" class="status-line" aria-live="polite"></p>
    <details id="files-box" open><summary>逐个文件的进度</summary>
      <div class="files-scroll"><table id="files"><thead><tr><th>#</th><th>文件</th><th>状态</th></tr></thead><tbody></tbody></table></div>
    </details>
    <div id="downloads" class="downloads" hidden></div>
    <iframe id="report" title="检查报告" sandbox="allow-scripts" hidden></iframe>
  </section>
  <section id="history">
    <h2>以前的批次</h2>
    <table id="batches"><thead><tr><th>上传时间</th><th>文档</th><th>通过</th><th>未通过</th><th>无法读取</th><th>状态</th><th>操作</th></tr></thead><tbody></tbody></table>
    <p id="no-batches" class="muted" hidden>还没有上传过文档。</p>
  </section>
</section>
</main>
</body></html>
`;

export const PAGE_CSS = `
:root { --fg:#1f2328; --muted:#656d76; --line:#d0d7de; --accent:#b4232a; --good:#1a7f37; --bad:#cf222e; --warn:#9a6700; --bg:#f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.6 "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; color: var(--fg); background: #fff; }
header.top { background: var(--accent); color: #fff; padding: 12px 24px; display: flex; gap: 16px; align-items: baseline; flex-wrap: wrap; }
header.top h1 { margin: 0; font-size: 22px; }
header.top .sub { opacity: .9; font-size: 13px; }
main { padding: 16px 24px 48px; max-width: 1400px; margin: 0 auto; }
h2 { font-size: 18px; margin: 24px 0 8px; }
.muted { color: var(--muted); }
.error { color: var(--bad); }
.drop { border: 2px dashed var(--line); border-radius: 10px; padding: 24px; text-align: center; background: var(--bg); }
.drop.over { border-color: var(--accent); background: #fff5f5; }
.drop .big { font-size: 18px; margin: 0 0 8px; }
.button, button { display: inline-block; border: 1px solid var(--line); border-radius: 6px; padding: 4px 12px; background: #fff; cursor: pointer; font: inherit; }
.button:hover, button:hover { border-color: var(--accent); }
button.danger { color: var(--bad); }
input.file { position: absolute; width: 1px; height: 1px; opacity: 0; overflow: hidden; }
input[type=password] { font: inherit; padding: 4px 8px; border: 1px solid var(--line); border-radius: 6px; min-width: 280px; }
.message { padding: 8px 12px; border-radius: 6px; background: #fff8c5; border: 1px solid #d4a72c; }
.message.bad { background: #ffebe9; border-color: #ff8182; }
.progress { height: 8px; background: var(--bg); border-radius: 4px; overflow: hidden; border: 1px solid var(--line); }
.bar { height: 100%; width: 0; background: var(--good); transition: width .2s; }
.status-line { margin: 6px 0; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--bg); }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.files-scroll { max-height: 320px; overflow: auto; border: 1px solid var(--line); border-radius: 6px; }
#files th { position: sticky; top: 0; }
.state-running { color: var(--warn); }
.state-pass { color: var(--good); }
.state-fail { color: var(--bad); }
.state-error { color: var(--bad); font-weight: bold; }
.downloads { margin: 12px 0; display: flex; gap: 8px; flex-wrap: wrap; align-items: center; }
.downloads a { border: 1px solid var(--line); border-radius: 6px; padding: 2px 10px; text-decoration: none; color: var(--fg); background: var(--bg); }
.downloads a:hover { border-color: var(--accent); }
iframe#report { width: 100%; height: 85vh; border: 1px solid var(--line); border-radius: 6px; margin-top: 8px; }
tr.current td { background: #fff5f5; }
`;

// Plain ES5-style script (no template literals, no build step): it runs as-is in any current browser.
export const PAGE_JS = `
(function () {
  "use strict";
  var DOC_EXT = [".docx", ".pdf", ".doc", ".wps", ".txt", ".text", ".md", ".markdown", ".html", ".htm", ".zip"];
  var BATCH_STATUS = { queued: "排队中", running: "分析中", done: "已完成", interrupted: "已中断" };
  var current = null;
  var events = null;

  function $(id) { return document.getElementById(id); }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function ext(name) { var i = name.lastIndexOf("."); return i < 0 ? "" : name.slice(i).toLowerCase(); }

  function showMessage(text, bad) {
    var m = $("message");
    m.textContent = text || "";
    m.hidden = !text;
    m.className = "message" + (bad ? " bad" : "");
  }

  function errorText(res) {
    return res.json().then(function (j) {
      if (j && j.error) return j.error.message + (j.error.detail ? "（" + j.error.detail + "）" : "") + " [" + j.error.code + "]";
      return "请求失败（HTTP " + res.status + "）";
    }, function () { return "请求失败（HTTP " + res.status + "）"; });
  }

  function api(method, url, body) {
    var init = { method: method, credentials: "same-origin", headers: {} };
    if (body !== undefined) { init.headers["content-type"] = "application/json"; init.body = JSON.stringify(body); }
    return fetch(url, init).then(function (res) {
      if (res.status === 401) { showLogin(); throw new Error("unauthorized"); }
      return res;
    });
  }

  function showLogin() { $("login").hidden = false; $("app").hidden = true; $("token").focus(); }
  function showApp() { $("login").hidden = true; $("app").hidden = false; }

  function start() {
    api("GET", "/api/batches").then(function (res) {
      if (!res.ok) return errorText(res).then(function (t) { showApp(); showMessage(t, true); });
      return res.json().then(function (j) { showApp(); renderHistory(j.batches); });
    }).catch(function () {});
  }

  $("login-form").addEventListener("submit", function (e) {
    e.preventDefault();
    $("login-error").textContent = "";
    fetch("/api/session", { method: "POST", credentials: "same-origin", headers: { "content-type": "application/json" }, body: JSON.stringify({ token: $("token").value }) })
      .then(function (res) {
        if (res.ok) { $("token").value = ""; start(); return; }
        return errorText(res).then(function (t) { $("login-error").textContent = t; });
      });
  });

  // ---- choosing files ----
  function filesFromInput(input) {
    var out = [];
    for (var i = 0; i < input.files.length; i++) {
      var f = input.files[i];
      out.push({ file: f, name: f.webkitRelativePath || f.name });
    }
    input.value = "";
    return out;
  }

  function readEntry(entry, out) {
    return new Promise(function (resolve) {
      if (entry.isFile) {
        entry.file(function (f) { out.push({ file: f, name: entry.fullPath.replace(/^[/]+/, "") || f.name }); resolve(); }, function () { resolve(); });
      } else if (entry.isDirectory) {
        var reader = entry.createReader();
        var all = [];
        var next = function () {
          reader.readEntries(function (batch) {
            if (!batch.length) { Promise.all(all.map(function (x) { return readEntry(x, out); })).then(function () { resolve(); }); return; }
            all = all.concat(Array.prototype.slice.call(batch));
            next();
          }, function () { resolve(); });
        };
        next();
      } else resolve();
    });
  }

  function filesFromDrop(dt) {
    var out = [];
    var entries = [];
    if (dt.items && dt.items.length && dt.items[0].webkitGetAsEntry) {
      for (var i = 0; i < dt.items.length; i++) {
        var entry = dt.items[i].webkitGetAsEntry();
        if (entry) entries.push(entry);
      }
      // Files without a file-system entry (dragged from some programs) come through dt.files below.
      if (entries.length) return Promise.all(entries.map(function (e) { return readEntry(e, out); })).then(function () { return out; });
    }
    for (var k = 0; k < dt.files.length; k++) out.push({ file: dt.files[k], name: dt.files[k].name });
    return Promise.resolve(out);
  }

  function upload(list) {
    var chosen = list.filter(function (x) { return DOC_EXT.indexOf(ext(x.name)) >= 0; });
    var skipped = list.length - chosen.length;
    if (!chosen.length) { showMessage("没有可分析的文件：请选择 DOCX、PDF、DOC、TXT、HTML 文件，或它们的 .zip 压缩包。", true); return; }
    chosen.sort(function (a, b) { return a.name < b.name ? -1 : a.name > b.name ? 1 : 0; });
    var form = new FormData();
    chosen.forEach(function (x) { form.append("files", x.file, x.name); });
    var xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/batches");
    xhr.upload.onprogress = function (e) {
      if (e.lengthComputable) showMessage("正在上传 " + chosen.length + " 个文件：" + Math.round((e.loaded / e.total) * 100) + "%");
    };
    xhr.onerror = function () { showMessage("上传失败：与服务器的连接中断。请检查网络后重试。", true); };
    xhr.onload = function () {
      var body = null;
      try { body = JSON.parse(xhr.responseText); } catch (e) { body = null; }
      if (xhr.status === 201 && body) {
        var note = skipped + (body.skipped ? body.skipped.length : 0);
        showMessage(note ? "已跳过 " + note + " 个非文档文件。" : "");
        openBatch(body.id);
        refreshHistory();
      } else if (xhr.status === 401) showLogin();
      else {
        var t = body && body.error ? body.error.message + (body.error.detail ? "（" + body.error.detail + "）" : "") + " [" + body.error.code + "]" : "上传失败（HTTP " + xhr.status + "）";
        if (xhr.status === 503) t += " 建议等待 " + (xhr.getResponseHeader("retry-after") || "30") + " 秒。";
        showMessage(t, true);
      }
    };
    showMessage("正在上传 " + chosen.length + " 个文件……");
    xhr.send(form);
  }

  $("file-input").addEventListener("change", function () { upload(filesFromInput(this)); });
  $("folder-input").addEventListener("change", function () { upload(filesFromInput(this)); });
  var drop = $("drop");
  drop.addEventListener("dragover", function (e) { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", function () { drop.classList.remove("over"); });
  drop.addEventListener("drop", function (e) {
    e.preventDefault();
    drop.classList.remove("over");
    filesFromDrop(e.dataTransfer).then(upload);
  });

  // ---- one batch ----
  function stateText(f) {
    if (f.state === "queued") return ["等待中", ""];
    if (f.state === "running") return ["分析中……", "state-running"];
    if (f.status === "error") return ["无法读取" + (f.errorCode ? "（" + f.errorCode + "）" : ""), "state-error"];
    return f.passed === false ? ["未通过", "state-fail"] : ["通过", "state-pass"];
  }

  function renderFiles(files) {
    var body = $("files").tBodies[0];
    clear(body);
    files.forEach(function (f) {
      var tr = el("tr");
      tr.id = "file-" + f.idx;
      tr.appendChild(el("td", f.idx + 1, "num"));
      tr.appendChild(el("td", f.name));
      var s = stateText(f);
      tr.appendChild(el("td", s[0], s[1]));
      body.appendChild(tr);
    });
  }

  function updateFile(e) {
    var row = $("file-" + e.idx);
    if (!row) return;
    var s = stateText(e);
    row.cells[2].textContent = s[0];
    row.cells[2].className = s[1];
  }

  function setProgress(done, total, status, counts) {
    $("bar").style.width = (total ? Math.round((done / total) * 100) : 0) + "%";
    var text = (BATCH_STATUS[status] || status) + "：已完成 " + done + " / " + total + " 份";
    if (counts) text += " · 通过 " + counts.passed + " · 未通过 " + counts.failed + " · 无法读取 " + counts.errors;
    $("batch-status").textContent = text;
  }

  function showResults(view) {
    var box = $("downloads");
    clear(box);
    box.appendChild(el("span", "下载："));
    view.downloads.forEach(function (d) {
      var a = el("a", d.label);
      a.href = d.href + (d.file === "report.html" ? "?download=1" : "");
      a.setAttribute("download", "");
      a.setAttribute("data-file", d.file);
      box.appendChild(a);
    });
    box.hidden = false;
    var frame = $("report");
    frame.src = "/api/batches/" + view.id + "/report.html";
    frame.hidden = false;
  }

  function openBatch(id) {
    if (events) { events.close(); events = null; }
    current = id;
    $("batch").hidden = false;
    $("downloads").hidden = true;
    $("report").hidden = true;
    $("report").removeAttribute("src");
    markCurrent();
    api("GET", "/api/batches/" + id).then(function (res) {
      if (!res.ok) return errorText(res).then(function (t) { showMessage(t, true); });
      return res.json().then(function (view) {
        if (current !== id) return;
        $("batch-title").textContent = "本批文档（" + new Date(view.createdAt).toLocaleString("zh-CN") + " 上传，共 " + view.total + " 份）";
        renderFiles(view.files);
        var finished = view.status === "done" || view.status === "interrupted";
        setProgress(view.done, view.total, view.status, finished ? view : null);
        // Once finished the report matters more than the per-file list, which stays one click away.
        $("files-box").open = !finished;
        if (finished) { showResults(view); return; }
        follow(id);
      });
    }).catch(function () {});
  }

  function follow(id) {
    var es = new EventSource("/api/batches/" + id + "/events");
    events = es;
    es.addEventListener("snapshot", function (m) {
      var v = JSON.parse(m.data);
      renderFiles(v.files);
      setProgress(v.done, v.total, v.status);
    });
    es.addEventListener("file", function (m) {
      var e = JSON.parse(m.data);
      updateFile(e);
      setProgress(e.done, e.total, e.batchStatus);
    });
    es.addEventListener("done", function () {
      es.close();
      if (events === es) events = null;
      if (current === id) openBatch(id);
      refreshHistory();
    });
  }

  // ---- history ----
  function markCurrent() {
    var rows = $("batches").tBodies[0].rows;
    for (var i = 0; i < rows.length; i++) rows[i].classList.toggle("current", rows[i].getAttribute("data-id") === current);
  }

  function renderHistory(batches) {
    var body = $("batches").tBodies[0];
    clear(body);
    $("no-batches").hidden = batches.length > 0;
    batches.forEach(function (b) {
      var tr = el("tr");
      tr.setAttribute("data-id", b.id);
      tr.appendChild(el("td", new Date(b.createdAt).toLocaleString("zh-CN")));
      tr.appendChild(el("td", b.total, "num"));
      tr.appendChild(el("td", b.passed, "num"));
      tr.appendChild(el("td", b.failed, "num"));
      tr.appendChild(el("td", b.errors, "num"));
      tr.appendChild(el("td", (BATCH_STATUS[b.status] || b.status) + (b.status === "done" ? "" : "（" + b.done + "/" + b.total + "）")));
      var actions = el("td");
      var view = el("button", "查看");
      view.type = "button";
      view.className = "view";
      view.addEventListener("click", function () { openBatch(b.id); });
      var del = el("button", "删除", "danger delete");
      del.type = "button";
      del.addEventListener("click", function () {
        if (!window.confirm("删除这一批的文件和结果？删除后不能恢复。")) return;
        api("DELETE", "/api/batches/" + b.id).then(function (res) {
          if (!res.ok && res.status !== 404) return errorText(res).then(function (t) { showMessage(t, true); });
          if (current === b.id) { current = null; $("batch").hidden = true; if (events) { events.close(); events = null; } }
          refreshHistory();
        }).catch(function () {});
      });
      actions.appendChild(view);
      actions.appendChild(document.createTextNode(" "));
      actions.appendChild(del);
      tr.appendChild(actions);
      body.appendChild(tr);
    });
    markCurrent();
  }

  function refreshHistory() {
    api("GET", "/api/batches").then(function (res) {
      if (res.ok) return res.json().then(function (j) { renderHistory(j.batches); });
    }).catch(function () {});
  }

  start();
})();
`;
