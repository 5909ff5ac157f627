// The panes that read the last run's report: the bytecode of the function under the editor's cursor
// (linked both ways with the source), the per-family statistics, and the error's frames (links to
// their lines) with the failing span underlined in the editor. DOM text goes in via textContent.

import { EditorSelection, StateEffect, StateField } from '@codemirror/state';
import { Decoration, EditorView } from '@codemirror/view';
import { explainFailure, instructionsAt, reportField, setReport } from './hover.js';

// --- Editor decorations: the selected instruction's span and the error's span ---

const setPicked = StateEffect.define();
const setErrorSpan = StateEffect.define();

const pickedMark = Decoration.mark({ class: 'anole-picked' });
const errorMark = Decoration.mark({ class: 'anole-error', attributes: { title: 'The error happened here' } });

function rangeField(effectType, mark) {
  return StateField.define({
    create: () => Decoration.none,
    update(value, transaction) {
      for (const effect of transaction.effects) {
        if (effect.is(effectType)) {
          const span = effect.value;
          const length = transaction.state.doc.length;
          if (!span) return Decoration.none;
          const from = Math.max(0, Math.min(span.from, length));
          const to = Math.max(0, Math.min(span.to, length));
          return from < to ? Decoration.set([mark.range(from, to)]) : Decoration.none;
        }
      }
      return transaction.docChanged ? Decoration.none : value;
    },
    provide: (field) => EditorView.decorations.from(field),
  });
}

const pickedField = rangeField(setPicked, pickedMark);
const errorField = rangeField(setErrorSpan, errorMark);

export function paneExtensions() {
  return [pickedField, errorField];
}

// --- Tracebacks ---

// Moves the editor's cursor to line n (clamped to the document) at its first non-blank character
// and focuses the editor; the bytecode pane follows the cursor. Both the frame links under the
// output and the traceback lines in the terminal use it.
export function goToLine(editor, n) {
  const doc = editor.state.doc;
  const line = doc.line(Math.max(1, Math.min(n, doc.lines)));
  const indent = /^\s*/.exec(line.text)[0].length;
  editor.dispatch({ selection: EditorSelection.cursor(line.from + indent), scrollIntoView: true });
  editor.focus();
}

// The frames of a traceback (or a syntax error) in stderr that name filename:
// [{ line, sourceLine, caret }] where caret is the marker line under the source line, if any.
export function parseFrames(stderr, filename) {
  const lines = stderr.split('\n');
  const frames = [];
  const pattern = /^ {2}File "(.*)", line (\d+)/;
  for (let k = 0; k < lines.length; k++) {
    const match = pattern.exec(lines[k]);
    if (!match || match[1] !== filename) continue;
    const frame = { line: Number(match[2]), text: lines[k].trim(), sourceLine: null, caret: null };
    if (k + 1 < lines.length && /^ {4}/.test(lines[k + 1])) {
      frame.sourceLine = lines[k + 1];
      if (k + 2 < lines.length && /^ +[~^]+ *$/.test(lines[k + 2])) frame.caret = lines[k + 2];
    }
    frames.push(frame);
  }
  return frames;
}

// The failing span of a frame as document offsets. The traceback shows the source line without its
// indentation, after four spaces; the markers line up with it.
export function frameSpan(doc, frame) {
  if (frame.line < 1 || frame.line > doc.lines) return null;
  const line = doc.line(frame.line);
  const indent = /^\s*/.exec(line.text)[0].length;
  if (frame.caret) {
    const start = frame.caret.search(/[~^]/);
    const end = frame.caret.trimEnd().length;
    let from = line.from + indent + (start - 4);
    let to = Math.min(line.to, Math.max(from + 1, line.from + indent + (end - 4)));
    // A marker past the end of the line (a syntax error's "expected ':'") marks the last character.
    if (from >= line.to && line.to > line.from) {
      from = line.to - 1;
      to = line.to;
    }
    if (from >= line.from && from < to) return { from, to };
  }
  const from = line.from + indent;
  return from < line.to ? { from, to: line.to } : null;
}

// --- The adaptive disassembly's arguments ---

// Parses engine.dis() text into [{ name, entries: Map(offset -> { opname, arg }) }], one per code
// object, in order. arg is the argument and its meaning as dis prints them, e.g. "10 (-)".
export function parseDis(text) {
  const blocks = [];
  let block = null;
  for (const line of (text ?? '').split('\n')) {
    const head = /^Disassembly of <code object (.*), file .*, line \d+>:$/.exec(line);
    if (head) {
      block = { name: head[1], entries: new Map() };
      blocks.push(block);
      continue;
    }
    const row = /^\s*(?:\d+)?\s+(?:>>\s*)?(\d+) ([A-Z_0-9]+)\s*(.*?)\s*$/.exec(line);
    if (!row || !block) continue;
    const arg = row[3].replace(/\s*\[[^\]]*\]$/, '');
    block.entries.set(Number(row[1]), { opname: row[2], arg });
  }
  return blocks;
}

// The dis block of a code object: same name, the most offsets with the same opname.
function disBlockFor(blocks, code) {
  let best = null;
  let bestScore = -1;
  for (const block of blocks) {
    if (block.name !== code.name) continue;
    const score = code.instructions.filter((ins) => block.entries.get(ins.offset)?.opname === ins.opname).length;
    if (score > bestScore) {
      best = block;
      bestScore = score;
    }
  }
  return best;
}

// --- The panes ---

const STATE_SHORT = { specialized: 'spec', adaptive: 'adap', unquickened: '' };

export function createPanes({ editor, bytecodeList, bytecodeTitle, statsBody, statsEmpty, framesList, filename }) {
  let report = null;
  let disBlocks = [];
  let shownCode = null;
  let rows = [];

  function codesOf(currentReport) {
    const codes = new Map();
    for (const ins of currentReport.instructions) {
      let code = codes.get(ins.code);
      if (!code) codes.set(ins.code, code = { name: ins.code, from: ins.from, to: ins.to, instructions: [] });
      code.from = Math.min(code.from, ins.from);
      code.to = Math.max(code.to, ins.to);
      code.instructions.push(ins);
    }
    return [...codes.values()];
  }

  // The innermost code object whose instructions' spans cover pos.
  function codeAt(pos) {
    if (!report) return null;
    let best = null;
    for (const code of codesOf(report)) {
      if (code.from <= pos && pos <= code.to && (!best || code.to - code.from < best.to - best.from)) best = code;
    }
    return best ?? codesOf(report).find((code) => code.name === '<module>') ?? null;
  }

  function pick(ins, { focusEditor = false } = {}) {
    editor.dispatch({
      effects: [setPicked.of({ from: ins.from, to: ins.to }), EditorView.scrollIntoView(ins.from, { y: 'nearest' })],
    });
    for (const row of rows) row.element.setAttribute('aria-selected', String(row.ins === ins));
    if (focusEditor) {
      editor.dispatch({ selection: EditorSelection.cursor(ins.from) });
      editor.focus();
    }
  }

  function showCode(code) {
    shownCode = code;
    bytecodeList.replaceChildren();
    rows = [];
    if (!code) {
      bytecodeTitle.textContent = '';
      const empty = document.createElement('li');
      empty.className = 'pane-empty';
      empty.textContent = report ? 'No bytecode for this line.' : 'Run the program to see its bytecode.';
      bytecodeList.append(empty);
      return;
    }
    bytecodeTitle.textContent = code.name;
    const dis = disBlockFor(disBlocks, code);
    for (const ins of code.instructions) {
      const arg = dis?.entries.get(ins.offset)?.arg ?? '';
      const item = document.createElement('li');
      item.className = `bc-row state-${ins.state}`;
      item.tabIndex = -1;
      item.setAttribute('role', 'option');
      item.setAttribute('aria-selected', 'false');
      const cells = [
        ['bc-offset', String(ins.offset)],
        ['bc-op', ins.opname],
        ['bc-arg', arg],
        ['bc-state', STATE_SHORT[ins.state] ?? ins.state],
        ['bc-counts', ins.family && ins.state !== 'unquickened' ? `${ins.hits}/${ins.misses}` : ''],
      ];
      for (const [className, text] of cells) {
        const cell = document.createElement('span');
        cell.className = className;
        cell.textContent = text;
        item.append(cell);
      }
      const label = [`offset ${ins.offset}`, arg ? `${ins.opname} ${arg}` : ins.opname, ins.state, `line ${ins.line}`];
      if (ins.family) label.push(`hits ${ins.hits}, misses ${ins.misses}, deopts ${ins.deopts}`);
      if (ins.failure) label.push(explainFailure(ins.failure));
      item.title = label.join(' · ');
      item.addEventListener('click', () => pick(ins));
      bytecodeList.append(item);
      rows.push({ ins, element: item });
    }
    if (rows.length) rows[0].element.tabIndex = 0;
  }

  // Marks the rows under the editor's cursor (and switches to the function there).
  function followCursor() {
    if (!report) return;
    const pos = editor.state.selection.main.head;
    const code = codeAt(pos);
    if (code?.name !== shownCode?.name) showCode(code);
    const under = new Set(instructionsAt(report, pos));
    let first = null;
    for (const row of rows) {
      const on = under.has(row.ins);
      row.element.classList.toggle('under-cursor', on);
      if (on && !first) first = row.element;
    }
    // Scrolls the list only: scrollIntoView would also scroll the page (on a phone, away from the
    // editor the user is typing in).
    if (first) {
      const top = first.offsetTop - bytecodeList.offsetTop;
      if (top < bytecodeList.scrollTop || top + first.offsetHeight > bytecodeList.scrollTop + bytecodeList.clientHeight) {
        bytecodeList.scrollTop = Math.max(0, top - bytecodeList.clientHeight / 3);
      }
    }
  }

  // Keyboard: arrows move between rows (roving tabindex), Enter or Space selects.
  bytecodeList.addEventListener('keydown', (event) => {
    const index = rows.findIndex((row) => row.element === document.activeElement);
    if (index < 0) return;
    let next = null;
    if (event.key === 'ArrowDown') next = Math.min(rows.length - 1, index + 1);
    else if (event.key === 'ArrowUp') next = Math.max(0, index - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = rows.length - 1;
    else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      pick(rows[index].ins);
      return;
    }
    if (next === null) return;
    event.preventDefault();
    rows[index].element.tabIndex = -1;
    rows[next].element.tabIndex = 0;
    rows[next].element.focus();
  });

  function showStats(stats) {
    statsBody.replaceChildren();
    const families = Object.entries(stats ?? {});
    statsEmpty.hidden = families.length > 0;
    for (const [family, s] of families) {
      const tr = document.createElement('tr');
      const kinds = Object.entries(s.failure_kinds ?? {}).sort((a, b) => b[1] - a[1])
        .map(([kind, count]) => `${kind} ×${count}`).join(', ');
      for (const text of [family, s.success, s.failure, s.hit, s.miss, s.deferred, s.deopt, kinds]) {
        const td = document.createElement(text === family ? 'th' : 'td');
        if (text === family) td.scope = 'row';
        td.textContent = String(text);
        tr.append(td);
      }
      statsBody.append(tr);
    }
  }

  function showFrames(frames) {
    framesList.replaceChildren();
    framesList.hidden = frames.length === 0;
    for (const frame of frames) {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'frame-link';
      button.textContent = frame.text;
      button.addEventListener('click', () => goToLine(editor, frame.line));
      item.append(button);
      framesList.append(item);
    }
  }

  return {
    // Called after every run; newReport is null when the run gave none (or the text changed).
    show(newReport, stderr, disText = '') {
      report = newReport;
      disBlocks = newReport ? parseDis(disText) : [];
      editor.dispatch({ effects: [setReport.of(newReport), setPicked.of(null)] });
      const frames = newReport ? parseFrames(stderr ?? '', filename) : [];
      showFrames(frames);
      const last = frames[frames.length - 1];
      const span = newReport?.error && last ? frameSpan(editor.state.doc, last) : null;
      editor.dispatch({ effects: setErrorSpan.of(span) });
      showStats(newReport?.stats);
      shownCode = undefined;
      showCode(null);
      followCursor();
    },
    clear() {
      report = null;
      showFrames([]);
      showStats(null);
      showCode(null);
    },
    followCursor,
    get report() { return report; },
  };
}
