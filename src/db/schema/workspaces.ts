export interface WorkspacesTable {
  id: string;
  name: string;
  time_zone: string;
  /** 0 = Sunday … 6 = Saturday */
  week_start: number;
  /** 1 = January … 12 = December */
  fiscal_year_start_month: number;
  /** JSON array of { date: 'YYYY-MM-DD', name } */
  holidays: string;
  pain_threshold: number;
  is_demo: number;
  created_at: string;
  updated_at: string;
}
