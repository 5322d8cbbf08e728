// The coverage API's shapes (issue 12), inferred from the server's Zod schemas. Type-only: no server code reaches the bundle.
import type { z } from 'zod';
import type { CoverageView as CoverageViewSchema } from '../../../src/capabilities/messaging/coverage-schemas.js';

export type CoverageView = z.infer<typeof CoverageViewSchema>;
export type CoveragePain = CoverageView['pains'][number];
export type CoveragePiece = CoverageView['pieces'][number];
export type OffMessagePiece = CoverageView['offMessage'][number];
export type CoverageCell = CoverageView['cells'][number];
export type CoverageMode = CoverageView['view'];
