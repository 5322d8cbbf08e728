// The Wins room's limits (issue 13 contract), in one place for the schemas, the checks and the web app's forms.
export const WIN_LIMITS = {
  title: 160,
  story: 5000,
  credited: 30,
  comment: 2000,
  /** Comments shown with one win (oldest first); the count says how many there are. */
  commentsShown: 200,
  maxThresholdCents: 10_000_000_000,
  /** A win's day: at most this many days ahead of today (a win late in the evening somewhere east)… */
  daysAhead: 1,
  /** …and at most this many years back. */
  yearsBack: 10,
} as const;

/** Won deals below this are batched into one proposal a week until an admin sets another: $5,000. */
export const DEFAULT_SMALL_DEAL_THRESHOLD_CENTS = 500_000;
