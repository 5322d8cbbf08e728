// Wins per week, collaborative ones stacked under the rest; loaded lazily (it brings Recharts).
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';

interface Props {
  summary: string;
  data: Array<{ week: string; Collaborative: number; 'One team': number }>;
}

export default function WinsChart({ summary, data }: Props) {
  return (
    <div role="img" aria-label={summary}>
      <BarChart
        h={200}
        data={data}
        dataKey="week"
        type="stacked"
        series={[
          { name: 'Collaborative', color: 'grape.7', label: 'Collaborative' },
          { name: 'One team', color: 'blue.3', label: 'One team' },
        ]}
        withLegend
        legendProps={{ verticalAlign: 'bottom', height: 36 }}
        yAxisProps={{ width: 28, allowDecimals: false }}
        maxBarWidth={18}
        tickLine="y"
      />
    </div>
  );
}
