// A pain's evidence per month over the last 12 months, with how much each month counts; loaded lazily (Recharts).
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';

interface Props {
  summary: string;
  data: Array<{ month: string; Entries: number; Weighted: number }>;
}

export default function PainTrendChart({ summary, data }: Props) {
  return (
    <div role="img" aria-label={summary}>
      <BarChart
        h={240}
        data={data}
        dataKey="month"
        series={[
          { name: 'Entries', color: 'grape.3', label: 'Entries' },
          { name: 'Weighted', color: 'grape.7', label: 'Weighted to recent' },
        ]}
        withLegend
        legendProps={{ verticalAlign: 'bottom', height: 40 }}
        valueFormatter={(v) => (Number.isInteger(v) ? String(v) : v.toFixed(1))}
        yAxisProps={{ width: 36, allowDecimals: false }}
        maxBarWidth={22}
        tickLine="y"
      />
    </div>
  );
}
