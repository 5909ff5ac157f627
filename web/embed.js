// Anole for tutorial pages: include this one module script, and every <pre class="anole"> block on
// the page becomes a small editor with a Run button, an output area and the specialization overlay.
//
//   <link rel="stylesheet" href="embed.css">   (optional: the script adds it when it is missing)
//   <script type="module" src="embed.js"></script>
//   <pre class="anole">def f2c(f):
//       return (f - 32) * 5 / 9
//   print(f2c(212.0))</pre>
//
// It runs the engine in the same Web Worker as the playground (worker.js next to this file, with
// anole.wasm), one worker shared by every block, so it needs no cross-origin isolation headers:
// plain static hosting of build/web is enough. It touches only its own blocks: every element it
// makes is inside the block it replaces, and its styles are scoped to .anole-embed.

import './embed.css';
import { createEditor } from './editor.js';
import { clearChunks, showChunks } from './marks.js';
import { EngineClient } from './protocol.js';

const BLOCK_SELECTOR = 'pre.anole';
const FILENAME = 'main.py';
const OUTPUT_LIMIT = 200_000;   // characters of output a block keeps (the newest)

let engine = null;
let engineState = 'loading';
const waitingForEngine = new Set();

function ensureStylesheet() {
  const href = new URL('./embed.css', import.meta.url).href;
  const present = [...document.querySelectorAll('link[rel="stylesheet"]')].some((link) => link.href === href);
  if (present) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  document.head.append(link);
}

function getEngine() {
  if (engine) return engine;
  const wasmUrl = new URL('./anole.wasm', import.meta.url);
  const compiled = (typeof WebAssembly.compileStreaming === 'function'
    ? WebAssembly.compileStreaming(fetch(wasmUrl))
    : fetch(wasmUrl).then((response) => response.arrayBuffer()).then((bytes) => WebAssembly.compile(bytes))
  ).catch(() => null);
  engine = new EngineClient({
    onReady: () => {
      engineState = 'ready';
      for (const block of waitingForEngine) block.setStatus('');
      waitingForEngine.clear();
    },
    onFailed: (message) => {
      engineState = 'failed';
      for (const block of waitingForEngine) block.setStatus(`The engine failed to load: ${message}`);
    },
  }, compiled);
  return engine;
}

// One queue for all blocks: the shared worker runs one program at a time.
let queue = Promise.resolve();

let blockCount = 0;

function enhance(pre) {
  if (pre.dataset.anoleEmbedded) return;
  pre.dataset.anoleEmbedded = 'true';
  const index = ++blockCount;
  const source = pre.textContent.replace(/^\n/, '').replace(/\s+$/, '') + '\n';
  const label = pre.getAttribute('aria-label') || pre.dataset.title || `Python example ${index}`;

  const root = document.createElement('div');
  root.className = 'anole-embed';
  root.setAttribute('role', 'group');
  root.setAttribute('aria-label', label);

  const editorBox = document.createElement('div');
  editorBox.className = 'anole-embed-editor';

  const bar = document.createElement('div');
  bar.className = 'anole-embed-bar';
  const runButton = document.createElement('button');
  runButton.type = 'button';
  runButton.className = 'anole-embed-run';
  runButton.textContent = 'Run';
  runButton.title = 'Run (Ctrl-Enter in the editor)';
  const stopButton = document.createElement('button');
  stopButton.type = 'button';
  stopButton.className = 'anole-embed-stop';
  stopButton.textContent = 'Stop';
  stopButton.hidden = true;
  const status = document.createElement('span');
  status.className = 'anole-embed-status';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  bar.append(runButton, stopButton, status);

  const output = document.createElement('pre');
  output.className = 'anole-embed-output';
  output.setAttribute('aria-label', `Output of ${label}`);
  output.hidden = true;

  const inputRow = document.createElement('form');
  inputRow.className = 'anole-embed-input';
  inputRow.hidden = true;
  const inputField = document.createElement('input');
  inputField.type = 'text';
  inputField.setAttribute('aria-label', 'Input for the program');
  inputField.autocomplete = 'off';
  const inputSend = document.createElement('button');
  inputSend.type = 'submit';
  inputSend.textContent = 'Enter';
  inputRow.append(inputField, inputSend);

  root.append(editorBox, bar, output, inputRow);
  pre.replaceWith(root);

  const block = {
    setStatus(text) {
      status.textContent = text;
    },
  };

  let running = false;
  // True while this block's program (not another block's) is the one in the shared worker.
  let active = false;
  const view = createEditor(editorBox, { doc: source, onRun: () => run(), onChange: () => {} });
  view.contentDOM.setAttribute('aria-label', `${label}: Python program`);

  // A block keeps the last OUTPUT_LIMIT characters of output: a print loop must not grow the
  // tutorial page without bound (the worker already caps the rate).
  let outputChars = 0;
  function write(stream, text) {
    output.hidden = false;
    if (stream === 'stderr') {
      const span = document.createElement('span');
      span.className = 'anole-embed-stderr';
      span.textContent = text;
      output.append(span);
    } else {
      output.append(document.createTextNode(text));
    }
    outputChars += text.length;
    while (outputChars > OUTPUT_LIMIT && output.firstChild && output.firstChild !== output.lastChild) {
      outputChars -= output.firstChild.textContent.length;
      output.firstChild.remove();
    }
  }

  // input(): a line field under the output; the prompt is already in the output.
  function readLine() {
    return new Promise((resolve) => {
      inputRow.hidden = false;
      inputField.value = '';
      inputField.focus();
      inputRow.onsubmit = (event) => {
        event.preventDefault();
        const line = inputField.value;
        inputRow.hidden = true;
        inputRow.onsubmit = null;
        write('stdout', line + '\n');
        resolve(line);
      };
    });
  }

  async function run() {
    if (running) return;
    running = true;
    runButton.setAttribute('aria-disabled', 'true');
    stopButton.hidden = false;
    const text = view.state.doc.toString();
    clearChunks(view);
    output.textContent = '';
    outputChars = 0;
    output.hidden = true;
    const client = getEngine();
    if (engineState === 'loading') {
      waitingForEngine.add(block);
      block.setStatus('Loading the engine…');
    } else {
      block.setStatus('Waiting…');
    }
    const turn = queue.then(async () => {
      if (engineState !== 'loading') block.setStatus('Running…');
      active = true;
      return client.run(text, FILENAME, { onOutput: write, onInput: readLine });
    });
    queue = turn.catch(() => {});
    let result;
    try {
      result = await turn;
    } catch (error) {
      result = { crashed: String(error && error.message ? error.message : error) };
    }
    running = false;
    active = false;
    inputRow.hidden = true;
    runButton.removeAttribute('aria-disabled');
    stopButton.hidden = true;
    // A replaced worker printed nothing; otherwise the engine printed KeyboardInterrupt itself.
    if (result.stopped && result.replaced) write('stderr', '\nKeyboardInterrupt\n');
    if (result.crashed) write('stderr', `\n[the engine crashed: ${result.crashed}]\n`);
    if (result.report && view.state.doc.toString() === text) showChunks(view, result.report.chunks);
    if (result.stopped) block.setStatus('Stopped.');
    else if (result.crashed) block.setStatus('The engine crashed.');
    else block.setStatus(result.status === 0 ? 'Done. Green: specialized; red: not.' : 'Ended with an exception.');
    root.dataset.runs = String(Number(root.dataset.runs || 0) + 1);
  }

  runButton.addEventListener('click', () => run());
  stopButton.addEventListener('click', () => {
    if (active) getEngine().stop();
  });
}

function enhanceAll() {
  const blocks = document.querySelectorAll(BLOCK_SELECTOR);
  if (blocks.length === 0) return;
  ensureStylesheet();
  for (const pre of blocks) enhance(pre);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', enhanceAll, { once: true });
else enhanceAll();
