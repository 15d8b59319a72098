import { useT } from '@/lib/i18n';
import { errorMessage } from '@/lib/problem';
import type { DownloadedFile } from '@/lib/download';

export interface ExportMutation {
  mutate: () => void;
  isPending: boolean;
  isError: boolean;
  isSuccess: boolean;
  error: unknown;
  data?: DownloadedFile;
}

/** "Export to CSV" of what a list screen shows: a preparing state while the file builds, failures in words. */
export function ExportButton({ exporter }: { exporter: ExportMutation }) {
  const t = useT();
  const failure = exporter.isError ? errorMessage(exporter.error) : null;
  return (
    <span className="export-action">
      <button
        type="button"
        aria-disabled={exporter.isPending || undefined}
        onClick={() => {
          if (!exporter.isPending) exporter.mutate();
        }}
      >
        {exporter.isPending ? t('exports.preparing') : t('exports.button')}
      </button>
      {/* Always present, so the outcome is announced and the toolbar does not grow. */}
      <span role="status" className="export-status">
        {failure ? '' : exporter.isSuccess && exporter.data ? t('exports.done', { name: exporter.data.fileName }) : ''}
      </span>
      {failure && (
        <span role="alert" className="field-error">
          {t(failure.key, failure.params)}
        </span>
      )}
    </span>
  );
}
