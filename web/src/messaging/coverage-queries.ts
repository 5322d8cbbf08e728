// The coverage query (issue 12): GET /messaging/coverage, one per heat-map view. Keyed under 'messaging', so any
// messaging mutation that refreshes the room's queries refreshes the overview too.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../api/client.js';
import type { CoverageMode, CoverageView } from './coverage-types.js';

export const coverageKey = (view: CoverageMode) => ['messaging', 'coverage', view] as const;

export const useCoverage = (view: CoverageMode) =>
  useQuery({ queryKey: coverageKey(view), queryFn: () => api.get<CoverageView>(`/messaging/coverage?view=${view}`), placeholderData: keepPreviousData });
