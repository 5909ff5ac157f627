// The playground page: wires the editor, the terminal and the engine worker together.

import '@xterm/xterm/css/xterm.css';
import './style.css';
import examples from 'anole:examples';
import { createEditor } from './editor.js';
import { clearChunks, showChunks } from './marks.js';
import { hoverExtensions } from './hover.js';
import { createPanes, goToLine, paneExtensions } from './panes.js';
import { StateEffect } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { createTerminal } from './terminal.js';
import { EngineClient } from './protocol.js';
import { createThemeControls } from './theme.js';
import { codeFromHash, decodeSource, shareUrl } from './share.js';
import { storageGet, storageSet } from './storage.js';

// The editor's text survives reloads here; the user's own code is kept under SCRATCH_KEY when an
// example, a shared link or Reset replaces it, and EXAMPLE_KEY remembers the chosen example.
const STORAGE_KEY = 'anole.source';
const SCRATCH_KEY = 'anole.scratch';
const EXAMPLE_KEY = 'anole.example';
const FILENAME = 'main.py';
const SAVED_OPTION = '';

const exampleByName = new Map(examples.map((example) => [example.name, example]));
const defaultExample = examples[0];

let currentExample = exampleByName.get(storageGet(EXAMPLE_KEY)) ?? defaultExample;

const runButton = document.getElementById('run');
const stopButton = document.getElementById('stop');
const statusLine = document.getElementById('status');
const runningIndicator = document.getElementById('running');
const runTime = document.getElementById('run-time');
const examplesSelect = document.getElementById('examples');
const resetButton = document.getElementById('reset');
const shareButton = document.getElementById('share');
const notice = document.getElementById('notice');
const noticeText = document.getElementById('notice-text');
const shareLink = document.getElementById('share-link');
createThemeControls(document.querySelector('.toolbar'));

const terminal = createTerminal(document.getElementById('terminal'), {
  // Ctrl-C in the terminal stops a running program (and copies, as usual, when nothing runs).
  onInterrupt: () => {
    if (!engine.running) return false;
    engine.stop();
    return true;
  },
  // A traceback's `File "main.py", line N` in the output is a link to line N of the editor.
  fileLinks: { filename: FILENAME, openLine: (line) => goToLine(editor, line) },
});
const editor = createEditor(document.getElementById('editor'), {
  doc: storageGet(STORAGE_KEY) ?? currentExample.source,
  onRun: () => run(),
  onChange: (text) => storageSet(STORAGE_KEY, text),
});

// The report's readers: the tooltip, the bytecode and statistics panes, the traceback's frames.
const panes = createPanes({
  editor,
  bytecodeList: document.getElementById('bytecode'),
  bytecodeTitle: document.getElementById('bytecode-code'),
  statsBody: document.getElementById('stats-body'),
  statsEmpty: document.getElementById('stats-empty'),
  framesList: document.getElementById('frames'),
  filename: FILENAME,
});
editor.dispatch({
  effects: StateEffect.appendConfig.of([
    hoverExtensions(),
    paneExtensions(),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) panes.clear();
      else if (update.selectionSet) panes.followCursor();
    }),
  ]),
});
panes.clear();

let engineReady = false;
// The .wasm is compiled once here; every engine worker (a fresh one after each Stop) receives the
// compiled module and only instantiates it.
const wasmUrl = new URL('./anole.wasm', import.meta.url);
const compiledModule = (typeof WebAssembly.compileStreaming === 'function'
  ? WebAssembly.compileStreaming(fetch(wasmUrl))
  : fetch(wasmUrl).then((response) => response.arrayBuffer()).then((bytes) => WebAssembly.compile(bytes))
).catch(() => null);
const engine = new EngineClient({
  onReady: () => {
    // Every replacement worker (after a Stop) reports ready too; only the first load is news, so
    // the last run's status stays on the page.
    if (!engineReady && !engine.running) setStatus('Ready.');
    engineReady = true;
  },
  onFailed: (message) => setStatus(`The engine failed to load: ${message}`),
}, compiledModule);

function setStatus(text) {
  statusLine.textContent = text;
}

// A message of the page's own above the panes; error messages are announced at once.
function showNotice(text, { error = false, link = null } = {}) {
  noticeText.textContent = text;
  notice.classList.toggle('error', error);
  notice.setAttribute('role', error ? 'alert' : 'status');
  shareLink.hidden = !link;
  if (link) {
    shareLink.href = link;
    shareLink.textContent = link;
  }
  notice.dataset.kind = '';
  notice.hidden = false;
}

function hideNotice() {
  notice.hidden = true;
}

// The buttons use aria-disabled rather than disabled so that focus stays on them while a run
// starts and ends; a disabled button would drop keyboard focus to the page.
function setRunning(running) {
  runButton.setAttribute('aria-disabled', String(running));
  stopButton.setAttribute('aria-disabled', String(!running));
  runningIndicator.hidden = !running;
  document.querySelector('.panes').setAttribute('aria-busy', String(running));
}

const seconds = (milliseconds) => `${(milliseconds / 1000).toFixed(2)} s`;

function describeResult(result, milliseconds) {
  const time = seconds(milliseconds);
  if (result.stopped) return `Stopped after ${time}.`;
  if (result.crashed) return `The engine crashed (${result.crashed}); the next run starts fresh.`;
  if (result.status === 0) return `Finished in ${time}.`;
  return `Ended with an exception after ${time}.`;
}

const testHook = {
  runs: 0, lastResult: null, hashLoads: 0, editor, terminalText: () => terminal.text(),
};

async function run() {
  if (engine.running) return;
  const source = editor.state.doc.toString();
  clearChunks(editor);
  panes.clear();
  if (notice.dataset.kind === 'cold') hideNotice();
  terminal.clear();
  setRunning(true);
  setStatus(engineReady ? 'Running…' : 'Loading the engine…');
  const started = performance.now();
  let stderrText = '';
  const result = await engine.run(source, FILENAME, {
    onOutput: (stream, text) => {
      if (stream === 'stderr') stderrText += text;
      terminal.write(stream, text);
    },
    onInput: () => terminal.readLine(),
  });
  terminal.cancelInput();
  const elapsed = performance.now() - started;
  setRunning(false);
  if (result.crashed) terminal.write('stderr', `\n[the engine crashed: ${result.crashed}]\n`);
  if (result.stopped) {
    // As CPython does on Ctrl-C, the program ends with KeyboardInterrupt. When the engine raised it
    // (shared memory), the traceback is in the output already; when the worker had to be replaced,
    // the program never saw it, and the page says it in the engine's place.
    terminal.endLine();
    if (result.replaced) terminal.write('stderr', 'KeyboardInterrupt\n');
    terminal.note('[the program was stopped]');
  }
  // The report's offsets describe the source that ran; after an edit during the run they would
  // land on the wrong text, so the marks are only shown when the text is unchanged.
  const current = result.report && editor.state.doc.toString() === source ? result.report : null;
  if (current) showChunks(editor, current.chunks);
  panes.show(current, stderrText, result.dis);
  if (current && current.chunks.length === 0 && current.error?.type !== 'SyntaxError') {
    showNotice('Nothing got warm: loop or call it more than 8 times.');
    notice.dataset.kind = 'cold';
  }
  setStatus(describeResult(result, elapsed));
  runTime.textContent = result.stopped ? `stopped after ${seconds(elapsed)}` : `ran in ${seconds(elapsed)}`;
  await terminal.flushed();
  testHook.runs += 1;
  testHook.lastResult = result;
}

function stop() {
  if (engine.running) engine.stop();
}

// --- Replacing the editor's text without losing the user's own code ---

const isExampleText = (text) => examples.some((example) => example.source === text);

function ensureSavedOption() {
  if (examplesSelect.querySelector(`option[value="${SAVED_OPTION}"]`)) return;
  const option = document.createElement('option');
  option.value = SAVED_OPTION;
  option.textContent = 'Your saved code';
  examplesSelect.append(option);
}

// Keeps the editor's text under SCRATCH_KEY unless it is an unedited example or empty.
function stashOwnCode() {
  const text = editor.state.doc.toString();
  if (text.trim() === '' || isExampleText(text)) return;
  storageSet(SCRATCH_KEY, text);
  ensureSavedOption();
}

function setDoc(text) {
  editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: text }, selection: { anchor: 0 } });
  editor.scrollDOM.scrollTop = 0;
}

function chooseExample(name) {
  if (name === SAVED_OPTION) {
    const saved = storageGet(SCRATCH_KEY);
    if (saved === null) return;
    stashOwnCode();
    setDoc(saved);
    return;
  }
  const example = exampleByName.get(name);
  if (!example) return;
  stashOwnCode();
  currentExample = example;
  storageSet(EXAMPLE_KEY, example.name);
  setDoc(example.source);
}

function reset() {
  stashOwnCode();
  examplesSelect.value = currentExample.name;
  setDoc(currentExample.source);
  hideNotice();
}

for (const example of examples) {
  const option = document.createElement('option');
  option.value = example.name;
  option.textContent = example.name;
  examplesSelect.append(option);
}
if (storageGet(SCRATCH_KEY) !== null) ensureSavedOption();
examplesSelect.value = currentExample.name;

// --- Share links ---

async function share() {
  const link = await shareUrl(editor.state.doc.toString(), location.href);
  // replaceState, not location.hash: setting the hash would fire hashchange and reload the code.
  history.replaceState(null, '', link);
  let copied = false;
  if (navigator.clipboard && typeof navigator.clipboard.writeText === 'function') {
    try {
      await navigator.clipboard.writeText(link);
      copied = true;
    } catch {
      copied = false;
    }
  }
  if (copied) showNotice('Link copied to the clipboard:', { link });
  else showNotice('Copy this link to share the program:', { link });
  testHook.sharedLink = link;
}

async function loadFromHash() {
  const encoded = codeFromHash(location.hash);
  if (encoded === null) return;
  try {
    const source = await decodeSource(encoded);
    stashOwnCode();
    setDoc(source);
    showNotice('Loaded the program from the link.');
  } catch (error) {
    showNotice(`This link's program could not be loaded (${error.message}); the editor keeps your code.`, { error: true });
  } finally {
    testHook.hashLoads += 1;
  }
}

runButton.addEventListener('click', () => run());
stopButton.addEventListener('click', () => stop());
examplesSelect.addEventListener('change', () => chooseExample(examplesSelect.value));
resetButton.addEventListener('click', () => reset());
shareButton.addEventListener('click', () => share());
window.addEventListener('hashchange', () => loadFromHash());
setRunning(false);
loadFromHash();

// A small hook for the end-to-end tests (tests/e2e) to read state the DOM does not show plainly.
window.anolePlayground = testHook;
