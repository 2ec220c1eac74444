// Starts the app. Kept in a file of its own (not inline in index.html) so that the
// Content-Security-Policy can forbid inline scripts. Trunk writes the hashed file names
// into this script element's data attributes (see pattern_script in Trunk.toml).
const boot = document.querySelector('script[data-care-planner-wasm]');

// The update prompt (src/components/update_prompt.rs) listens for UPDATE_READY; the flag
// on window covers an update found before the app was listening.
const UPDATE_READY = 'care-planner-update-available';
const UPDATE_REQUESTED = 'care-planner-apply-update';
const HOURLY = 60 * 60 * 1000;

try {
  const { default: init } = await import(boot.dataset.carePlannerJs);
  await init({ module_or_path: boot.dataset.carePlannerWasm });
} catch (error) {
  // Shown as text, never as markup.
  const message = document.getElementById('loading') || document.body;
  message.textContent =
    'Care Planner could not start in this browser (' + error + '). ' +
    'It needs a recent version of Edge, Chrome, Firefox or Safari with WebAssembly allowed.';
  throw error;
}

// Offline use (docs/offline.md): sw.js keeps the app's files. Started only once the app
// runs, so its downloads never slow the first start, and any failure here only means no
// offline copy: it must never stop the app.
keepOffline().catch(() => {});

async function keepOffline() {
  // Not from a file (file:// has no service workers) nor where the browser, a policy or a
  // private window leaves them out.
  if (!['http:', 'https:'].includes(location.protocol) || !navigator.serviceWorker) return;
  const workers = navigator.serviceWorker;
  // Offline, registering would only fail to fetch sw.js; the registration already made
  // serves this page.
  const registration = navigator.onLine
    ? await workers.register('./sw.js', { scope: './', updateViaCache: 'none' })
    : await workers.getRegistration('./');
  if (!registration) return;

  const announce = () => {
    window.carePlannerUpdateReady = true;
    window.dispatchEvent(new Event(UPDATE_READY));
  };
  // A worker that finishes installing while another is active is a new version: it
  // waits (sw.js never skips waiting by itself) until the person asks for it.
  const follow = (worker) =>
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed' && registration.active) announce();
    });
  if (registration.waiting && registration.active) announce();
  follow(registration.installing);
  registration.addEventListener('updatefound', () => follow(registration.installing));

  let requested = false;
  window.addEventListener(UPDATE_REQUESTED, () => {
    if (registration.waiting) {
      requested = true;
      registration.waiting.postMessage({ type: 'skip-waiting' });
    } else {
      // Another tab has already switched to the new version: loading it is all that is left.
      location.reload();
    }
  });
  // Only the tab that asked reloads, and only once: other tabs may hold a half-typed form.
  workers.addEventListener('controllerchange', () => {
    if (!requested) return;
    requested = false;
    location.reload();
  });

  const check = () => {
    if (navigator.onLine) registration.update().catch(() => {});
  };
  setInterval(check, HOURLY);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check();
  });
}
