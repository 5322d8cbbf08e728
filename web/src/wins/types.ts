// The Wins room's API shapes (SPEC S5; issue 13), inferred from the server's Zod schemas. Type-only: no server code
// reaches the bundle (the kinds and emoji lists come from the room's domain and the shared contract).
import type { z } from 'zod';
import type {
  CommentView as CommentViewSchema,
  ConfirmInput as ConfirmInputSchema,
  EmojiEnum,
  PersonRef as PersonRefSchema,
  ProposalView as ProposalViewSchema,
  SummaryView as SummaryViewSchema,
  WinDetailView as WinDetailViewSchema,
  WinInput as WinInputSchema,
  WinKindEnum,
  WinSourceView as WinSourceViewSchema,
  WinView as WinViewSchema,
} from '../../../src/capabilities/wins/schemas.js';

export { WIN_KINDS } from '../../../src/shared/contracts/win-candidates.js';

export type WinKind = z.infer<typeof WinKindEnum>;
export type Emoji = z.infer<typeof EmojiEnum>;
export type PersonRef = z.infer<typeof PersonRefSchema>;
export type PersonTeam = PersonRef['team'];
export type WinSource = z.infer<typeof WinSourceViewSchema>;
export type WinView = z.infer<typeof WinViewSchema>;
export type WinTeam = WinView['teams'][number];
export type ReactionView = WinView['reactions'][number];
export type WinCommentView = z.infer<typeof CommentViewSchema>;
export type WinDetailView = z.infer<typeof WinDetailViewSchema>;
export type ProposalView = z.infer<typeof ProposalViewSchema>;
export type WinsSummaryView = z.infer<typeof SummaryViewSchema>;
// Request bodies as sent (before the server applies defaults).
export type WinInput = z.input<typeof WinInputSchema>;
export type ConfirmProposalInput = z.input<typeof ConfirmInputSchema>;

/** The feed's filters, as the URL's query keeps them. */
export interface WinFilters {
  team: WinTeam | null;
  kind: WinKind | null;
  collaborative: 'true' | 'false' | null;
  q: string;
}
