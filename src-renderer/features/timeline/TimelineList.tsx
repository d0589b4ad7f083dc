import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { eventKey } from '../../../src-shared/webhook-events';
import { useTeamInboxStore } from '../../stores/team-inbox-store';
import { useTimelineStore } from '../../stores/timeline-store';
import { TimelineColumnHeader } from './TimelineColumnHeader';
import { TimelineRow } from './TimelineRow';
import { columnsThatFit } from './columns-that-fit';
import { useElementWidth } from './use-element-width';

const rowHeight = 30;
/** The sticky column header above the rows (see .timeline-header-row). */
const headerHeight = 28;
/** How close to the end of what is loaded the next page is asked for. */
const prefetchRows = 30;

/** The events as a virtualised grid: only the rows in view (and a few around) exist in the page. */
export function TimelineList() {
  const { events, nextCursor, loadingMore, selectedKey, columns, following, detailOpen } = useTimelineStore(
    useShallow((store) => ({
      following: store.following,
      detailOpen: store.detailOpen && store.selectedEvent !== null,
      events: store.events,
      nextCursor: store.nextCursor,
      loadingMore: store.loadingMore,
      selectedKey: store.selectedKey,
      columns: store.columns,
    })),
  );
  const { loadMore, selectEvent, openDetail, noteScrolledToNewest } = useTimelineStore(
    useShallow((store) => ({
      loadMore: store.loadMore,
      selectEvent: store.selectEvent,
      openDetail: store.openDetail,
      noteScrolledToNewest: store.noteScrolledToNewest,
    })),
  );
  const scroller = useRef<HTMLDivElement>(null);
  const listWidth = useElementWidth(scroller);
  // Every event is local until the app watches a team inbox: the Source column would only repeat that.
  const watchingTeam = useTeamInboxStore((store) => Boolean(store.state?.url));
  const visibleColumns = useMemo(() => {
    const chosen = columns.filter((column) => column.visible && (column.id !== 'source' || watchingTeam));
    return detailOpen ? columnsThatFit(chosen, listWidth) : chosen;
  }, [columns, detailOpen, listWidth, watchingTeam]);
  const columnIds = useMemo(() => visibleColumns.map((column) => column.id), [visibleColumns]);
  const gridTemplate = visibleColumns.map((column) => `${column.width}px`).join(' ');
  const totalWidth = visibleColumns.reduce((sum, column) => sum + column.width, 0);

  const virtualizer = useVirtualizer({
    count: events.length + (nextCursor ? 1 : 0),
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 15,
    // The rows start below the sticky header, and a row scrolled to must not hide under it.
    scrollMargin: headerHeight,
    scrollPaddingStart: headerHeight,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (nextCursor && !loadingMore && lastIndex >= events.length - prefetchRows) void loadMore();
  }, [lastIndex, events.length, nextCursor, loadingMore, loadMore]);

  // Following means showing the newest: resuming brings the list back to the top.
  useEffect(() => {
    if (following && scroller.current) scroller.current.scrollTop = 0;
  }, [following]);

  /*
   * New events are only added while the list shows the newest; a reader scrolled further down is
   * paused instead (the counter shows what arrived), so the rows being read never move and live
   * traffic costs no re-render or layout while scrolling.
   */
  const onScroll = () => noteScrolledToNewest((scroller.current?.scrollTop ?? 0) < rowHeight);

  useEffect(() => {
    const index = events.findIndex((event) => eventKey(event) === selectedKey);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
    // Only a new selection scrolls; live arrivals must not pull the view back to it.
  }, [selectedKey]);

  const open = useCallback(
    (key: string) => {
      selectEvent(key);
      openDetail();
    },
    [selectEvent, openDetail],
  );

  return (
    <div
      className="timeline-scroller"
      ref={scroller}
      role="grid"
      aria-rowcount={events.length}
      aria-label="Webhook events"
      data-testid="timeline-list"
      // A stop in the Tab order, so the arrow keys can be reached without a mouse.
      tabIndex={0}
      onScroll={onScroll}
    >
      <div style={{ minWidth: totalWidth }}>
        <TimelineColumnHeader columns={visibleColumns} gridTemplate={gridTemplate} />
        <div className="timeline-rows" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const event = events[item.index];
            if (!event) {
              return (
                <div
                  key="more"
                  className="timeline-row timeline-more"
                  style={{ transform: `translateY(${item.start - headerHeight}px)`, height: rowHeight }}
                  data-testid="timeline-loading-more"
                >
                  Loading older events…
                </div>
              );
            }
            return (
              <TimelineRow
                key={eventKey(event)}
                event={event}
                columns={columnIds}
                selected={eventKey(event) === selectedKey}
                top={item.start - headerHeight}
                height={rowHeight}
                gridTemplate={gridTemplate}
                onOpen={open}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
