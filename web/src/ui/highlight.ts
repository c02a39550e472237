/**
 * Highlighting spans of a text in place: the text is cut at every span boundary and each piece
 * becomes a text node, wrapped in <mark> when spans cover it. Offsets are UTF-16 offsets into the
 * original document text (what the API returns).
 */
import { h } from '../dom.ts';

export interface Span {
  start: number;
  end: number;
  /** What the span is: e.g. 'current' (the event shown), 'other' (another event), 'furniture'. */
  kind: string;
  /** Event id (or rule) the span belongs to, shown as a tooltip. */
  ref?: string;
}

export interface Segment {
  start: number;
  end: number;
  spans: Span[];
}

/** Cuts [0, length) at every span boundary; each segment lists the spans covering it. Bad spans are clamped or dropped. */
export function segmentText(length: number, spans: readonly Span[]): Segment[] {
  const valid = spans
    .map((s) => ({ ...s, start: Math.max(0, Math.min(length, s.start)), end: Math.max(0, Math.min(length, s.end)) }))
    .filter((s) => s.end > s.start);
  const cuts = new Set<number>([0, length]);
  for (const s of valid) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    if (end <= start) continue;
    out.push({ start, end, spans: valid.filter((s) => s.start <= start && s.end >= end) });
  }
  return out;
}

const PRIORITY = ['current', 'other', 'furniture'];

/** Renders `text` with its spans: plain text nodes, and <mark>/<span> elements for covered pieces. */
export function renderHighlighted(text: string, spans: readonly Span[], labels: { current: string; other: string }): DocumentFragment {
  const frag = document.createDocumentFragment();
  for (const seg of segmentText(text.length, spans)) {
    const piece = text.slice(seg.start, seg.end);
    const kinds = new Set(seg.spans.map((s) => s.kind));
    const top = PRIORITY.find((k) => kinds.has(k));
    if (top === 'current' || top === 'other') {
      const refs = [...new Set(seg.spans.filter((s) => s.kind === 'current' || s.kind === 'other').map((s) => s.ref).filter(Boolean))];
      frag.appendChild(
        h('mark', {
          class: top === 'current' ? 'ev-current' : 'ev-other',
          'data-events': refs.join(' '),
          title: top === 'current' ? labels.current : `${labels.other} ${refs.join(', ')}`,
        }, piece),
      );
    } else if (top === 'furniture') {
      frag.appendChild(h('span', { class: 'furniture' }, piece));
    } else {
      frag.appendChild(document.createTextNode(piece));
    }
  }
  return frag;
}
