/**
 * A windowed list: only the items in view (and a screen's worth around them)
 * are in the DOM, so 5,000 case cards scroll like 20. Items keep their own
 * heights: each rendered item is measured (ResizeObserver) and the others
 * are counted at the estimate until they have been seen. A short list is
 * rendered whole, in the page's flow, as before (nothing to window).
 *
 * Presentational: items and a render function in, nothing out.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from "react";

const useStyles = makeStyles({
  scroller: {
    overflowY: "auto",
    height: "70vh",
    minHeight: "320px",
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
});

export interface VirtualListProps<T> {
  readonly items: readonly T[];
  readonly itemKey: (item: T) => string;
  readonly renderItem: (item: T, index: number) => ReactNode;
  /** Height of an item not yet measured, in pixels. */
  readonly estimate: number;
  /** Up to this many items, everything is rendered in the page's flow. */
  readonly threshold?: number;
  readonly label: string;
}

/** First index whose bottom is below `y` (offsets[i] is the top of item i, offsets[n] the total). */
function indexAt(offsets: Float64Array, y: number): number {
  let low = 0;
  let high = offsets.length - 2;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (offsets[mid + 1] <= y) low = mid + 1;
    else high = mid;
  }
  return Math.max(0, low);
}

export function VirtualList<T>({ items, itemKey, renderItem, estimate, threshold = 60, label }: VirtualListProps<T>) {
  const styles = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const heights = useRef(new Map<string, number>());
  const [measured, setMeasured] = useState(0);
  const [view, setView] = useState({ top: 0, height: 720 });
  const windowed = items.length > threshold;

  const offsets = useMemo(() => {
    const table = new Float64Array(items.length + 1);
    for (let i = 0; i < items.length; i++) table[i + 1] = table[i] + (heights.current.get(itemKey(items[i])) ?? estimate);
    return table;
    // `measured` changes when a height is learnt: the offsets are recomputed then.
  }, [items, itemKey, estimate, measured]);

  // Created on the first item rendered (refs run before effects), dropped with the list.
  const observer = useRef<ResizeObserver | undefined>(undefined);
  const frame = useRef(0);
  const watch = useCallback((element: HTMLDivElement | null) => {
    if (!element || typeof ResizeObserver === "undefined") return;
    observer.current ??= new ResizeObserver((entries) => {
      let changed = false;
      for (const entry of entries) {
        const target = entry.target as HTMLElement;
        // An item scrolled out of the window left the DOM: stop watching it (its height stays known).
        if (!target.isConnected) {
          observer.current?.unobserve(target);
          continue;
        }
        const key = target.dataset.key;
        const height = target.offsetHeight;
        if (key !== undefined && height > 0 && heights.current.get(key) !== height) {
          heights.current.set(key, height);
          changed = true;
        }
      }
      if (changed && !frame.current) frame.current = requestAnimationFrame(() => ((frame.current = 0), setMeasured((n) => n + 1)));
    });
    observer.current.observe(element);
  }, []);
  useEffect(
    () => () => {
      observer.current?.disconnect();
      observer.current = undefined;
      if (frame.current) cancelAnimationFrame(frame.current);
    },
    [],
  );

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!windowed || !element) return;
    let frame = 0;
    const read = () => {
      frame = 0;
      setView((current) => (current.top === element.scrollTop && current.height === element.clientHeight ? current : { top: element.scrollTop, height: element.clientHeight }));
    };
    read();
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(read);
    };
    element.addEventListener("scroll", onScroll, { passive: true });
    return () => {
      element.removeEventListener("scroll", onScroll);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [windowed]);

  // A new filter starts at the top of the list.
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [items]);

  if (!windowed) {
    return (
      <div role="list" aria-label={label}>
        {items.map((item, index) => (
          <div role="listitem" key={itemKey(item)}>
            {renderItem(item, index)}
          </div>
        ))}
      </div>
    );
  }

  const overscan = view.height;
  const first = indexAt(offsets, Math.max(0, view.top - overscan));
  const last = Math.min(items.length - 1, indexAt(offsets, view.top + view.height + overscan));
  const total = offsets[items.length];
  return (
    <div ref={scroller} className={styles.scroller} tabIndex={0} role="list" aria-label={label}>
      <div style={{ height: offsets[first] }} aria-hidden />
      {items.slice(first, last + 1).map((item, i) => (
        <div role="listitem" key={itemKey(item)} data-key={itemKey(item)} ref={watch} style={{ display: "flow-root" }} aria-posinset={first + i + 1} aria-setsize={items.length}>
          {renderItem(item, first + i)}
        </div>
      ))}
      <div style={{ height: Math.max(0, total - offsets[last + 1]) }} aria-hidden />
    </div>
  );
}
