// The overall score's weekly trend (SPEC S6: "the dashboard shows its trend"): a small line drawn in SVG rather than with
// the charts library, so the dashboard's first load stays light. Its height spans the stored scores' range (its ends
// labelled); a week with no score breaks the line. Its name says the trend in words, and each dot names its week and score.
import { formatLocalDate } from '../shell/format.js';
import { levelY, trendDomain, trendGeometry } from './format.js';
import type { HistoryWeek } from './types.js';

const WIDTH = 320;
const HEIGHT = 110;
const PAD = 6;
/** Room on the left for the scale's labels. */
const AXIS = 24;

export function ScoreTrend({ history, label }: { history: HistoryWeek[]; label: string }) {
  const domain = trendDomain(history);
  const { paths, points } = trendGeometry(history, WIDTH - AXIS, HEIGHT, PAD, domain);
  const y = (s: number) => levelY(s, HEIGHT, PAD, domain);
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-label={label} style={{ display: 'block', maxWidth: 420 }}>
      {domain.map((s) => (
        <g key={s} aria-hidden>
          <line x1={AXIS} x2={WIDTH} y1={y(s)} y2={y(s)} stroke="var(--mantine-color-default-border)" strokeDasharray="3 4" />
          <text x={AXIS - 4} y={y(s) + 3.5} textAnchor="end" fontSize={10} fill="var(--mantine-color-dimmed)">
            {s}
          </text>
        </g>
      ))}
      <g transform={`translate(${AXIS} 0)`}>
        {paths.map((d) => (
          <path key={d} d={d} fill="none" stroke="var(--mantine-color-indigo-filled)" strokeWidth={2.5} strokeLinejoin="round" strokeLinecap="round" />
        ))}
        {points.map((p, i) => (
          <circle key={p.weekStart} cx={p.x} cy={p.y} r={i === points.length - 1 ? 4.5 : 2.5} fill="var(--mantine-color-indigo-filled)">
            <title>{`Week of ${formatLocalDate(p.weekStart)}: ${p.score}`}</title>
          </circle>
        ))}
      </g>
    </svg>
  );
}
