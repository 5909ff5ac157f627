// The output terminal: xterm.js, fitted to its container. It only displays, except while the
// program waits in input(): then the learner types the line here (readLine). The frames of a
// traceback that name the program's file are links to their lines.

import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';

const RED = '\x1b[31m';
const RESET = '\x1b[0m';

// The link in a traceback line that names filename, `  File "main.py", line 7, in f`: the text
// `File "main.py", line 7` as { start, end, line } (string offsets, end exclusive), or null.
// CPython indents frame lines, and a syntax error's location line, by two spaces.
export function frameLink(text, filename) {
  const prefix = `  File "${filename}", line `;
  if (!text.startsWith(prefix)) return null;
  const digits = /^\d+/.exec(text.slice(prefix.length));
  if (!digits) return null;
  return { start: 2, end: prefix.length + digits[0].length, line: Number(digits[0]) };
}

// xterm.js asks a link provider for the links of the row under the pointer (y, 1-based) and shows
// them underlined with a pointer cursor; a click calls activate. A long traceback line wraps over
// several rows at a narrow width, so the link is looked for in the whole logical line, from its
// first row (the one that is not a continuation). The link's text is ASCII up to its end, one
// cell per character, so a string offset i is row i / cols, column i % cols of that line.
function frameLinkProvider(terminal, filename, openLine) {
  return {
    provideLinks(y, callback) {
      const buffer = terminal.buffer.active;
      let first = y - 1;
      while (first > 0 && buffer.getLine(first)?.isWrapped) first--;
      let last = y - 1;
      while (last + 1 < buffer.length && buffer.getLine(last + 1)?.isWrapped) last++;
      let text = '';
      for (let row = first; row <= last; row++) text += buffer.getLine(row)?.translateToString(row === last) ?? '';
      const link = frameLink(text, filename);
      if (!link) {
        callback(undefined);
        return;
      }
      const cols = terminal.cols;
      const cell = (offset) => ({ x: (offset % cols) + 1, y: first + Math.floor(offset / cols) + 1 });
      callback([{
        range: { start: cell(link.start), end: cell(link.end - 1) },
        text: text.slice(link.start, link.end),
        activate: () => openLine(link.line),
      }]);
    },
  };
}

// onInterrupt() is called for Ctrl-C in the terminal; it returns true when it stopped a program
// (the key is then consumed), false to let Ctrl-C copy the selection as usual.
// fileLinks: { filename, openLine(n) } makes the traceback lines naming filename links to line n.
export function createTerminal(parent, { onInterrupt = () => false, fileLinks = null } = {}) {
  const terminal = new Terminal({
    // Programs write '\n'; a terminal needs '\r\n' to return to the first column.
    convertEol: true,
    // Keys reach the program only while it waits in input() (readLine turns stdin on).
    disableStdin: true,
    cursorBlink: false,
    fontSize: 14,
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
    scrollback: 5000,
    screenReaderMode: true,
    theme: { background: '#1e1e1e', foreground: '#e6e6e6' },
  });
  // Tab must move focus onward, not be swallowed as terminal input.
  terminal.attachCustomKeyEventHandler((event) => event.key !== 'Tab');
  parent.addEventListener('keydown', (event) => {
    if (event.ctrlKey && !event.altKey && !event.metaKey && !event.shiftKey && event.key.toLowerCase() === 'c') {
      if (onInterrupt()) {
        event.preventDefault();
        event.stopPropagation();
      }
    }
  }, true);
  // Whether the cursor is at the start of a line (nothing written yet, or the last text ended
  // with a newline).
  let atLineStart = true;
  // The line being typed for input(): { text, resolve }, or null when no program waits.
  let reading = null;
  const stopReading = () => {
    reading = null;
    terminal.options.disableStdin = true;
    terminal.options.cursorBlink = false;
  };
  terminal.onData((data) => {
    if (!reading) return;
    for (const char of data) {
      if (char === '\r' || char === '\n') {
        const { text, resolve } = reading;
        terminal.write('\r\n');
        atLineStart = true;
        stopReading();
        resolve(text);
        return;
      }
      if (char === '\x7f' || char === '\b') {
        if (reading.text) {
          reading.text = [...reading.text].slice(0, -1).join('');
          terminal.write('\b \b');
        }
      } else if (char === '\x04' && reading.text === '') {
        // Ctrl-D on an empty line: end of input, as in a terminal (input() raises EOFError).
        const { resolve } = reading;
        terminal.write('\r\n');
        atLineStart = true;
        stopReading();
        resolve(null);
        return;
      } else if (char >= ' ') {
        reading.text += char;
        terminal.write(char);
        atLineStart = false;
      }
    }
  });
  if (fileLinks) terminal.registerLinkProvider(frameLinkProvider(terminal, fileLinks.filename, fileLinks.openLine));
  const fit = new FitAddon();
  terminal.loadAddon(fit);
  terminal.open(parent);
  const refit = () => {
    try {
      fit.fit();
    } catch {
      // The container can be hidden or zero-sized during layout; the next resize fits again.
    }
  };
  new ResizeObserver(refit).observe(parent);
  refit();

  return {
    // stream is 'stdout' or 'stderr'; stderr shows in red.
    write(stream, text) {
      if (text) atLineStart = text.endsWith('\n');
      terminal.write(stream === 'stderr' ? RED + text + RESET : text);
    },
    // A line of the page's own (not the program's) in a dim color.
    note(text) {
      terminal.write(`\x1b[2m${text}${RESET}\r\n`);
      atLineStart = true;
    },
    // Moves to a new line unless the cursor is at the start of one.
    endLine() {
      if (!atLineStart) terminal.write('\r\n');
      atLineStart = true;
    },
    clear() {
      if (reading) reading.resolve(null);
      stopReading();
      terminal.reset();
      atLineStart = true;
    },
    // input(): lets the learner type one line after the prompt the program wrote; resolves with
    // the line (Enter), or null (Ctrl-D on an empty line, or the wait was cancelled).
    readLine() {
      if (reading) reading.resolve(null);
      return new Promise((resolve) => {
        reading = { text: '', resolve };
        terminal.options.disableStdin = false;
        terminal.options.cursorBlink = true;
        terminal.focus();
      });
    },
    // Ends a pending readLine (the run ended or was stopped).
    cancelInput() {
      if (reading) reading.resolve(null);
      stopReading();
    },
    get waitingForInput() {
      return reading !== null;
    },
    // The visible text, lines joined with '\n' (wrapped rows are joined back into one line).
    text() {
      const buffer = terminal.buffer.active;
      let text = '';
      for (let row = 0; row < buffer.length; row++) {
        const line = buffer.getLine(row);
        if (!line) continue;
        if (row > 0 && !line.isWrapped) text += '\n';
        text += line.translateToString(true);
      }
      return text.replace(/\n+$/, '');
    },
    // Resolves once everything written so far has been parsed into the buffer.
    flushed() {
      return new Promise((resolve) => terminal.write('', resolve));
    },
  };
}
