// Published goals (SPEC S1), the pure part: catalog, periods, status, publications, expectations,
// the awareness quiz and comp alignment. Routes and stores import from here.
export * from './types.js';
export { kpiCatalog, catalogKind, defaultAggregation } from './kpi-catalog.js';
export { normalizeKpiText, kpiTextTokens } from './normalize-kpi-text.js';
export { matchKpiKind } from './match-kpi-kind.js';
export { projectKpiStatus, AT_RISK_BAND } from './project-kpi-status.js';
export { kpiTrend, type KpiTrendInput } from './kpi-trend.js';
export { formatKpiValue } from './format-kpi-value.js';
export {
  KPI_UNIT_RANGES,
  COMP_WEIGHT_MIN,
  COMP_WEIGHT_MAX,
  VALUE_YEARS_BACK,
  measureProblem,
  valueDateWindow,
  valueDateProblem,
  compWeightProblem,
  type KpiUnitRange,
  type MeasureField,
  type MeasureSubject,
} from './kpi-input-rules.js';
export { validateTopThree, type TopThreeCandidate } from './validate-top-three.js';
export { buildPublicationSnapshot } from './build-publication-snapshot.js';
export { diffPublications } from './diff-publications.js';
export { publicationFreshness, STALE_AFTER_DAYS } from './publication-freshness.js';
export { otherTeam, teamPossessive } from './other-team.js';
export { expectationGap, expectationGapSummary, type ExpectationGapInput } from './expectation-gap.js';
export { scoreAwarenessQuiz, QUIZ_PICKS, type AwarenessQuizInput } from './score-awareness-quiz.js';
export { compAlignment, compAlignmentSummary, type CompKpi } from './comp-alignment.js';
export { kpiChangeItems, type KpiChangeInput } from './kpi-change-items.js';
