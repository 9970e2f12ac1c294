// Lontar e-learning offline: installs the service worker, keeps what a learner does without a
// signal in an outbox (localStorage, one key per record) and sends it to /belajar/sinkron,
// and offers "save for offline" on a course's home. Texts come from data-t-* on <body>.
(function () {
  "use strict";
  var body = document.body;
  if (!body) { return; }
  var VERSION = "v1"; // the same as in sw.js
  var STATIC = "lontar-static-" + VERSION, PAGES = "lontar-pages-" + VERSION, FILES = "lontar-files-" + VERSION;
  var SYNC = "/belajar/sinkron", OFFLINE = "/luring";
  var learner = body.getAttribute("data-learner") || "";
  var OUT = "lontar.out." + learner + ".", REJ = "lontar.rej." + learner, OFF = "lontar.off.";
  var status = document.getElementById("net-status");
  var store = null;
  try { localStorage.setItem("lontar.probe", "1"); localStorage.removeItem("lontar.probe"); store = localStorage; } catch (e) {}
  var seq = 0, busy = false, timer = 0, signIn = false, note = "";

  function each(list, fn) { Array.prototype.forEach.call(list, fn); }
  function t(name, args) {
    var text = body.getAttribute("data-t-" + name) || "";
    (args || []).forEach(function (a, i) { text = text.split("{" + i + "}").join(String(a)); });
    return text;
  }
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text) { node.textContent = text; }
    return node;
  }
  function read(key) { try { return JSON.parse(store.getItem(key)); } catch (e) { return null; } }
  function keys(prefix) {
    var found = [];
    for (var i = 0; store && i < store.length; i++) { if (store.key(i).indexOf(prefix) === 0) { found.push(store.key(i)); } }
    return found;
  }
  function uuid() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var b = new Uint8Array(16);
    if (window.crypto && crypto.getRandomValues) { crypto.getRandomValues(b); } else { for (var i = 0; i < 16; i++) { b[i] = Math.random() * 256 | 0; } }
    b[6] = b[6] & 15 | 64; b[8] = b[8] & 63 | 128;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return [h.slice(0, 8), h.slice(8, 12), h.slice(12, 16), h.slice(16, 20), h.slice(20)].join("-");
  }
  function bytes(n) {
    var units = ["B", "KB", "MB", "GB"], i = 0;
    while (n >= 1024 && i < 3) { n /= 1024; i++; }
    return new Intl.NumberFormat(document.documentElement.lang || "id", { maximumFractionDigits: i ? 1 : 0 }).format(n) + " " + units[i];
  }

  // Outbox ------------------------------------------------------------------
  function pending() {
    return keys(OUT).map(read).filter(Boolean).sort(function (a, b) { return a.s - b.s; });
  }
  function queue(event) {
    if (!store || !learner) { return false; }
    event.id = uuid();
    event.at = new Date().toISOString();
    store.setItem(OUT + event.id, JSON.stringify({ s: Date.now() * 1000 + seq++ % 1000, e: event }));
    render();
    schedule(300);
    return true;
  }
  function drop(test) { pending().forEach(function (item) { if (test(item.e)) { store.removeItem(OUT + item.e.id); } }); }
  function schedule(ms) { clearTimeout(timer); timer = setTimeout(flush, ms); }
  function rejected() { return (store && read(REJ)) || []; }
  function reject(message) { store.setItem(REJ, JSON.stringify(rejected().concat([message]).slice(-5))); }

  function send(batch) {
    return fetch(SYNC, {
      method: "POST", credentials: "same-origin", redirect: "manual",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": body.getAttribute("data-csrf") || "" },
      body: JSON.stringify({ events: batch })
    }).then(function (res) {
      var json = (res.headers.get("Content-Type") || "").indexOf("json") >= 0;
      return (json ? res.json() : Promise.resolve(null)).then(function (data) { return { status: res.status, data: data }; });
    });
  }
  // A page read from the cache may carry an old CSRF token: the offline page has a fresh one.
  function refreshToken() {
    return fetch(OFFLINE, { credentials: "same-origin", cache: "no-store" }).then(function (r) { return r.text(); }).then(function (html) {
      var m = /data-csrf="([^"]+)"/.exec(html);
      if (m) { body.setAttribute("data-csrf", m[1]); }
    });
  }

  async function flush() {
    var items = store && learner ? pending() : [];
    if (busy || !items.length || !navigator.onLine) {
      // Some browsers never say "online": look again now and then while records wait.
      if (items.length && !busy) { schedule(20000); }
      render();
      return;
    }
    busy = true;
    note = t("sending");
    render();
    // The site reads at most 64 KB of a form's body: batches stay well under it, in bytes.
    var batch = [], size = 0, utf8 = window.TextEncoder ? new TextEncoder() : null;
    items.some(function (item) {
      var text = JSON.stringify(item.e), length = utf8 ? utf8.encode(text).length : text.length * 3;
      if (batch.length && (batch.length >= 50 || size + length > 48000)) { return true; }
      batch.push(item.e); size += length; return false;
    });
    var again = false, refused = 0;
    try {
      var res = await send(batch);
      if (res.status === 403 && !res.data) { await refreshToken(); res = await send(batch); }
      signIn = res.status === 0 || res.status === 401 || (res.status === 403 && !res.data);
      if (res.status === 200 && res.data && res.data.results) {
        res.data.results.forEach(function (r) {
          store.removeItem(OUT + r.id);
          if (r.status === "rejected" || (r.status === "duplicate" && r.original === "rejected")) { reject(r.message); refused++; }
        });
        again = items.length > batch.length;
      } else if ((res.status === 413 || res.status === 422) && batch.length === 1) {
        // One record the server can never take (too large): say so rather than retry forever.
        store.removeItem(OUT + batch[0].id);
        reject(res.data && res.data.error ? res.data.error.message : t("too-large"));
      }
    } catch (e) { /* no connection: everything stays queued */ }
    busy = false;
    note = again || refused || pending().length ? "" : t("saved");
    render();
    if (again) { schedule(0); } else if (pending().length && !signIn) { schedule(30000); }
    if (note) { setTimeout(function () { note = ""; render(); }, 4000); }
  }

  function render() {
    if (!status) { return; }
    var waiting = store && learner ? pending().length : 0, parts = [], problems = rejected();
    if (!navigator.onLine) { parts.push(t("offline")); }
    if (waiting) { parts.push(t("waiting", [waiting])); }
    if (signIn && waiting) { parts.push(t("sign-in")); }
    if (note) { parts.push(note); }
    status.textContent = "";
    if (parts.length) { status.appendChild(el("span", "", parts.join(" — "))); }
    if (problems.length) {
      var list = el("ul", "net-rejected");
      problems.forEach(function (m) { list.appendChild(el("li", "", t("rejected", [m]))); });
      var close = el("button", "link", t("dismiss"));
      close.type = "button";
      close.addEventListener("click", function () { store.removeItem(REJ); render(); });
      status.appendChild(list);
      status.appendChild(close);
    }
    status.classList.toggle("offline", !navigator.onLine);
    status.hidden = !parts.length && !problems.length;
    pending().forEach(function (item) {
      if (item.e.type === "lessonDone") { each(document.querySelectorAll('a[href="/materi/' + item.e.lessonId + '"]'), function (a) { a.classList.add("queued-done"); }); }
    });
  }

  // Lessons and quizzes ------------------------------------------------------
  var lesson = document.querySelector("[data-lesson-id]");
  // A lesson read from the worker's cache was not seen by the server: tell it later.
  if (lesson && store && learner && navigator.serviceWorker && navigator.serviceWorker.controller) {
    reachable().then(function (online) { if (!online) { queue({ type: "lessonOpened", lessonId: lesson.getAttribute("data-lesson-id") }); } });
  }

  var attemptForm = document.getElementById("attempt-form");
  var attemptID = attemptForm && attemptForm.getAttribute("data-attempt-id");
  var typing = {};
  function answer(fieldset) {
    var q = fieldset.getAttribute("data-question"), shape = fieldset.getAttribute("data-shape"), name = "q." + q, value = null;
    var inputs = fieldset.querySelectorAll('[name="' + name + '"]');
    if (shape === "choices") {
      var picked = [], multiple = false;
      each(inputs, function (i) { multiple = multiple || i.type === "checkbox"; if (i.checked) { picked.push(Number(i.value)); } });
      value = picked.length || multiple ? { choices: picked } : null;
    } else if (shape === "boolean") {
      each(inputs, function (i) { if (i.checked) { value = { boolean: i.value === "true" }; } });
    } else if (shape === "matches") {
      value = { matches: {} };
      each(fieldset.querySelectorAll('select[name^="' + name + '."]'), function (s) { if (s.value) { value.matches[s.name.slice(name.length + 1)] = s.value; } });
    } else if ((shape === "text" || shape === "number" || shape === "essay") && inputs[0]) {
      value = {};
      value[shape] = inputs[0].value;
    }
    if (!value || !attemptID) { return; }
    // Only the latest unsent answer to a question matters.
    drop(function (e) { return e.type === "answer" && e.attemptId === attemptID && e.questionId === q; });
    queue({ type: "answer", attemptId: attemptID, questionId: q, response: value });
  }
  function answered(event) {
    var fieldset = event.target.closest && event.target.closest("fieldset.question");
    if (!fieldset || !attemptForm || !attemptForm.contains(fieldset)) { return; }
    var q = fieldset.getAttribute("data-question");
    clearTimeout(typing[q]);
    if (event.type === "input" && event.target.type !== "radio" && event.target.type !== "checkbox" && event.target.tagName !== "SELECT") {
      typing[q] = setTimeout(function () { delete typing[q]; answer(fieldset); }, 800);
    } else {
      delete typing[q];
      answer(fieldset);
    }
  }
  document.addEventListener("change", answered);
  document.addEventListener("input", answered);

  function queuedNote(form, text) {
    var p = form.querySelector(".queued-note") || form.appendChild(el("p", "notice queued-note"));
    p.setAttribute("role", "status");
    p.textContent = text;
  }
  function idle(form) {
    each(form.querySelectorAll("[aria-busy='true']"), function (b) { b.textContent = b.getAttribute("data-idle"); b.removeAttribute("aria-busy"); });
  }

  // Whether the server answers now. navigator.onLine is true on a Wi-Fi without internet,
  // so a form is only kept on the device when a small request really fails.
  function reachable() {
    if (!navigator.onLine) { return Promise.resolve(false); }
    var abort = window.AbortController ? new AbortController() : null;
    if (abort) { setTimeout(function () { abort.abort(); }, 5000); }
    return fetch("/healthz", { method: "HEAD", cache: "no-store", signal: abort && abort.signal })
      .then(function (r) { return r.ok; }, function () { return false; });
  }
  // Sends the form as the browser would have, keeping the button pressed (save or finish).
  function resubmit(form, submitter) {
    if (submitter && submitter.name) {
      var field = el("input");
      field.type = "hidden"; field.name = submitter.name; field.value = submitter.value;
      form.appendChild(field);
    }
    form.submit();
  }

  document.addEventListener("submit", function (event) {
    var form = event.target, submitter = event.submitter;
    if (event.defaultPrevented) { return; }
    if (form.getAttribute("action") === "/keluar") { return signOut(event, form); }
    var action = (submitter && submitter.getAttribute("formaction")) || form.getAttribute("action") || "";
    var finishing = /^\/percobaan\/[^/]+\/selesai$/.test(action) || !!(submitter && submitter.name === "action" && submitter.value === "finish");
    var done = form.getAttribute("data-offline") === "lesson-done" && form.querySelector('[name="lessonId"]');
    var quiz = form === attemptForm || finishing;
    if (!store || !learner || !(done || quiz)) { return; }
    event.preventDefault();
    reachable().then(function (online) {
      if (online) {
        // The form itself carries every answer: queued ones would only arrive after it.
        if (quiz) { Object.keys(typing).forEach(function (q) { clearTimeout(typing[q]); }); drop(function (e) { return e.type === "answer" && e.attemptId === attemptID; }); }
        return resubmit(form, submitter);
      }
      idle(form);
      if (done) {
        queue({ type: "lessonDone", lessonId: done.value });
        each(form.querySelectorAll("button"), function (b) { b.disabled = true; });
        var next = document.querySelector('a[rel~="next"]');
        if (next) { setTimeout(function () { location.href = next.href; }, 1500); }
      } else {
        Object.keys(typing).forEach(function (q) {
          clearTimeout(typing[q]);
          answer(document.querySelector('fieldset.question[data-question="' + q + '"]'));
        });
        typing = {};
        var id = attemptID || (/^\/percobaan\/([^/]+)\//.exec(action) || [])[1];
        if (finishing && id) { queue({ type: "finish", attemptId: id }); }
      }
      queuedNote(form, t(done ? "done-queued" : "answers-queued"));
    });
  });

  // Sign-out: send what is waiting, then forget this person's stored pages on this device.
  function signOut(event, form) {
    if (form.getAttribute("data-leaving")) { return; }
    event.preventDefault();
    form.setAttribute("data-leaving", "1");
    var wait = new Promise(function (resolve) { setTimeout(resolve, 4000); });
    Promise.race([flush(), wait]).then(forget).catch(function () {}).then(function () { form.submit(); });
  }
  function forget() {
    keys(OFF).forEach(function (k) { store.removeItem(k); });
    store.removeItem("lontar.offlinePage");
    return window.caches ? Promise.all([caches.delete(PAGES), caches.delete(FILES), caches.open(STATIC).then(function (c) { return c.delete(OFFLINE); })]) : null;
  }

  // "Save for offline" on a course's home --------------------------------------
  async function control(box) {
    var id = box.getAttribute("data-course-id"), key = OFF + id, saved = store && read(key), pkg = null;
    if (!id || !store || !window.caches || !("serviceWorker" in navigator)) { return; }
    try {
      var r = await fetch("/kursus/" + id + "/luring.json", { credentials: "same-origin", cache: "no-store" });
      if (r.ok) { pkg = await r.json(); }
    } catch (e) {}
    if (!pkg && !saved) { return; }
    var section = el("section", "box offline-control"), line = el("p", "ctl-status");
    line.setAttribute("role", "status");
    section.appendChild(el("h2", "", t("ctl-title")));
    var files = null;
    if (pkg) {
      var open = pkg.pages.filter(function (p) { return !p.locked; });
      section.appendChild(el("p", "hint", t("ctl-size", [open.length, bytes(pkg.pagesBytes)])));
      if (open.length < pkg.pages.length) { section.appendChild(el("p", "hint", t("ctl-locked", [pkg.pages.length - open.length]))); }
      if (saved && saved.rev < pkg.revision) { section.appendChild(el("p", "notice", t("ctl-stale"))); }
      if (pkg.files.length) {
        var label = el("label", "check");
        files = el("input");
        files.type = "checkbox";
        files.checked = !!(saved && saved.files.length);
        label.appendChild(files);
        label.appendChild(document.createTextNode(" " + t("ctl-files", [pkg.files.length, bytes(pkg.filesBytes)])));
        section.appendChild(label);
      }
    }
    var actions = el("p", "actions");
    if (pkg) {
      var save = el("button", "button", t(saved ? "ctl-update" : "ctl-save"));
      save.type = "button";
      save.addEventListener("click", function () {
        save.disabled = true;
        download(pkg, files && files.checked, line).then(function () { save.disabled = false; save.textContent = t("ctl-update"); });
      });
      actions.appendChild(save);
    }
    var remove = el("button", "button secondary", t("ctl-remove"));
    remove.type = "button";
    remove.hidden = !saved;
    remove.addEventListener("click", function () {
      var record = read(key) || { pages: [], files: [] };
      Promise.all([caches.open(PAGES), caches.open(FILES)]).then(function (c) {
        return Promise.all(record.pages.concat(record.files).map(function (u) { return Promise.all([c[0].delete(u), c[1].delete(u)]); }));
      }).then(function () { store.removeItem(key); remove.hidden = true; line.textContent = t("ctl-removed"); });
    });
    actions.appendChild(remove);
    section.appendChild(actions);
    section.appendChild(line);
    if (saved) { line.textContent = t("ctl-done", [saved.pages.length, saved.files.length]); }
    box.textContent = "";
    box.appendChild(section);

    async function download(pkg, withFiles, out) {
      var pageCache = await caches.open(PAGES), fileCache = await caches.open(FILES), ok = { pages: [], files: [] }, failed = 0;
      var list = pkg.pages.filter(function (p) { return !p.locked; }).map(function (p) { return [pageCache, p.url, ok.pages]; });
      if (withFiles) { list = list.concat(pkg.files.map(function (f) { return [fileCache, f.url, ok.files]; })); }
      for (var i = 0; i < list.length; i++) {
        out.textContent = t("ctl-progress", [i + 1, list.length]);
        try {
          // "Purpose: prefetch" tells the lesson page not to count this as the learner opening it.
          var res = await fetch(list[i][1], { credentials: "same-origin", headers: { Purpose: "prefetch" } });
          if (!res.ok || res.redirected) { throw new Error(res.status); }
          await list[i][0].put(list[i][1], res);
          list[i][2].push(list[i][1]);
        } catch (e) { failed++; }
      }
      store.setItem(key, JSON.stringify({ rev: pkg.revision, title: pkg.title, url: pkg.pages[0].url, pages: ok.pages, files: ok.files }));
      out.textContent = t("ctl-done", [ok.pages.length, ok.files.length]) + (failed ? " " + t("ctl-failed", [failed]) : "");
      remove.hidden = false;
    }
  }
  each(document.querySelectorAll("#offline-control[data-course-id]"), control);

  // The offline page lists the courses stored on this device.
  var saved = document.getElementById("offline-courses");
  if (saved && store) {
    keys(OFF).map(read).filter(Boolean).forEach(function (c) {
      var li = el("li"), a = el("a", "", c.title);
      a.href = c.url;
      li.appendChild(a);
      saved.appendChild(li);
    });
    if (!saved.children.length) { saved.appendChild(el("li", "muted", saved.getAttribute("data-empty"))); }
  }

  if ("serviceWorker" in navigator) { navigator.serviceWorker.register("/sw.js").catch(function () {}); }
  // The stored offline page speaks the language, and shows the person, of whoever stored it.
  var marker = document.documentElement.lang + learner;
  if (store && window.caches && navigator.onLine && navigator.serviceWorker && navigator.serviceWorker.controller && store.getItem("lontar.offlinePage") !== marker) {
    caches.open(STATIC).then(function (c) { return c.add(OFFLINE); }).then(function () { store.setItem("lontar.offlinePage", marker); }).catch(function () {});
  }
  window.addEventListener("online", flush);
  document.addEventListener("visibilitychange", function () { if (!document.hidden) { flush(); } });
  window.addEventListener("offline", render);
  window.addEventListener("pageshow", render);
  if (store && learner) { flush(); } else { render(); }
})();
