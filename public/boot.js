// Starts the app. Kept in a file of its own (not inline in index.html) so that the
// Content-Security-Policy can forbid inline scripts. Trunk writes the hashed file names
// into this script element's data attributes (see pattern_script in Trunk.toml).
const boot = document.querySelector('script[data-care-planner-wasm]');

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
