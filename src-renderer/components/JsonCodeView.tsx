/** Read-only JSON in CodeMirror 6 with line numbers, syntax colours and folding; nothing is editable. */
import { json } from '@codemirror/lang-json';
import { bracketMatching, foldGutter, foldKeymap, syntaxHighlighting } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { drawSelection, EditorView, keymap, lineNumbers } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import { jsonHighlight } from './json-highlight';

interface JsonCodeViewProps {
  text: string;
  testId: string;
  label: string;
}

export function JsonCodeView({ text, testId, label }: JsonCodeViewProps) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const view = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: text,
        extensions: [
          lineNumbers(),
          foldGutter(),
          drawSelection(),
          bracketMatching(),
          syntaxHighlighting(jsonHighlight),
          keymap.of(foldKeymap),
          json(),
          EditorState.readOnly.of(true),
          EditorView.contentAttributes.of({ 'aria-label': label }),
        ],
      }),
    });
    return () => view.destroy();
  }, [text, label]);
  return <div className="json-code-view" ref={host} data-testid={testId} />;
}
