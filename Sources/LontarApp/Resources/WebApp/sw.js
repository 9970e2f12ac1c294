// Lontar's service worker: the site keeps working on a weak or absent connection.
// Static files: from the cache, refreshed in the background. Course files (/berkas/, immutable
// by id): from the cache, else the network. Course, lesson and quiz pages: the network first,
// the stored copy when it fails; every such page read is stored. Other pages: the network,
// else the offline page. POSTs and /api are never touched. Bump VERSION to drop old caches.
"use strict";
var VERSION = "v1";
var STATIC = "lontar-static-" + VERSION;
var PAGES = "lontar-pages-" + VERSION;
var FILES = "lontar-files-" + VERSION;
var OFFLINE = "/luring";
var PRECACHE = [OFFLINE, "/static/lontar.css", "/static/lontar.js", "/static/learn.js", "/static/favicon.svg", "/manifest.webmanifest"];
// Files opened while reading are kept when small; larger ones only when the learner saves
// the course for offline use (learn.js), so nothing large is stored unasked.
var AUTO_FILE_LIMIT = 5 * 1024 * 1024;
var LEARNING_PAGE = /^\/(kursus|materi|kuis|percobaan)\/[0-9A-Fa-f-]{36}$/;

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(STATIC).then(function (cache) {
    return cache.addAll(PRECACHE.map(function (url) { return new Request(url, { cache: "reload" }); }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  var keep = [STATIC, PAGES, FILES];
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf("lontar-") === 0 && keep.indexOf(name) < 0;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

function usable(response) {
  return response && response.ok && !response.redirected && response.type === "basic";
}

function store(cacheName, request, response) {
  var copy = response.clone();
  caches.open(cacheName).then(function (cache) { return cache.put(request, copy); });
}

function staleWhileRevalidate(event) {
  var request = event.request;
  var network = fetch(request).then(function (response) {
    if (usable(response)) { store(STATIC, request, response); }
    return response;
  });
  event.respondWith(caches.match(request, { ignoreSearch: true }).then(function (cached) {
    if (cached) { event.waitUntil(network.catch(function () {})); return cached; }
    return network;
  }));
}

function courseFile(event) {
  var request = event.request;
  event.respondWith(caches.match(request.url, { ignoreSearch: true, ignoreVary: true }).then(function (cached) {
    if (cached) { return cached; }
    return fetch(request).then(function (response) {
      var size = Number(response.headers.get("Content-Length") || 0);
      if (usable(response) && response.status === 200 && !request.headers.has("Range") && size > 0 && size <= AUTO_FILE_LIMIT) {
        store(FILES, request.url, response);
      }
      return response;
    });
  }));
}

function networkFirst(event, keep) {
  var request = event.request;
  event.respondWith(fetch(request).then(function (response) {
    if (keep && usable(response)) { store(PAGES, request.url, response); }
    return response;
  }).catch(function () {
    return caches.match(request.url, { ignoreSearch: true }).then(function (cached) {
      if (cached) { return cached; }
      var fallback = request.mode === "navigate" ? caches.match(OFFLINE) : Promise.resolve(null);
      return fallback.then(function (page) { return page || Response.error(); });
    });
  }));
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") { return; }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.indexOf("/api/") === 0) { return; }
  if (url.pathname.indexOf("/static/") === 0 || url.pathname === "/manifest.webmanifest") {
    return staleWhileRevalidate(event);
  }
  if (url.pathname.indexOf("/berkas/") === 0) { return courseFile(event); }
  var learning = LEARNING_PAGE.test(url.pathname) && !url.search;
  if (learning || request.mode === "navigate") { return networkFirst(event, learning); }
});
