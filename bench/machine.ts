// What the numbers were measured on: CPU, cores, memory, Node and the load average while it ran.
// The machine is shared with other work, so the load average is printed beside every table.
import { cpus, loadavg, totalmem } from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  totalMemoryGiB: number;
  node: string;
  /** os.loadavg() (1, 5 and 15 minutes) before the benchmark put its own load on the machine. */
  loadAverageBefore: [number, number, number];
  /** os.loadavg() when it finished: the server and autocannon themselves keep about two cores busy. */
  loadAverageAfter: [number, number, number];
}

export function loadAverage(): [number, number, number] {
  const [one = 0, five = 0, fifteen = 0] = loadavg();
  return [one, five, fifteen].map((n) => Math.round(n * 100) / 100) as [number, number, number];
}

export function describeMachine(loadAverageBefore: [number, number, number]): Machine {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown CPU',
    cores: list.length,
    totalMemoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    loadAverageBefore,
    loadAverageAfter: loadAverage(),
  };
}

/** One line: "AMD EPYC, 2 cores, 23.5 GiB, Node v20.20.2, load average (1 / 5 / 15 min) 1.2 / 0.9 / 0.7 before, …". */
export function machineLine(m: Machine): string {
  return `${m.cpu}, ${m.cores} cores, ${m.totalMemoryGiB} GiB, Node ${m.node}, load average (1 / 5 / 15 min) ${m.loadAverageBefore.join(' / ')} before the run, ${m.loadAverageAfter.join(' / ')} after`;
}

/** Other work already kept half the cores busy before the benchmark started: it shared the CPU with it. */
export function wasBusy(m: Machine): boolean {
  return m.loadAverageBefore[0] > m.cores * 0.5;
}
