/**
 * The JSON editor as the pages use it. CodeMirror is most of the renderer's
 * code, so it is fetched on demand: until it arrives, the text stands in its
 * place at the editor's size (the form beside it is usable meanwhile), and a
 * failed fetch offers a retry rather than taking the page down.
 */
import { Component, lazy, Suspense, useReducer, type ReactNode } from 'react';
import type { JsonEditorProps } from './CodeMirrorJsonEditor';

export type { JsonEditorMarker } from './CodeMirrorJsonEditor';

const loadEditor = () => import('./CodeMirrorJsonEditor').then((module) => ({ default: module.CodeMirrorJsonEditor }));

/** Shared by every editor on screen; replaced only by a retry, since React keeps a failed load. */
let LoadedEditor = lazy(loadEditor);

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

interface LoadBoundaryProps {
  onRetry(): void;
  children: ReactNode;
}

/** Stands in for an editor whose code did not arrive, with a Retry that fetches it again. */
class EditorLoadBoundary extends Component<LoadBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  private retry = () => {
    this.props.onRetry();
    this.setState({ failed: false });
  };

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <p className="notice notice-warning" role="alert" data-testid="json-editor-failed">
        The JSON editor did not arrive from the workbench.{' '}
        <button type="button" className="button-secondary" onClick={this.retry} data-testid="json-editor-retry">
          Retry
        </button>
      </p>
    );
  }
}

export function JsonEditor(props: JsonEditorProps) {
  const [, rerender] = useReducer((count: number) => count + 1, 0);
  return (
    <EditorLoadBoundary
      onRetry={() => {
        LoadedEditor = lazy(loadEditor);
        rerender();
      }}
    >
      <Suspense fallback={<EditorPlaceholder {...props} />}>
        <LoadedEditor {...props} />
      </Suspense>
    </EditorLoadBoundary>
  );
}
