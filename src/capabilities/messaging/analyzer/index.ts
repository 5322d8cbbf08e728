// The pain analyzer (SPEC S3, issue 12): pure, no database. The messaging room reads a workspace's pains into a
// PainIndex (../pain-index.ts) and asks analyzePiece for a piece's score, band, parts, matched pains and flagged
// sentences; sentencesOf is the sentence split that comment anchors use too.
export type { Analysis, Band, FlaggedSentence, PainDoc, PainMatch, PartKey, ScorePart } from './types.js';
export { PainIndex, HALF_LIFE_DAYS, MIN_SIMILARITY } from './pain-matcher.js';
export { analyzePiece, bandOf, sentencesOf, MIXED_WIDTH, PART_MAX } from './analyze.js';
