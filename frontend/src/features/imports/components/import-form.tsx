import { useId, useRef } from 'react';
import { FormAlert } from '@/components/form/form-alert';
import { SelectField } from '@/components/form/select-field';
import { TextField } from '@/components/form/text-field';
import { useFocusOnError, useFormErrors } from '@/components/form/use-form-errors';
import { useT } from '@/lib/i18n';
import { usePools } from '@/lib/pools';
import { useTeam } from '@/lib/team';
import {
  DELIMITERS,
  DUPLICATE_POLICIES,
  ENCODINGS,
  isWorkbook,
  MAX_SHEET_LENGTH,
  TARGETS,
  type ImportRequest,
} from '../api/start-import';

export type ImportSettings = Omit<ImportRequest, 'file' | 'mapping' | 'dryRun'>;

export const DEFAULT_SETTINGS: ImportSettings = {
  target: 'POOL',
  duplicatePolicy: 'SKIP',
  encoding: 'AUTO',
  delimiter: 'AUTO',
  sheet: '',
};

const FIELDS = ['file', 'target', 'ownerId', 'poolId', 'duplicatePolicy', 'encoding', 'delimiter', 'sheet', 'mapping'] as const;

/** What the screen finds wrong before sending. */
export type ImportLocalErrors = Partial<Record<'file' | 'ownerId' | 'sheet', string>>;

export interface ImportFormProps {
  file: File | null;
  onFile: (file: File | null) => void;
  settings: ImportSettings;
  onSettings: (settings: ImportSettings) => void;
  onCheck: () => void;
  pending: boolean;
  error: unknown;
  /** A missing file or owner, or too long a sheet name, found before sending. */
  localErrors: ImportLocalErrors;
}

/**
 * The file (CSV or an Excel workbook) and how to read it: a CSV file's encoding and separator, a workbook's sheet;
 * submitting starts a dry run, never the import itself.
 */
export function ImportForm({ file, onFile, settings, onSettings, onCheck, pending, error, localErrors }: ImportFormProps) {
  const t = useT();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const team = useTeam(settings.target === 'OWNER');
  // Which pool: offered while the store has more than one (the default pool first).
  const pools = usePools().data?.items ?? [];
  const { fieldErrors, alert } = useFormErrors(error, FIELDS);
  useFocusOnError(formRef, error);
  const fileError = localErrors.file ?? fieldErrors.file;
  const ownerError = localErrors.ownerId ?? fieldErrors.ownerId;
  // The API's only complaint about a sheet is its length; said with what to enter instead.
  const sheetError =
    localErrors.sheet ?? (fieldErrors.sheet ? t('imports.form.sheetInvalid', { max: MAX_SHEET_LENGTH }) : undefined);
  // A workbook has no encoding or separator, but a sheet to choose.
  const workbook = isWorkbook(file?.name);
  const set = (patch: Partial<ImportSettings>) => onSettings({ ...settings, ...patch });

  const ownerOptions = [
    { value: '', label: team.isPending ? t('app.loading') : t('imports.owner.choose') },
    ...(team.data ?? []).map((member) => ({
      value: String(member.id),
      label: t('imports.owner.option', { name: member.name, role: t(`role.${member.role}`) }),
    })),
  ];

  return (
    <form
      ref={formRef}
      className="card import-form"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!pending) onCheck();
      }}
    >
      <h2 id={`${id}-title`}>{t('imports.form.title')}</h2>
      <FormAlert alert={alert} />
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('imports.form.file')}</label>
        <input
          id={`${id}-file`}
          type="file"
          name="file"
          accept=".csv,.txt,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-invalid={fileError ? true : undefined}
          aria-describedby={[`${id}-file-hint`, fileError ? `${id}-file-error` : ''].join(' ').trim()}
          onChange={(event) => onFile(event.target.files?.[0] ?? null)}
        />
        <p id={`${id}-file-hint`} className="field-hint">
          {file ? t('imports.form.fileChosen', { name: file.name }) : t('imports.form.fileHint')}
        </p>
        {fileError && (
          <p id={`${id}-file-error`} className="field-error">
            {fileError}
          </p>
        )}
      </div>
      <div className="field-row">
        <SelectField
          label={t('imports.form.target')}
          name="target"
          value={settings.target}
          error={fieldErrors.target}
          options={TARGETS.map((target) => ({ value: target, label: t(`imports.target.${target}`) }))}
          onChange={(event) => set({ target: event.target.value as ImportSettings['target'] })}
        />
        {settings.target === 'OWNER' && (
          <SelectField
            label={t('imports.form.owner')}
            name="ownerId"
            value={settings.ownerId === undefined ? '' : String(settings.ownerId)}
            error={ownerError ?? (team.isError ? t('imports.owner.loadFailed') : undefined)}
            options={ownerOptions}
            onChange={(event) => set({ ownerId: event.target.value ? Number(event.target.value) : undefined })}
          />
        )}
        {pools.length > 1 && (
          <SelectField
            label={settings.target === 'OWNER' ? t('imports.form.returnPool') : t('imports.form.pool')}
            name="poolId"
            value={String(settings.poolId ?? pools[0]?.id ?? '')}
            error={fieldErrors.poolId}
            options={pools.map((pool) => ({ value: String(pool.id), label: pool.name }))}
            onChange={(event) => set({ poolId: Number(event.target.value) })}
          />
        )}
        <SelectField
          label={t('imports.form.duplicatePolicy')}
          name="duplicatePolicy"
          value={settings.duplicatePolicy}
          error={fieldErrors.duplicatePolicy}
          options={DUPLICATE_POLICIES.map((policy) => ({ value: policy, label: t(`imports.duplicate.${policy}`) }))}
          onChange={(event) => set({ duplicatePolicy: event.target.value as ImportSettings['duplicatePolicy'] })}
        />
        {workbook ? (
          <TextField
            label={t('imports.form.sheet')}
            name="sheet"
            value={settings.sheet}
            hint={t('imports.form.sheetHint')}
            error={sheetError}
            autoComplete="off"
            onChange={(event) => set({ sheet: event.target.value })}
          />
        ) : (
          <>
            <SelectField
              label={t('imports.form.encoding')}
              name="encoding"
              value={settings.encoding}
              error={fieldErrors.encoding}
              options={ENCODINGS.map((encoding) => ({
                value: encoding,
                label: encoding === 'AUTO' ? t('imports.form.auto') : encoding,
              }))}
              onChange={(event) => set({ encoding: event.target.value })}
            />
            <SelectField
              label={t('imports.form.delimiter')}
              name="delimiter"
              value={settings.delimiter}
              error={fieldErrors.delimiter}
              options={DELIMITERS.map((delimiter) => ({
                value: delimiter,
                label: t(`imports.delimiter.${delimiter === ',' ? 'comma' : delimiter === ';' ? 'semicolon' : delimiter}`),
              }))}
              onChange={(event) => set({ delimiter: event.target.value })}
            />
          </>
        )}
      </div>
      {fieldErrors.mapping && <p className="field-error">{fieldErrors.mapping}</p>}
      <div className="form-actions">
        <button type="submit" aria-disabled={pending || undefined}>
          {pending ? t('imports.form.checking') : t('imports.form.check')}
        </button>
        <p className="muted small">{t('imports.form.checkHint')}</p>
      </div>
    </form>
  );
}
