import { useState, type DragEvent, type ReactNode } from 'react';
import './file-drop.css';

interface FileDropAreaProps {
  /** The first file dropped; a drop without files (text, a link) is ignored. */
  onFile(file: File): void;
  testId: string;
  children: ReactNode;
}

/** A framed area that takes a file dropped on it and lights up while one is dragged over. */
export function FileDropArea({ onFile, testId, children }: FileDropAreaProps) {
  const [dragging, setDragging] = useState(false);

  const onDrop = (event: DragEvent) => {
    // Without this the browser opens the dropped file in place of the app.
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  };

  return (
    <div
      className={dragging ? 'file-drop is-dragging' : 'file-drop'}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      data-testid={testId}
    >
      {children}
    </div>
  );
}
