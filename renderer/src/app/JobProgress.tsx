import type { JobStatus } from '../../../shared/jobs';
import { useI18n } from '../i18n/I18n';

/** A job's progress bar, or that it waits for a free worker. */
export function JobProgress({ status, testId }: { status: JobStatus<unknown> | null; testId: string }) {
  const { t } = useI18n();
  if (status?.state === 'queued') return <span className="muted" data-testid={`${testId}-queued`}>{t('job.queued')}</span>;
  return <progress value={status?.progress ?? 0} max={1} data-testid={testId} />;
}
