// Care Planner's service worker: keeps the app's own files so that it starts with the
// network off, and holds a new version back until the person chooses to reload
// (docs/offline.md). It stores only the files of the build, never case data: cases live
// in IndexedDB, which this worker never touches.
//
// The two constants below are written at build time by scripts/stamp-service-worker.mjs
// (a Trunk post_build hook): every file of dist/ and a hash of their contents. A change to
// any file therefore changes this script, which is how the browser notices a new version.
const VERSION = 'unstamped';
const PRECACHE = [];

const PREFIX = 'care-planner-';
const CACHE = PREFIX + VERSION;
const urlOf = (path) => new URL(path, self.location).href;
const PRECACHED = new Set(PRECACHE.map(urlOf));
const INDEX = urlOf('./index.html');
// The app's pages are all index.html with a fragment (#/cases/…), reached as the folder
// itself or as index.html.
const APP_PAGES = new Set([urlOf('./'), INDEX]);

self.addEventListener('install', (event) => {
  // No skipWaiting here: a new version waits until the page asks for it (see 'message').
  event.waitUntil(
    (async () => {
      if (!PRECACHE.includes('./index.html')) {
        throw new Error('sw.js was not stamped with the files of the build');
      }
      const cache = await caches.open(CACHE);
      // 'reload' skips the HTTP cache, so index.html and boot.js (not hashed) are the
      // ones on the server now, matching the hashed files they name.
      await cache.addAll(PRECACHE.map((path) => new Request(urlOf(path), { cache: 'reload' })));
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name)),
      );
      // The first version takes charge of the page that installed it, so that page is
      // already covered if the network goes. Later versions only activate when asked.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data?.type === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  url.hash = '';
  if (request.mode === 'navigate') {
    url.search = '';
    // Cache first, even online: the cached index.html names exactly the cached hashed
    // files, so a new version can never be half loaded, and never silently swapped in.
    if (APP_PAGES.has(url.href)) event.respondWith(fromCache(INDEX, request));
    return;
  }
  if (PRECACHED.has(url.href)) event.respondWith(fromCache(url.href, request));
  // Anything else goes to the network as if this worker were not here.
});

async function fromCache(key, request) {
  const cache = await caches.open(CACHE);
  return (await cache.match(key)) ?? fetch(request);
}
