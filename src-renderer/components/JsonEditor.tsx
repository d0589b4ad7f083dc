/**
 * The JSON editor as the pages use it. CodeMirror is most of the renderer's
 * code, so it is fetched on demand: until it arrives, the text stands in its
 * place at the editor's size (the form beside it is usable meanwhile).
 */
import type { JsonEditorProps } from './CodeMirrorJsonEditor';
import { lazyPart } from './LazyPart';

export type { JsonEditorMarker } from './CodeMirrorJsonEditor';

/** The text where the editor will be, read-only, with the editor's frame, font and line height. */
function EditorPlaceholder({ value, label, testId, compact = false }: JsonEditorProps) {
  return (
    <div
      className={compact ? 'json-editor json-editor-compact' : 'json-editor'}
      data-testid={`${testId}-loading`}
      aria-busy="true"
    >
      <pre
        className="json-editor-placeholder"
        role="textbox"
        aria-readonly="true"
        aria-multiline="true"
        aria-label={label}
      >
        {value}
      </pre>
      <span className="visually-hidden" role="status">
        The editor is loading; the form can be used meanwhile.
      </span>
    </div>
  );
}

export const JsonEditor = lazyPart(
  () => import('./CodeMirrorJsonEditor').then((module) => module.CodeMirrorJsonEditor),
  { what: 'JSON editor', testId: 'json-editor', fallback: EditorPlaceholder },
);
