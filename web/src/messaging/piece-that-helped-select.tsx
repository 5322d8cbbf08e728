// "Piece that helped (optional)" (decision 056): the published piece a rep names on an evidence entry, searched by
// title — in the fast form and in the entry's edit dialog alike.
import { SearchSelect } from '../shell/search-select.js';
import { usePublishedPieceSearch } from './piece-search.js';
import type { PieceSummaryView } from './piece-types.js';

export interface CitedPiece {
  id: string;
  title: string;
}

export function PieceThatHelpedSelect({ piece, onChange, description, error }: { piece: CitedPiece | null; onChange: (piece: CitedPiece | null) => void; description?: string; error?: string | null }) {
  return (
    <SearchSelect<PieceSummaryView>
      label="Piece that helped (optional)"
      description={description}
      placeholder="Search published pieces…"
      value={piece?.id ?? null}
      selectedLabel={piece?.title ?? null}
      onChange={(id, item) => onChange(id && item ? { id, title: item.title } : id && piece ? piece : null)}
      useResults={usePublishedPieceSearch}
      toOption={(p) => ({ value: p.id, label: p.title })}
      nothingFound="No published piece matches"
      noun="pieces"
      clearable
      error={error ?? undefined}
    />
  );
}
