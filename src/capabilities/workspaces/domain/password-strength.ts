// How guessable a password is (issue #7, SPEC S0): a maintained estimator, zxcvbn-ts with its common-password
// and keyboard-pattern data, instead of a length rule alone. Score 0–4; below 3 is refused.
import core from '@zxcvbn-ts/core';
import common from '@zxcvbn-ts/language-common';

export const MIN_PASSWORD_SCORE = 3;

// Built once per process: the dictionaries take ~30 ms to load.
let estimator: InstanceType<typeof core.ZxcvbnFactory> | undefined;
const zxcvbn = () => (estimator ??= new core.ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs }));

// zxcvbn-ts names its feedback with keys; these are our words for them.
const WARNINGS: Record<string, string> = {
  straightRow: 'it is a straight row of keys',
  keyPattern: 'it is a short keyboard pattern',
  simpleRepeat: 'it repeats the same characters',
  extendedRepeat: 'it repeats the same group of characters',
  sequences: 'it is a common sequence such as 1234 or abcd',
  recentYears: 'it ends in a recent year',
  dates: 'it is mostly a date',
  topTen: 'it is one of the ten most used passwords',
  topHundred: 'it is one of the hundred most used passwords',
  common: 'it is a commonly used password',
  similarToCommon: 'it is close to a commonly used password',
  wordByItself: 'it is a single word',
  namesByThemselves: 'it is a name',
  commonNames: 'it is a common name',
  userInputs: 'it contains your name, email or company',
  pwned: 'it has appeared in a data breach',
};

/**
 * Why a password is refused, as the end of a sentence a person reads, or null when it is strong enough.
 * `personal` are words of the person's own (email, name, company) that make a password easy to guess.
 */
export function passwordProblem(password: string, personal: readonly string[] = []): string | null {
  if (password.trim().length === 0) return 'The password cannot be only spaces.';
  const words = personal.flatMap((p) => p.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length >= 3);
  if (words.length > 0 && builtFrom(password, words)) return `This password is too easy to guess: ${WARNINGS.userInputs}. Use a longer one, such as three or four unrelated words.`;
  const result = zxcvbn().check(password, ['lockstep', ...words]);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const why = result.feedback.warning ? WARNINGS[result.feedback.warning] : undefined;
  return `This password is too easy to guess${why ? `: ${why}` : ''}. Use a longer one, such as three or four unrelated words.`;
}

// zxcvbn scores "Jordan Blackwood" well even when told the person's name is Jordan Blackwood (the capitals and
// the space add guesses); what is left once the person's own words are taken out is what really protects it.
function builtFrom(password: string, words: readonly string[]): boolean {
  let rest = password.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  for (const w of [...words].sort((x, y) => y.length - x.length)) rest = rest.split(w).join('');
  return rest.length < 4;
}
