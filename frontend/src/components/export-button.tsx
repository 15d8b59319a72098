import { useId } from 'react';
import { useT, type MessageKey } from '@/lib/i18n';
import { errorMessage } from '@/lib/problem';
import type { ExportFormat } from '@/lib/customer-export';
import type { DownloadedFile } from '@/lib/download';

export interface ExportMutation {
  /** Starts the export in the chosen format (the only one when the control offers one). */
  mutate: (format: ExportFormat) => void;
  isPending: boolean;
  isError: boolean;
  isSuccess: boolean;
  error: unknown;
  data?: DownloadedFile;
  /** The format being prepared, when the control offers several: its button says so. */
  pendingFormat?: ExportFormat;
}

const FORMAT_LABELS: Record<ExportFormat, MessageKey> = {
  csv: 'exports.format.csv',
  xlsx: 'exports.format.xlsx',
};

/**
 * "Export to CSV" (or, given several `formats`, "Export: CSV · Excel (.xlsx)") of what a list screen shows: a
 * preparing state while the file builds, failures in words.
 */
export function ExportButton({
  exporter,
  formats = ['csv'],
}: {
  exporter: ExportMutation;
  formats?: readonly ExportFormat[];
}) {
  const t = useT();
  const id = useId();
  const failure = exporter.isError ? errorMessage(exporter.error) : null;
  const start = (format: ExportFormat) => {
    if (!exporter.isPending) exporter.mutate(format);
  };
  return (
    <span className="export-action">
      {formats.length === 1 ? (
        <button type="button" aria-disabled={exporter.isPending || undefined} onClick={() => start(formats[0] ?? 'csv')}>
          {exporter.isPending ? t('exports.preparing') : t('exports.button')}
        </button>
      ) : (
        // One compact choice per format; each button's name says the whole action ("Export to Excel (.xlsx)").
        <span role="group" aria-labelledby={`${id}-label`} className="export-formats">
          <span id={`${id}-label`}>{t('exports.label')}</span>
          {formats.map((format) => {
            const preparing = exporter.isPending && exporter.pendingFormat === format;
            const label = t(FORMAT_LABELS[format]);
            return (
              <button
                key={format}
                type="button"
                aria-label={preparing ? undefined : t('exports.to', { format: label })}
                aria-disabled={exporter.isPending || undefined}
                onClick={() => start(format)}
              >
                {preparing ? t('exports.preparing') : label}
              </button>
            );
          })}
        </span>
      )}
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
