/** Marks every `{{variable}}` in a CodeMirror editor, so placeholders stand out from literal text. */
import {
  Decoration,
  MatchDecorator,
  ViewPlugin,
  type DecorationSet,
  type EditorView,
  type ViewUpdate,
} from '@codemirror/view';

const variableMark = Decoration.mark({ class: 'cm-variable', attributes: { 'data-testid': 'json-variable' } });
const matcher = new MatchDecorator({ regexp: /\{\{\s*[A-Za-z_][\w.-]*\s*\}\}/g, decoration: () => variableMark });

export const variableHighlight = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = matcher.createDeco(view);
    }
    update(update: ViewUpdate) {
      this.decorations = matcher.updateDeco(update, this.decorations);
    }
  },
  { decorations: (plugin) => plugin.decorations },
);
