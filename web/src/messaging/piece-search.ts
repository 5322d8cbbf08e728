// The published pieces a rep may cite as "the piece that helped" (decision 056), searched by title for the evidence
// forms' picker.
import { useFirstPage } from '../api/pages.js';
import type { PieceSummaryView } from './piece-types.js';

export function usePublishedPieceSearch(q: string) {
  const r = useFirstPage<PieceSummaryView>(['messaging', 'pieces', 'citable'], '/messaging/pieces', { status: 'published', q, limit: 20 });
  return { items: r.data?.items ?? [], searching: r.isFetching, more: r.data?.nextCursor ? ('some' as const) : 0 };
}
