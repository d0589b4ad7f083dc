import type { PointerEvent as ReactPointerEvent } from 'react';
import { timelineColumnLabels } from '../../stores/timeline-columns';
import type { TimelineColumnLayout } from '../../stores/timeline-layout-slice';
import { useTimelineStore } from '../../stores/timeline-store';

/** The column headings; dragging a heading's right edge resizes its column. */
export function TimelineColumnHeader({
  columns,
  gridTemplate,
}: {
  columns: TimelineColumnLayout[];
  gridTemplate: string;
}) {
  const resizeColumn = useTimelineStore((store) => store.resizeColumn);

  const startResize = (column: TimelineColumnLayout, pressed: ReactPointerEvent<HTMLSpanElement>) => {
    pressed.preventDefault();
    const handle = pressed.currentTarget;
    handle.setPointerCapture(pressed.pointerId);
    const startX = pressed.clientX;
    const onMove = (moved: PointerEvent) => resizeColumn(column.id, column.width + moved.clientX - startX);
    const onUp = () => {
      handle.removeEventListener('pointermove', onMove);
      handle.removeEventListener('pointerup', onUp);
    };
    handle.addEventListener('pointermove', onMove);
    handle.addEventListener('pointerup', onUp);
  };

  return (
    <div role="row" className="timeline-row timeline-header-row" style={{ gridTemplateColumns: gridTemplate }}>
      {columns.map((column) => (
        <div
          role="columnheader"
          key={column.id}
          className="timeline-cell timeline-header-cell"
          data-testid={`timeline-column-${column.id}`}
        >
          {timelineColumnLabels[column.id]}
          <span
            className="column-resize-handle"
            role="separator"
            aria-orientation="vertical"
            aria-label={`Resize ${timelineColumnLabels[column.id]}`}
            data-testid={`timeline-resize-${column.id}`}
            onPointerDown={(pressed) => startResize(column, pressed)}
          />
        </div>
      ))}
    </div>
  );
}
