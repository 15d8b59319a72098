import { useState } from 'react';
import { useT } from '@/lib/i18n';
import { errorMessage } from '@/lib/problem';
import { isWorkbook, MAX_SHEET_LENGTH, useStartImport, type ImportJob, type ImportRequest } from '../api/start-import';
import { DEFAULT_SETTINGS, ImportForm, type ImportLocalErrors, type ImportSettings } from './import-form';
import { ImportHistory } from './import-history';
import { ImportJobStatus } from './import-job-status';
import { MappingPreview } from './mapping-preview';

/** Identifies what a dry run checked, so the real import runs exactly that or asks for a new check. */
function requestKey(file: File | null, settings: ImportSettings, mapping: Record<string, string>): string {
  return JSON.stringify([file?.name, file?.size, file?.lastModified, settings, mapping]);
}

/** Import customers from CSV or an Excel workbook: dry run with the mapping preview first, then the real import, then history. */
export function ImportScreen() {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const [settings, setSettings] = useState<ImportSettings>(DEFAULT_SETTINGS);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [localErrors, setLocalErrors] = useState<ImportLocalErrors>({});
  const [dryRun, setDryRun] = useState<{ job: ImportJob; key: string } | null>(null);
  const [realJob, setRealJob] = useState<ImportJob | null>(null);
  const dryRunStart = useStartImport();
  const realStart = useStartImport();

  const currentKey = requestKey(file, settings, mapping);

  function request(dry: boolean): ImportRequest | null {
    const errors: typeof localErrors = {};
    if (!file) errors.file = t('imports.form.fileMissing');
    if (settings.target === 'OWNER' && settings.ownerId === undefined) errors.ownerId = t('imports.owner.missing');
    if (isWorkbook(file?.name) && settings.sheet.trim().length > MAX_SHEET_LENGTH) {
      errors.sheet = t('imports.form.sheetInvalid', { max: MAX_SHEET_LENGTH });
    }
    setLocalErrors(errors);
    if (!file || Object.keys(errors).length > 0) return null;
    return { file, ...settings, mapping, dryRun: dry };
  }

  function check() {
    const next = request(true);
    if (!next) return;
    setRealJob(null);
    realStart.reset();
    const key = currentKey;
    dryRunStart.mutate(next, { onSuccess: (job) => setDryRun({ job, key }) });
  }

  function importForReal() {
    const next = request(false);
    if (!next || realStart.isPending) return;
    realStart.mutate(next, { onSuccess: (job) => setRealJob(job) });
  }

  function chooseFile(next: File | null) {
    setFile(next);
    // Another file has other headers: earlier overrides and the check no longer apply.
    setMapping({});
    setDryRun(null);
    setRealJob(null);
    setLocalErrors({});
  }

  function override(header: string, field: string | null) {
    setMapping((current) => {
      const next = { ...current };
      if (field === null) delete next[header];
      else next[header] = field;
      return next;
    });
  }

  const checkIsCurrent = dryRun !== null && dryRun.key === currentKey;

  return (
    <div className="stack">
      <div className="page-title">
        <h1>{t('imports.title')}</h1>
      </div>
      <p className="muted">{t('imports.intro')}</p>
      <ImportForm
        file={file}
        onFile={chooseFile}
        settings={settings}
        onSettings={setSettings}
        onCheck={check}
        pending={dryRunStart.isPending}
        error={dryRunStart.error}
        localErrors={localErrors}
      />
      {dryRun && (
        <ImportJobStatus key={dryRun.job.id} jobId={dryRun.job.id} initial={dryRun.job}>
          {(job) =>
            job.status === 'DONE' && (
              <>
                <MappingPreview job={job} overrides={mapping} onOverride={override} />
                <div className="form-actions">
                  {checkIsCurrent ? (
                    <button
                      type="button"
                      className="primary"
                      aria-disabled={realStart.isPending || realJob !== null || undefined}
                      onClick={() => {
                        if (realJob === null) importForReal();
                      }}
                    >
                      {realStart.isPending ? t('imports.real.starting') : t('imports.real.button')}
                    </button>
                  ) : (
                    <p role="status" className="muted">
                      {t('imports.real.recheck')}
                    </p>
                  )}
                </div>
                {realStart.isError && <ImportStartError error={realStart.error} />}
              </>
            )
          }
        </ImportJobStatus>
      )}
      {realJob && <ImportJobStatus key={realJob.id} jobId={realJob.id} initial={realJob} />}
      <ImportHistory />
    </div>
  );
}

function ImportStartError({ error }: { error: unknown }) {
  const t = useT();
  const { key, params } = errorMessage(error);
  return (
    <p role="alert" className="form-alert">
      {t(key, params)}
    </p>
  );
}
