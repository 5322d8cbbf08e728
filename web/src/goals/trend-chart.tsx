// The KPI trend as bars per period with the target as a dashed line; loaded lazily (it brings Recharts).
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';

interface Props {
  summary: string;
  data: Array<{ period: string; Actual: number | null }>;
  color: string;
  target: number | null;
  format: (v: number) => string;
}

export default function TrendChart({ summary, data, color, target, format }: Props) {
  return (
    <div role="img" aria-label={summary}>
      <BarChart
        h={280}
        data={data}
        dataKey="period"
        series={[{ name: 'Actual', color }]}
        valueFormatter={format}
        referenceLines={target !== null ? [{ y: target, color: 'red.7', strokeDasharray: '5 5' }] : []}
        yAxisProps={{ width: 70, domain: [0, (max: number) => Math.max(max, target ?? 0) * 1.1] }}
        maxBarWidth={36}
        tickLine="y"
      />
    </div>
  );
}
