// A pain's 12-month evidence trend as a tiny bar spark for the list (no chart library: one SVG).
import type { PainView } from './pain-types.js';
import { formatMonth } from './pain-format.js';

export function PainSpark({ trend, width = 96, height = 24 }: { trend: PainView['evidence']['trend']; width?: number; height?: number }) {
  const months = trend.months;
  const max = Math.max(1, ...months.map((m) => m.count));
  const gap = 2;
  const bar = (width - gap * (months.length - 1)) / months.length;
  const total = months.reduce((s, m) => s + m.count, 0);
  const label =
    total === 0
      ? 'No evidence in the last 12 months'
      : `${total} entries in the last 12 months, ${formatMonth(months[0]!.month)} to ${formatMonth(months.at(-1)!.month)}: ${months.map((m) => m.count).join(', ')}`;
  return (
    <svg width={width} height={height} role="img" aria-label={label} style={{ display: 'block' }}>
      <title>{label}</title>
      {months.map((m, i) => {
        const h = m.count === 0 ? 1 : Math.max(3, (m.count / max) * (height - 2));
        return (
          <rect
            key={m.month}
            x={i * (bar + gap)}
            y={height - h}
            width={bar}
            height={h}
            rx={1}
            // Recent months are drawn stronger, as they weigh more.
            fill={m.count === 0 ? 'var(--mantine-color-gray-3)' : 'var(--mantine-color-grape-6)'}
            fillOpacity={m.count === 0 ? 1 : 0.35 + 0.65 * m.weight}
          />
        );
      })}
    </svg>
  );
}
