// Windowing for long timelines: the list holds the rows near the viewport, a block of WINDOW_BLOCK_ROWS at a time; every
// other block is one placeholder item as tall as the block was when it was last in the page (or as its rows' nominal
// heights, scaled by what the rendered blocks measured). Blocks render as they come within a margin of the viewport
// (IntersectionObserver) and are dropped again far from it, except the one holding focus.
import { renderTimelineRowsHtml, WINDOW_BLOCK_ROWS } from '../../src/core/timelineView/html';
import type { TimelineViewModel } from '../../src/core/timelineView/viewModel';
import { pushAll } from '../../src/core/util/arrays';

/** Blocks render this far (px) above and below the viewport, so keys and the wheel rarely meet a placeholder. */
const RENDER_MARGIN_PX = 1200;
/** Rendered blocks further than this many viewport heights away are dropped. */
const KEEP_SCREENS = 4;

interface Block {
  /** The placeholder, or the block's first and last row. */
  first: Element;
  last: Element;
  rendered: boolean;
  /** Height (px) when it was last in the page. */
  measured?: number;
  nominal: number;
}

export interface RowWindow {
  /** Puts the block of row `index` and its neighbours in the page (keys, highlight). */
  ensureAround(index: number): void;
  /** Block heights measured so far, to carry over to the window of the next model. */
  readonly measured: ReadonlyMap<number, number>;
  /** The blocks in the page. */
  renderedBlocks(): number[];
  dispose(): void;
}

export interface RowWindowOptions {
  /** Called after rows were added to or removed from the page, with the rows added. */
  onChange(added: Element[]): void;
  /** Measured heights of an earlier window of the same document, by block. */
  measured?: ReadonlyMap<number, number>;
  /** Blocks to render at once (an update keeps what was in view). */
  initial?: number[];
}

export function createRowWindow(list: HTMLElement, model: TimelineViewModel, options: RowWindowOptions): RowWindow {
  const doc = list.ownerDocument;
  const win = doc.defaultView ?? window;
  const rows = model.timeline.rows;
  const count = Math.ceil(rows.length / WINDOW_BLOCK_ROWS);
  const measured = new Map(options.measured ?? []);
  const blocks: Block[] = [];
  let measuredTotal = 0;
  let nominalTotal = 0;
  const scale = () => (nominalTotal > 0 ? measuredTotal / nominalTotal : 1);
  const heightOf = (b: number) => measured.get(b) ?? blocks[b].nominal * scale();

  const placeholder = (b: number): HTMLElement => {
    const li = doc.createElement('li');
    li.className = 'pm-row-placeholder';
    li.setAttribute('aria-hidden', 'true');
    li.dataset.block = String(b);
    // CSSOM, not a style attribute: the webview's CSP allows the one and not the other.
    li.style.height = `${Math.max(1, Math.round(heightOf(b)))}px`;
    return li;
  };

  const observer = typeof win.IntersectionObserver === 'function'
    ? new win.IntersectionObserver((entries) => {
        // An entry may be for a placeholder that its block has replaced since.
        renderBlocks(entries.flatMap((entry) => {
          const b = Number((entry.target as HTMLElement).dataset.block);
          return entry.isIntersecting && blocks[b]?.first === entry.target ? [b] : [];
        }));
      }, { rootMargin: `${RENDER_MARGIN_PX}px 0px` })
    : undefined;

  /** Puts block `b` in place of its placeholder; its rows, or none when it was in the page already. */
  const render = (b: number): Element[] => {
    const block = blocks[b];
    if (!block || block.rendered) return [];
    const template = doc.createElement('template');
    template.innerHTML = renderTimelineRowsHtml(model, b * WINDOW_BLOCK_ROWS, (b + 1) * WINDOW_BLOCK_ROWS);
    const added = Array.from(template.content.children);
    if (!added.length) return [];
    observer?.unobserve(block.first);
    block.first.replaceWith(template.content);
    block.first = added[0];
    block.last = added[added.length - 1];
    block.rendered = true;
    return added;
  };

  const extent = (block: Block) => block.last.getBoundingClientRect().bottom - block.first.getBoundingClientRect().top;

  /**
   * Renders the blocks asked for, then measures those it put in the page (one layout), so placeholders of unseen blocks get a
   * better height, and tells the app which rows came in.
   */
  const renderBlocks = (wanted: number[]) => {
    const added: Element[] = [];
    const done: number[] = [];
    for (const b of wanted) {
      const blockRows = render(b);
      if (!blockRows.length) continue;
      pushAll(added, blockRows);
      done.push(b);
    }
    if (!done.length) return;
    for (const b of done) {
      const height = extent(blocks[b]);
      if (!(height > 0)) continue;
      if (!measured.has(b)) {
        measuredTotal += height;
        nominalTotal += blocks[b].nominal;
      }
      measured.set(b, height);
    }
    options.onChange(added);
  };

  const drop = (b: number) => {
    const block = blocks[b];
    const height = extent(block);
    if (height > 0) measured.set(b, height);
    const range = doc.createRange();
    range.setStartBefore(block.first);
    range.setEndAfter(block.last);
    range.deleteContents();
    const li = placeholder(b);
    // The rows after the block, or the end of the list.
    const next = blocks[b + 1]?.first ?? null;
    list.insertBefore(li, next);
    block.first = li;
    block.last = li;
    block.rendered = false;
    observer?.observe(li);
  };

  let frame = 0;
  const onScroll = () => {
    if (frame) return;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      const keep = KEEP_SCREENS * Math.max(win.innerHeight, 300);
      const active = doc.activeElement;
      let dropped = false;
      for (let b = 0; b < count; b++) {
        const block = blocks[b];
        if (!block.rendered) continue;
        const top = block.first.getBoundingClientRect().top;
        const bottom = block.last.getBoundingClientRect().bottom;
        if (bottom > -keep && top < win.innerHeight + keep) continue;
        if (active && list.contains(active) && blockOfElement(active) === b) continue;
        drop(b);
        dropped = true;
      }
      if (dropped) options.onChange([]);
    });
  };

  const blockOfElement = (el: Element): number => {
    const row = el.closest<HTMLElement>('[data-row]')?.dataset.row ?? el.querySelector<HTMLElement>('[data-row]')?.dataset.row;
    return row === undefined ? -1 : Math.floor(Number(row) / WINDOW_BLOCK_ROWS);
  };

  // Build: every block a placeholder, then the ones asked for (or all of them where nothing observes the viewport).
  list.textContent = '';
  const fragment = doc.createDocumentFragment();
  for (let b = 0; b < count; b++) {
    let nominal = 0;
    for (let i = b * WINDOW_BLOCK_ROWS; i < Math.min(rows.length, (b + 1) * WINDOW_BLOCK_ROWS); i++) nominal += (Number(rows[i].height) || 0) + (Number(rows[i].gap) || 0);
    blocks.push({ first: list, last: list, rendered: false, nominal });
  }
  for (const [b, height] of measured) {
    if (!blocks[b]) continue;
    measuredTotal += height;
    nominalTotal += blocks[b].nominal;
  }
  for (let b = 0; b < count; b++) {
    const li = placeholder(b);
    blocks[b].first = li;
    blocks[b].last = li;
    fragment.appendChild(li);
  }
  list.appendChild(fragment);
  renderBlocks(observer ? (options.initial?.length ? options.initial : [0]) : blocks.map((_, b) => b));
  if (observer) for (const block of blocks) if (!block.rendered) observer.observe(block.first);
  win.addEventListener('scroll', onScroll, { passive: true });

  return {
    ensureAround(index: number) {
      const b = Math.floor(index / WINDOW_BLOCK_ROWS);
      renderBlocks([b - 1, b, b + 1]);
    },
    measured,
    renderedBlocks: () => blocks.flatMap((block, b) => (block.rendered ? [b] : [])),
    dispose() {
      observer?.disconnect();
      win.removeEventListener('scroll', onScroll);
      if (frame) win.cancelAnimationFrame(frame);
    },
  };
}
