// The fiscal quarter a calendar month falls in (../shared/SPEC.md S0: the workspace's fiscal-quarter
// start month; S1 quarterly targets; S4 one shadow-day programme per fiscal quarter).
// - Fiscal quarters are three-month blocks counted from the fiscal-year start month (1–12).
// - A fiscal year is named by the calendar year in which it ENDS: with a February start, Feb 2026 –
//   Jan 2027 is FY2027 (the common US convention, e.g. Walmart, Salesforce); with a January start the
//   fiscal year equals the calendar year.

/** The fiscal year (named by the year it ends in) and quarter (1–4) of a calendar month, and the quarter's first month. */
export function fiscalQuarterOf(year: number, month: number, fiscalYearStartMonth: number): { fiscalYear: number; quarter: number; startYear: number; startMonth: number } {
  const monthsIntoYear = (month - fiscalYearStartMonth + 12) % 12;
  const quarter = Math.floor(monthsIntoYear / 3) + 1;
  const fiscalStartYear = month >= fiscalYearStartMonth ? year : year - 1;
  // A January start ends the same calendar year; any later start ends the next one.
  const fiscalYear = fiscalYearStartMonth === 1 ? fiscalStartYear : fiscalStartYear + 1;
  const startIndex = month - 1 - (monthsIntoYear % 3); // may go negative: wraps into the previous year
  const startYear = year + Math.floor(startIndex / 12);
  const startMonth = (((startIndex % 12) + 12) % 12) + 1;
  return { fiscalYear, quarter, startYear, startMonth };
}
