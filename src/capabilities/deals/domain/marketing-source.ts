// Marketing-sourced is a rule the admin sees and changes (issue 11): the deal's source value is one of the
// workspace's marketing sources, compared trimmed and case-insensitively. Nothing else decides it.

/** The source values a new workspace counts as marketing until an admin changes them (HubSpot and Salesforce defaults). */
export const DEFAULT_MARKETING_SOURCES: readonly string[] = [
  'Organic Search',
  'Paid Search',
  'Paid Social',
  'Organic Social',
  'Social Media',
  'Email Marketing',
  'Referrals',
  'Web',
  'Advertisement',
  'Trade Show',
  'Webinar',
  'Seminar - Internal',
  'Seminar - Partner',
];

export const sourceKey = (value: string): string => value.trim().replace(/\s+/g, ' ').toLowerCase();

/** A matcher for one rule, built once per import or rule change rather than once per deal. */
export function marketingSourceMatcher(rule: readonly string[]): (source: string | null) => boolean {
  const keys = new Set(rule.map(sourceKey).filter((k) => k !== ''));
  return (source) => source !== null && keys.has(sourceKey(source));
}
