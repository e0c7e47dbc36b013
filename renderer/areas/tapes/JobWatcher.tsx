import { useEffect } from 'react';
import type { JobInfo } from '../../../service/api/contract.ts';
import { ApiCallError } from '../../api/client.ts';
import { reportError, useApp } from '../../app/context.tsx';
import { formatCount } from '../../app/format.ts';
import { usePollJob, useJob } from '../../app/jobs.ts';
import { notify } from '../../app/notifications.ts';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { translate, useT } from '../../app/i18n.tsx';

/** Shows a running job with a cancel button; reports its end once. */
export function JobWatcher({ jobId, label, onDone }: { jobId: string; label: string; onDone: (job: JobInfo) => void }) {
  const t = useT();
  const { api } = useApp();
  const job = useJob(jobId);
  usePollJob(api, jobId, job?.state === 'running');

  useEffect(() => {
    if (!job || job.state === 'running') return;
    if (job.state === 'succeeded' && job.result?.kind === 'tape.import') {
      const report = job.result.report;
      if (report.status === 'imported') {
        notify('success', translate('tapes.tapeImported'), translate('tapes.loans2', { name: report.name, rowsImported: formatCount(report.rowsImported) }));
      }
    } else if (job.state === 'cancelled') {
      notify('info', translate('tapes.importCancelled'), translate('tapes.theWorkspaceIsUnchanged'));
    } else if (job.error) {
      reportError(label, new ApiCallError(job.error));
    }
    onDone(job);
  }, [job, label, onDone]);

  async function cancel(): Promise<void> {
    try {
      await api.call('job.cancel', { id: jobId });
    } catch (error) {
      reportError(t('tapes.cannotCancel'), error);
    }
  }

  return (
    <div className="job-watcher">
      <ProgressBar progress={job?.progress ?? null} label={label} />
      <button type="button" className="secondary" onClick={() => void cancel()} disabled={job?.state !== 'running'}>
        {t('tapes.cancel')}
      </button>
    </div>
  );
}
