// The playground page: wires the editor, the terminal and the engine worker together.

import '@xterm/xterm/css/xterm.css';
import './style.css';
import fahrenheitSource from '../examples/fahrenheit.py';
import { createEditor } from './editor.js';
import { clearChunks, showChunks } from './marks.js';
import { createTerminal } from './terminal.js';
import { EngineClient } from './protocol.js';

// The editor's text survives reloads here.
const STORAGE_KEY = 'anole.source';
const FILENAME = 'main.py';

function loadSource() {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? fahrenheitSource;
  } catch {
    return fahrenheitSource;
  }
}

function saveSource(text) {
  try {
    localStorage.setItem(STORAGE_KEY, text);
  } catch {
    // Storage can be full or disabled (private browsing); the page works without it.
  }
}

const runButton = document.getElementById('run');
const stopButton = document.getElementById('stop');
const statusLine = document.getElementById('status');

const terminal = createTerminal(document.getElementById('terminal'));
const editor = createEditor(document.getElementById('editor'), {
  doc: loadSource(),
  onRun: () => run(),
  onChange: saveSource,
});

let engineReady = false;
const engine = new EngineClient({
  onReady: () => {
    engineReady = true;
    if (!engine.running) setStatus('Ready.');
  },
  onFailed: (message) => setStatus(`The engine failed to load: ${message}`),
});

function setStatus(text) {
  statusLine.textContent = text;
}

// The buttons use aria-disabled rather than disabled so that focus stays on them while a run
// starts and ends; a disabled button would drop keyboard focus to the page.
function setRunning(running) {
  runButton.setAttribute('aria-disabled', String(running));
  stopButton.setAttribute('aria-disabled', String(!running));
}

function describeResult(result, milliseconds) {
  const time = `${(milliseconds / 1000).toFixed(2)} s`;
  if (result.stopped) return 'Stopped.';
  if (result.crashed) return `The engine crashed (${result.crashed}); the next run starts fresh.`;
  if (result.status === 0) return `Finished in ${time}.`;
  return `Ended with an exception after ${time}.`;
}

const testHook = { runs: 0, lastResult: null, editor, terminalText: () => terminal.text() };

async function run() {
  if (engine.running) return;
  const source = editor.state.doc.toString();
  clearChunks(editor);
  terminal.clear();
  setRunning(true);
  setStatus(engineReady ? 'Running…' : 'Loading the engine…');
  const started = performance.now();
  const result = await engine.run(source, FILENAME, {
    onOutput: (stream, text) => terminal.write(stream, text),
  });
  const elapsed = performance.now() - started;
  setRunning(false);
  if (result.crashed) terminal.write('stderr', `\n[the engine crashed: ${result.crashed}]\n`);
  if (result.stopped) terminal.note('\n[stopped]');
  // The report's offsets describe the source that ran; after an edit during the run they would
  // land on the wrong text, so the marks are only shown when the text is unchanged.
  if (result.report && editor.state.doc.toString() === source) showChunks(editor, result.report.chunks);
  setStatus(describeResult(result, elapsed));
  await terminal.flushed();
  testHook.runs += 1;
  testHook.lastResult = result;
}

runButton.addEventListener('click', () => run());
stopButton.addEventListener('click', () => engine.stop());
setRunning(false);

// A small hook for the end-to-end tests (tests/e2e) to read state the DOM does not show plainly.
window.anolePlayground = testHook;
