import type { JobInfo, ReportExcelResult } from '../../../service/api/contract.ts';
import type { ApiClient } from '../../api/client.ts';
import { translate } from '../../app/i18n.tsx';

/** The save dialog's file type, named in the UI's language. */
export function xlsxFilters(): { name: string; extensions: string[] }[] {
  return [{ name: translate('reports.excelWorkbookFilter'), extensions: ['xlsx'] }];
}

/** Waits for a job to finish (events keep the store current elsewhere; a report is short, polling is enough here). */
export async function finished(api: ApiClient, job: JobInfo): Promise<JobInfo> {
  let now = job;
  while (now.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 300));
    now = await api.call('job.get', { id: job.id });
  }
  return now;
}

/** Browser: the workbook the service kept, saved through the browser's own download. */
export async function saveDownload(api: ApiClient, report: ReportExcelResult): Promise<void> {
  if (report.downloadId === null) return;
  const blob = await api.transport.download(report.downloadId);
  if (!blob.ok) throw new Error(blob.error.message);
  const url = URL.createObjectURL(blob.value);
  const link = document.createElement('a');
  link.href = url;
  link.download = report.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
