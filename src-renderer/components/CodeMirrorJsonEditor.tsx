/**
 * A CodeMirror 6 JSON editor: syntax colours, folding, undo history, and a
 * lint gutter that shows JSON syntax errors first and otherwise the markers
 * it is given, each placed at its JSON pointer in the text. The text belongs
 * to the caller: the editor reports every change and follows outside
 * changes, each of which is one step of the undo history.
 * Loaded on demand through `JsonEditor`, which shows the text until it arrives.
 */
import { history, historyKeymap, isolateHistory } from '@codemirror/commands';
import { json, jsonParseLinter } from '@codemirror/lang-json';
import { bracketMatching, foldGutter, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { forceLinting, linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import { jsonHighlight } from './json-highlight';
import { variableHighlight } from './variable-highlight';
import { locatePointer } from '../features/builder/json-text-locations';

export interface JsonEditorMarker {
  /** JSON pointer of the value concerned. */
  pointer: string;
  severity: 'error' | 'warning';
  message: string;
}

export interface JsonEditorProps {
  value: string;
  onChange(value: string): void;
  markers?: JsonEditorMarker[];
  /** Accessible name of the editing area. */
  label: string;
  testId: string;
  /** A small editor for a sub-object: no line numbers, no folding. */
  compact?: boolean;
}

export function CodeMirrorJsonEditor({
  value,
  onChange,
  markers = [],
  label,
  testId,
  compact = false,
}: JsonEditorProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  const markersRef = useRef(markers);
  onChangeRef.current = onChange;
  markersRef.current = markers;

  useEffect(() => {
    const syntaxLinter = jsonParseLinter();
    const modelLinter = linter(
      (view): Diagnostic[] => {
        const syntax = syntaxLinter(view);
        if (syntax.length > 0) return syntax;
        const text = view.state.doc.toString();
        return markersRef.current.map((marker) => ({
          ...locatePointer(text, marker.pointer),
          severity: marker.severity,
          message: marker.message,
        }));
      },
      { delay: 150 },
    );
    const view = new EditorView({
      parent: hostRef.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          ...(compact ? [] : [lineNumbers(), foldGutter()]),
          lintGutter(),
          // Only the history keys: the app's own shortcuts (Ctrl/Cmd+Enter sends, Ctrl/Cmd+S saves) stay the app's.
          history(),
          keymap.of(historyKeymap),
          drawSelection(),
          highlightActiveLine(),
          bracketMatching(),
          indentOnInput(),
          json(),
          syntaxHighlighting(jsonHighlight),
          variableHighlight,
          modelLinter,
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ 'aria-label': label, 'data-testid': `${testId}-content` }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) onChangeRef.current(update.state.doc.toString());
          }),
        ],
      }),
    });
    viewRef.current = view;
    return () => {
      view.destroy();
      viewRef.current = null;
    };
    // The editor is created once; later values and markers arrive through the effects below.
  }, []);

  useEffect(() => {
    const view = viewRef.current;
    if (!view || view.state.doc.toString() === value) return;
    // Its own undo step: never merged with typing just before or after it.
    view.dispatch({
      changes: { from: 0, to: view.state.doc.length, insert: value },
      annotations: isolateHistory.of('full'),
    });
  }, [value]);

  useEffect(() => {
    if (viewRef.current) forceLinting(viewRef.current);
  }, [markers]);

  return (
    <div ref={hostRef} className={compact ? 'json-editor json-editor-compact' : 'json-editor'} data-testid={testId} />
  );
}
