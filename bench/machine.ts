// What the numbers were measured on: CPU, cores, memory, Node and the load average while it ran.
// The machine is shared with other work, so the load average is printed beside every table.
import { cpus, loadavg, totalmem } from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  totalMemoryGiB: number;
  node: string;
  /** os.loadavg(): 1, 5 and 15 minutes. */
  loadAverage: [number, number, number];
}

export function describeMachine(): Machine {
  const list = cpus();
  const [one = 0, five = 0, fifteen = 0] = loadavg();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown CPU',
    cores: list.length,
    totalMemoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    loadAverage: [one, five, fifteen].map((n) => Math.round(n * 100) / 100) as [number, number, number],
  };
}

/** One line: "Intel Xeon …, 2 cores, 7.8 GiB, Node v20.20.2, load average 1.2 / 0.9 / 0.7". */
export function machineLine(m: Machine): string {
  return `${m.cpu}, ${m.cores} cores, ${m.totalMemoryGiB} GiB, Node ${m.node}, load average ${m.loadAverage.join(' / ')} (1 / 5 / 15 min)`;
}

/** A load average above the core count means other work shared the CPU with the benchmark. */
export function wasBusy(m: Machine): boolean {
  return m.loadAverage[0] > m.cores * 0.75;
}
