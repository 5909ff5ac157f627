// Reading the colors: the last run's report kept in the editor's state, a tooltip listing the
// instructions under the mouse (or under the cursor, for keyboard users), and plain-word
// explanations of the specializer's failure kinds. All text goes in through textContent.

import { StateEffect, StateField } from '@codemirror/state';
import { EditorView, hoverTooltip, showTooltip } from '@codemirror/view';

// Why an instruction stayed adaptive: failure kind (src/specialize.h) -> a plain explanation.
const BINARY_OP_TYPES = 'int-int and float-float';
export const FAILURE_EXPLANATIONS = {
  OTHER: 'the operands or object are of a kind 3.11 has no specialized form for',
  OUT_OF_VERSIONS: 'the type changed too often: it ran out of type version tags',
  OUT_OF_RANGE: 'an index out of range: a list index that is negative or past the end, or a dict or globals index too large for the inline cache',
  EXPECTED_ERROR: 'the operation raises an exception here, so there is nothing to specialize',
  WRONG_NUMBER_ARGUMENTS: 'the call passes a different number of arguments than the function takes',
  NON_STRING_OR_SPLIT: 'the key is not a string, or the dict is not a split (per-class) dict',
  NOT_FOUND: 'the name or attribute was not found where the specializer looks',
  ADD_DIFFERENT_TYPES: 'the two operands have different types (e.g. float + int): 3.11 specializes only int+int, float+float and str+str',
  ADD_OTHER: 'the operands are of a type 3.11 does not specialize + for (only int, float and str)',
  SUBTRACT_DIFFERENT_TYPES: `the two operands have different types (e.g. float - int): 3.11 specializes only ${BINARY_OP_TYPES}`,
  SUBTRACT_OTHER: `the operands are of a type 3.11 does not specialize - for (only ${BINARY_OP_TYPES})`,
  MULTIPLY_DIFFERENT_TYPES: `the two operands have different types (e.g. float * int): 3.11 specializes only ${BINARY_OP_TYPES}`,
  MULTIPLY_OTHER: `the operands are of a type 3.11 does not specialize * for (only ${BINARY_OP_TYPES})`,
  TRUE_DIVIDE_DIFFERENT_TYPES: 'the two operands have different types: 3.11 never specializes /',
  TRUE_DIVIDE_FLOAT: 'float / float: 3.11 never specializes /',
  TRUE_DIVIDE_OTHER: 'the operands are of a type 3.11 does not specialize / for (it never does)',
  FLOOR_DIVIDE: '3.11 never specializes //',
  REMAINDER: '3.11 never specializes %',
  POWER: '3.11 never specializes **',
  LSHIFT: '3.11 never specializes <<',
  RSHIFT: '3.11 never specializes >>',
  AND_DIFFERENT_TYPES: 'the two operands of & have different types: 3.11 never specializes &',
  AND_INT: 'int & int: 3.11 never specializes &',
  AND_OTHER: '3.11 never specializes &',
  OR: '3.11 never specializes |',
  XOR: '3.11 never specializes ^',
  MATRIX_MULTIPLY: '3.11 never specializes @',
  COMPARE_OP_DIFFERENT_TYPES: 'the two sides have different types (e.g. int < float): 3.11 specializes only int-int, float-float and str == str',
  COMPARE_OP_STRING: 'strings compared with <, >, <= or >=: 3.11 specializes only == and != on strings',
  COMPARE_OP_NOT_FOLLOWED_BY_COND_JUMP: 'the comparison result is stored, not tested by an if or while: 3.11 specializes only comparisons followed by a jump',
  COMPARE_OP_BIG_INT: 'an int too large for one machine digit: 3.11 specializes only small ints',
  COMPARE_OP_BOOL: 'bools compared: 3.11 does not specialize comparisons of bool',
  COMPARE_OP_LIST: 'lists compared: 3.11 does not specialize comparisons of list',
  COMPARE_OP_TUPLE: 'tuples compared: 3.11 does not specialize comparisons of tuple',
  COMPARE_OP_BASEOBJECT: 'plain objects compared: 3.11 does not specialize comparisons of user objects',
  COMPARE_OP_FLOAT_LONG: 'float compared with int: 3.11 specializes only float-float and int-int',
  COMPARE_OP_LONG_FLOAT: 'int compared with float: 3.11 specializes only int-int and float-float',
  CALL_KWNAMES: 'the call passes keyword arguments: 3.11 specializes only positional calls',
  CALL_PYTHON_CLASS: 'the call creates an instance of a Python class: 3.11 does not specialize that',
  CALL_BOUND_METHOD: 'the callee is a bound method object kept in a variable',
  CALL_COMPLEX_PARAMETERS: 'the function takes *args, **kwargs or keyword-only parameters: 3.11 specializes only plain positional parameters',
  CALL_PYCFUNCTION: 'a builtin function of a kind 3.11 has no specialized call for',
  CALL_CLASS_NO_VECTORCALL: 'a builtin class without a fast call path',
  CALL_STR: 'str(...) with arguments 3.11 does not specialize',
  CALL_BAD_CALL_FLAGS: 'a builtin with calling conventions 3.11 does not specialize',
  CALL_METHOD_WRAPPER: 'a method wrapper (a slot of a builtin type) is called',
  CALL_BOUND_METHOD_OTHER: 'a bound method of an unusual kind is called',
  NO_DICT: 'the object has no __dict__ the specializer can use',
  OVERRIDDEN: 'the class overrides __getattribute__ or __setattr__',
  ATTR_OVERRIDING_DESCRIPTOR: 'the attribute is a data descriptor (it has __set__) on the class',
  ATTR_NON_OVERRIDING_DESCRIPTOR: 'the attribute is a descriptor without __set__ on the class',
  ATTR_NOT_DESCRIPTOR: 'the attribute is a plain value on the class, not on the instance',
  ATTR_METHOD: 'the attribute is a method read without being called right away',
  ATTR_MUTABLE_CLASS: 'the class can change (a builtin-like mutable type) so it has no version tag',
  ATTR_PROPERTY: 'the attribute is a property: 3.11 does not specialize property reads',
  ATTR_NON_OBJECT_SLOT: 'the attribute is a slot of a kind other than an object slot',
  ATTR_READ_ONLY: 'the attribute is read-only',
  ATTR_NOT_MANAGED_DICT: 'the instance dict is not the one the class manages',
  ATTR_NON_STRING_OR_SPLIT: "the instance's __dict__ is in a form the specializer does not handle (non-string keys, or a dict split off the class's shared keys)",
  ATTR_MODULE_ATTR_NOT_FOUND: 'the module has no such attribute in its dict',
  ATTR_CLASS_ATTR_SIMPLE: 'a plain attribute read from a class object',
  LOAD_METHOD_IS_ATTR: 'the name is an instance attribute, not a method of the class',
  LOAD_METHOD_METACLASS_ATTRIBUTE: 'the method is found on the metaclass',
  LOAD_METHOD_NON_METHOD: 'the class attribute is not a function',
  LOAD_METHOD_CLASS_METHOD_OBJ: 'the method is a classmethod object',
  LOAD_METHOD_PROPERTY: 'the name is a property, not a method',
  SUBSCR_LIST_SLICE: 'a list is sliced: 3.11 specializes only list[int]',
  SUBSCR_TUPLE_SLICE: 'a tuple is sliced: 3.11 specializes only tuple[int]',
  SUBSCR_STRING_INT: 'a string is indexed: 3.11 does not specialize str[int]',
  SUBSCR_STRING_SLICE: 'a string is sliced: 3.11 does not specialize str slices',
  SUBSCR_NOT_HEAP_TYPE: 'the subscripted object is of a builtin type 3.11 does not specialize',
  SUBSCR_OTHER: 'the subscripted object is of a type 3.11 does not specialize (only list, tuple, dict and __getitem__ classes)',
  STORE_SUBSCR_LIST_SLICE: 'assignment to a list slice: 3.11 specializes only list[int] = value',
  STORE_SUBSCR_OTHER: 'assignment to an item of a type 3.11 does not specialize (only list[int] and dict)',
  UNPACK_SEQUENCE_ITERATOR: 'unpacking an iterator: 3.11 specializes only tuples and lists',
  UNPACK_SEQUENCE_SEQUENCE: 'unpacking a sequence of another type or length than expected',
};

export function explainFailure(kind) {
  if (!kind) return '';
  return FAILURE_EXPLANATIONS[kind] ?? kind;
}

// The report of the last run, for as long as the text is unchanged.
export const setReport = StateEffect.define();
export const reportField = StateField.define({
  create: () => null,
  update(report, transaction) {
    for (const effect of transaction.effects) if (effect.is(setReport)) return effect.value;
    return transaction.docChanged ? null : report;
  },
});

// The instructions whose span covers offset pos.
export function instructionsAt(report, pos) {
  if (!report) return [];
  return report.instructions.filter((ins) => ins.from <= pos && pos < ins.to);
}

// Only the instructions worth reading: those in a family (that can specialize) under pos, and among
// them the ones that got quickened, if any did.
function interestingAt(report, pos) {
  if (!report) return [];
  const under = report.instructions.filter((ins) => ins.from <= pos && pos < ins.to && ins.family);
  const warm = under.filter((ins) => ins.state !== 'unquickened');
  return warm;
}

function stateWord(state) {
  return state === 'specialized' ? 'specialized' : state === 'adaptive' ? 'adaptive (not specialized)' : state;
}

// The tooltip's DOM: one row per instruction.
export function tooltipDom(instructions) {
  const dom = document.createElement('div');
  dom.className = 'anole-tip';
  dom.setAttribute('role', 'tooltip');
  for (const ins of instructions) {
    const row = document.createElement('div');
    row.className = `anole-tip-row state-${ins.state}`;
    const head = document.createElement('div');
    const op = document.createElement('strong');
    op.textContent = ins.opname;
    head.append(op, ` ${ins.family ? `(${ins.family}) ` : ''}— ${stateWord(ins.state)}.`);
    const counts = document.createElement('div');
    counts.className = 'anole-tip-counts';
    counts.textContent = ` hits ${ins.hits} · misses ${ins.misses} · deopts ${ins.deopts}. `;
    row.append(head, counts);
    if (ins.failure) {
      const why = document.createElement('div');
      why.className = 'anole-tip-why';
      why.textContent = `Why: ${explainFailure(ins.failure)}`;
      if (FAILURE_EXPLANATIONS[ins.failure]) why.title = ins.failure;
      row.append(why);
    }
    dom.append(row);
  }
  return dom;
}

function tooltipAt(state, pos, side = 1) {
  const report = state.field(reportField, false);
  const instructions = interestingAt(report, pos);
  if (instructions.length === 0) return null;
  // The tooltip spans the smallest instruction span under pos.
  let from = instructions[0].from;
  let to = instructions[0].to;
  for (const ins of instructions) {
    if (ins.to - ins.from < to - from) ({ from, to } = ins);
  }
  return { pos: from, end: to, above: side < 0, create: () => ({ dom: tooltipDom(instructions) }) };
}

// The cursor's tooltip shows after keyboard moves only (a click already brings up the hover one).
const cursorTip = StateField.define({
  create: () => null,
  update(tip, transaction) {
    if (!transaction.selection && !transaction.effects.some((e) => e.is(setReport)) && !transaction.docChanged) return tip;
    if (transaction.docChanged) return null;
    // Keyboard moves only: a click (select.pointer) already hovers, and moves made by the page
    // (a frame link, a bytecode row) would pop up a tooltip nobody asked for.
    if (!transaction.selection || !transaction.isUserEvent('select') || transaction.isUserEvent('select.pointer')) return null;
    const head = transaction.state.selection.main.head;
    return tooltipAt(transaction.state, head);
  },
  provide: (field) => showTooltip.from(field),
});

// Screen readers do not read tooltips; the cursor's tooltip text also goes to a polite live region.
function announcer() {
  let region = null;
  return EditorView.updateListener.of((update) => {
    const tip = update.state.field(cursorTip, false);
    if (tip === update.startState.field(cursorTip, false)) return;
    if (!region) {
      region = document.createElement('div');
      region.className = 'visually-hidden';
      region.setAttribute('aria-live', 'polite');
      region.id = 'anole-tip-announcer';
      document.body.append(region);
    }
    region.textContent = tip ? tip.create().dom.textContent : '';
  });
}

export function hoverExtensions() {
  return [
    reportField,
    cursorTip,
    announcer(),
    hoverTooltip((view, pos, side) => tooltipAt(view.state, pos, side), { hoverTime: 200 }),
    EditorView.baseTheme({
      '.cm-tooltip.cm-tooltip-hover, .cm-tooltip': { maxWidth: 'min(32rem, 90vw)' },
    }),
  ];
}
