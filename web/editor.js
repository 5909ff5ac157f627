// The CodeMirror 6 editor: Python highlighting, the overlay marks, and the run shortcut.

import { basicSetup } from 'codemirror';
import { python } from '@codemirror/lang-python';
import { Prec } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { indentWithTab } from '@codemirror/commands';
import { chunkMarks } from './marks.js';
import { themedHighlighting } from './theme.js';

// Creates the editor in parent. onRun is called for Ctrl-Enter / Cmd-Enter; onChange(text) after
// every edit. Tab indents, as Python code wants; CodeMirror's Escape-then-Tab still moves focus
// out of the editor, so keyboard users are never trapped.
export function createEditor(parent, { doc, onRun, onChange }) {
  const runKeys = Prec.highest(keymap.of([
    { key: 'Mod-Enter', run: () => { onRun(); return true; }, preventDefault: true },
  ]));
  return new EditorView({
    doc,
    parent,
    extensions: [
      runKeys,
      basicSetup,
      keymap.of([indentWithTab]),
      python(),
      themedHighlighting,
      EditorView.lineWrapping,
      chunkMarks,
      EditorView.contentAttributes.of({ 'aria-label': 'Python program' }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) onChange(update.state.doc.toString());
      }),
    ],
  });
}
