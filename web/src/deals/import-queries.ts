// Deal imports over /api/v1/deals (issue 11): the upload with its progress (XMLHttpRequest: fetch cannot report
// upload progress), the import polled while the server works on it, its error report, column presets and owner
// mappings. Types are inferred from the server's Zod schemas (type-only: no server code reaches the bundle).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as S from '../../../src/capabilities/deals/imports-http/schemas.js';
import { api, ApiError } from '../api/client.js';
import { usePagedList } from '../api/pages.js';

export type ImportView = z.infer<typeof S.ImportView>;
export type ImportStatus = ImportView['status'];
export type ImportErrorView = z.infer<typeof S.ImportErrorView>;
export type ImportErrorsPage = z.infer<typeof S.ImportErrorsPageView>;
export type PresetView = z.infer<typeof S.PresetView>;
export type FieldsView = z.infer<typeof S.FieldsView>;
export type DealFieldView = FieldsView['fields'][number];
export type CommitMode = z.infer<typeof S.CommitMode>;
export type ColumnMapping = Record<string, string>;

export const importKeys = {
  all: ['deal-imports'] as const,
  list: ['deal-imports', 'list'] as const,
  one: (id: string) => ['deal-imports', 'one', id] as const,
  errors: (id: string) => ['deal-imports', 'errors', id] as const,
  fields: ['deal-imports', 'fields'] as const,
  presets: ['deal-imports', 'presets'] as const,
  owners: ['deal-imports', 'owners'] as const,
};

const path = (id: string) => `/deals/imports/${encodeURIComponent(id)}`;

/** Still being worked on by the server: the page polls it. */
export const isBusy = (status: ImportStatus): boolean => status === 'uploading' || status === 'validating' || status === 'importing';

/** The import, polled every 700 ms while the server checks or writes it. */
export function useImport(id: string | null) {
  return useQuery({
    queryKey: importKeys.one(id ?? ''),
    enabled: id !== null,
    queryFn: () => api.get<ImportView>(path(id!)),
    refetchInterval: (q) => (q.state.data && isBusy(q.state.data.status) ? 700 : false),
  });
}

export const useImports = (poll: boolean) => usePagedList<ImportView>(importKeys.list, '/deals/imports', {}, { limit: 10, ...(poll ? { refetchInterval: 2000 } : {}) });
export const useImportErrors = (id: string, enabled: boolean) => usePagedList<ImportErrorView, ImportErrorsPage>(importKeys.errors(id), `${path(id)}/errors`, {}, { limit: 50, enabled });
export const useDealFields = () => useQuery({ queryKey: importKeys.fields, queryFn: () => api.get<FieldsView>('/deals/fields'), staleTime: Number.POSITIVE_INFINITY });
export const usePresets = () => useQuery({ queryKey: importKeys.presets, queryFn: () => api.get<{ items: PresetView[]; nextCursor: string | null }>('/deals/column-presets?limit=200') });

export const errorReportUrl = (id: string): string => `/api/v1${path(id)}/errors.csv`;

/** An upload under way: its bytes sent so far, and a way to stop it. */
export interface UploadProgress {
  loaded: number;
  total: number;
}

/**
 * Sends the file as the request body, reporting progress as it goes. Resolves to the import the server created
 * (202), rejects with the server's sentence (413, 415, …) as ApiError, or with 'aborted' when stopped.
 */
export function uploadDealFile(file: File, onProgress: (p: UploadProgress) => void, signal: AbortSignal): Promise<ImportView> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/deals/imports?filename=${encodeURIComponent(file.name)}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    // A CSV by its name or its type; anything else goes as bytes and the server says what it is.
    xhr.setRequestHeader('Content-Type', /\.csv$/i.test(file.name) || file.type === 'text/csv' ? 'text/csv' : 'application/octet-stream');
    xhr.upload.onprogress = (e) => onProgress({ loaded: e.loaded, total: e.lengthComputable ? e.total : file.size });
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status === 202) return resolve(body as ImportView);
      const err = (body as { error?: { code?: string; message?: string } } | null)?.error;
      reject(new ApiError(xhr.status, err?.code ?? 'http_error', err?.message ?? `The server answered ${xhr.status}.`));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'The upload stopped: Lockstep could not reach the server. Check your connection and try again.'));
    xhr.onabort = () => reject(new ApiError(0, 'aborted', 'The upload was stopped.'));
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

/** Every import mutation refreshes the imports, and the deals and goals they change. */
function useImportMutation<TBody, TResult>(fn: (body: TBody) => Promise<TResult>, onDone?: (r: TResult) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: importKeys.all });
      void qc.invalidateQueries({ queryKey: ['audit'] });
      onDone?.(r);
    },
  });
}

export const useCommitImport = (id: string) => useImportMutation((mode: CommitMode) => api.post<ImportView>(`${path(id)}/commit`, { mode }));
export const useCancelImport = (id: string) => useImportMutation(() => api.delete<ImportView>(path(id)));
export const useMapColumns = (id: string) => useImportMutation((body: { mapping: ColumnMapping; savePreset?: string }) => api.put<ImportView>(`${path(id)}/mapping`, body));
export const useDeletePreset = () => useImportMutation((presetId: string) => api.delete<{ ok: true }>(`/deals/column-presets/${encodeURIComponent(presetId)}`));
export const useMapOwners = () =>
  useImportMutation((mappings: Array<{ ownerName: string; memberId: string }>) => api.put<{ saved: number; removed: number }>('/deals/owner-mappings', { mappings }));

/** What the vendor's export is called, for the result ("HubSpot deals export"). */
export const FORMAT_LABEL: Record<NonNullable<ImportView['format']>, string> = {
  hubspot: 'HubSpot deals export',
  salesforce: 'Salesforce report',
  mapped: 'CSV with columns mapped by hand',
};

export const STATUS_LABEL: Record<ImportStatus, { label: string; color: string }> = {
  uploading: { label: 'Uploading', color: 'blue' },
  validating: { label: 'Checking', color: 'blue' },
  needs_mapping: { label: 'Map columns', color: 'yellow' },
  validated: { label: 'Ready to import', color: 'indigo' },
  importing: { label: 'Importing', color: 'blue' },
  done: { label: 'Imported', color: 'green' },
  failed: { label: 'Failed', color: 'red' },
  cancelled: { label: 'Cancelled', color: 'gray' },
};

/** "1.2 MB" */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB'];
  let v = bytes / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v >= 10 || Number.isInteger(v) ? Math.round(v) : v.toFixed(1)} ${units[u]}`;
}
