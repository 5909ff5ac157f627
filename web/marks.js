// The overlay: each chunk of the last run's report becomes a mark decoration in the editor, with
// the chunk's Specialist color as its background. Marks describe the text as it was run, so any
// edit clears them rather than letting them drift onto code that never ran.

import { StateEffect, StateField } from '@codemirror/state';
import { Decoration, EditorView } from '@codemirror/view';
import { markStyle } from './theme.js';

const setMarks = StateEffect.define();

export const chunkMarks = StateField.define({
  create: () => Decoration.none,
  update(marks, transaction) {
    for (const effect of transaction.effects) {
      if (effect.is(setMarks)) return effect.value;
    }
    return transaction.docChanged ? Decoration.none : marks;
  },
  provide: (field) => EditorView.decorations.from(field),
});

// A short summary of the chunk: how many instructions under this text are in each state. It is a
// data attribute, not a title: web/hover.js shows the instructions themselves in a tooltip, and a
// native title tooltip would cover it.
function describeChunk(chunk) {
  return `specialized ${chunk.specialized}, adaptive ${chunk.adaptive}, unquickened ${chunk.unquickened}`;
}

// Shows report.chunks ({from, to, specialized, adaptive, unquickened, color}, offsets in UTF-16
// code units of the source that ran). Chunks outside the document are ignored.
export function showChunks(view, chunks) {
  const length = view.state.doc.length;
  const ranges = [];
  for (const chunk of chunks) {
    const from = Math.max(0, Math.min(chunk.from, length));
    const to = Math.max(0, Math.min(chunk.to, length));
    if (from >= to) continue;
    const mark = Decoration.mark({
      class: 'anole-span',
      attributes: { style: markStyle(chunk.color), 'data-counts': describeChunk(chunk) },
    });
    ranges.push(mark.range(from, to));
  }
  view.dispatch({ effects: setMarks.of(Decoration.set(ranges, true)) });
}

export function clearChunks(view) {
  view.dispatch({ effects: setMarks.of(Decoration.none) });
}
