import { useFormatters, useT } from '@/lib/i18n';
import { useCustomFields } from '../api/list-custom-fields';
import { isWorkbook, type ImportJob } from '../api/start-import';
import { fieldLabel, IGNORE, IMPORT_FIELDS } from './import-fields';
import { TableScroll } from '@/components/table-scroll';

export interface MappingPreviewProps {
  job: ImportJob;
  /** Header → field the user chose over what the server detected. */
  overrides: Record<string, string>;
  onOverride: (header: string, field: string | null) => void;
}

/** A dry run's reading of the file: each column and what it fills, changeable before the real import. */
export function MappingPreview({ job, overrides, onOverride }: MappingPreviewProps) {
  const t = useT();
  const format = useFormatters();
  const detected = job.detected;
  const rows = format.number(job.totalRows ?? job.processedRows);
  const columns = detected?.columns ?? [];
  const customFields = useCustomFields().data?.items ?? [];
  const customLabels = new Map(customFields.map((field) => [field.key, field.label]));
  const customTargets = customFields.map((field) => `cf.${field.key}`);

  /** How the file was read: a CSV file's encoding and separator; a workbook's sheet, which has neither. */
  function readAs(): string {
    if (isWorkbook(job.fileName)) {
      const sheet = job.options.sheet;
      return sheet
        ? t('imports.preview.detectedSheet', { sheet, rows })
        : t('imports.preview.detectedFirstSheet', { rows });
    }
    return t('imports.preview.detected', {
      encoding: detected?.encoding ?? '?',
      delimiter: detected?.delimiter === '\t' ? 'TAB' : (detected?.delimiter ?? '?'),
      rows,
    });
  }

  return (
    <section className="card" aria-labelledby="import-preview-title">
      <h2 id="import-preview-title">{t('imports.preview.title')}</h2>
      {detected && <p className="muted">{readAs()}</p>}
      {columns.length === 0 ? (
        <p className="muted">{t('imports.preview.noColumns')}</p>
      ) : (
        <TableScroll label={t('imports.preview.table')}>
          <table className="import-mapping">
            <caption className="visually-hidden">{t('imports.preview.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('imports.preview.position')}</th>
                <th scope="col">{t('imports.preview.header')}</th>
                <th scope="col" className="import-detected">
                  {t('imports.preview.detectedField')}
                </th>
                <th scope="col">{t('imports.preview.mapTo')}</th>
              </tr>
            </thead>
            <tbody>
              {columns.map((column) => {
                const chosen = overrides[column.header];
                const detectedField = column.field ?? IGNORE;
                const choices = [...new Set([detectedField, ...IMPORT_FIELDS, ...customTargets, IGNORE])];
                if (chosen && !choices.includes(chosen)) choices.push(chosen);
                return (
                  <tr key={column.position} className={column.field ? undefined : 'is-ignored'}>
                    <td>{format.number(column.position)}</td>
                    <th scope="row">{column.header}</th>
                    <td className="import-detected">{fieldLabel(t, column.field, customLabels)}</td>
                    <td>
                      <select
                        aria-label={t('imports.preview.mapColumn', { header: column.header })}
                        value={chosen ?? detectedField}
                        onChange={(event) =>
                          onOverride(column.header, event.target.value === detectedField ? null : event.target.value)
                        }
                      >
                        {choices.map((field) => (
                          <option key={field} value={field}>
                            {fieldLabel(t, field, customLabels)}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
      {job.warnings.length > 0 && (
        <div className="import-warnings">
          <h3>{t('imports.preview.warnings')}</h3>
          <ul>
            {job.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </div>
      )}
      {job.errorsSample.length > 0 && (
        <div className="import-errors">
          <h3>{t('imports.preview.errors')}</h3>
          <ul>
            {job.errorsSample.map((error) => (
              <li key={`${error.line}-${error.reason}`}>
                {t('imports.preview.errorLine', { line: format.number(error.line), reason: error.reason })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
