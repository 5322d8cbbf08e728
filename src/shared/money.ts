// Money in words for titles and sentences (wins, proposals, audit lines): whole dollars, from cents as stored.
const WHOLE_DOLLARS = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });

/** 1234500 → "$12,345". */
export const wholeDollars = (cents: number): string => WHOLE_DOLLARS.format(cents / 100);
