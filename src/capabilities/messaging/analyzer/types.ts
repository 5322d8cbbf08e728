// The pain analyzer's shapes (SPEC S3): what it reads (pains with their evidence quotes) and what it answers.

export interface PainDoc {
  id: string;
  statement: string;
  synonyms: string[];
  /** The buyers' own words from evidence, with the evidence's date ('YYYY-MM-DD'). */
  quotes: Array<{ text: string; date: string }>;
}

export interface PainMatch {
  painId: string;
  /** 0–1. */
  similarity: number;
  /** The words it matched on, as the text wrote them, the weightiest first. */
  matchedOn: string[];
  /** How many evidence quotes contributed. */
  viaQuotes: number;
}

export interface FlaggedSentence {
  index: number;
  start: number;
  end: number;
  text: string;
  kind: 'feature' | 'hype' | 'self_focus';
  hint: string;
}

export type Band = 'pain_based' | 'mixed' | 'feature_led';

export type PartKey = 'problem' | 'buyer_focus' | 'feature_hype' | 'evidence_match';

export interface ScorePart {
  key: PartKey;
  label: string;
  points: number;
  max: number;
  explanation: string;
}

export interface Analysis {
  /** 0–100 integer: the sum of the parts' points. */
  score: number;
  band: Band;
  threshold: number;
  parts: ScorePart[];
  matchedPains: PainMatch[];
  flagged: FlaggedSentence[];
  sentences: Array<{ start: number; end: number; text: string }>;
  words: number;
}
