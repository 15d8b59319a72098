import { useId } from 'react';
import { useWatch } from 'react-hook-form';
import * as z from 'zod/mini';
import { TextField } from '@/components/form/text-field';
import { applyServerErrors, useZodForm } from '@/components/form/use-zod-form';
import { QueryError } from '@/components/query-error';
import { TableScroll } from '@/components/table-scroll';
import { useNotify } from '@/components/toast';
import { fieldMessageParams } from '@/lib/form-messages';
import { useFormatters, useT } from '@/lib/i18n';
import type { Pool } from '@/lib/pools';
import { ApiError, errorMessage, isProblem } from '@/lib/problem';
import { useSettled } from '@/lib/use-settled';
import {
  DISTRIBUTION_MODES,
  useDistribution,
  useDistributionPreview,
  useRunDistribution,
  useSaveDistribution,
  type DistributionInput,
  type DistributionMode,
  type PoolDistribution,
} from '../api/pool-distribution';

/** PoolDistributionDtos.MAX_DAYS. */
const MAX_DAYS = 3650;
const WHOLE_NUMBER = /^\d+$/;

/** Days typed as text (an emptied field stays empty rather than becoming 0), 0 to MAX_DAYS. */
const days = () =>
  z.string().check(
    z.trim(),
    z.refine((value) => WHOLE_NUMBER.test(value), { params: fieldMessageParams('poolRules.wholeNumber') }),
    z.refine((value) => !WHOLE_NUMBER.test(value) || Number(value) <= MAX_DAYS, {
      params: fieldMessageParams('fieldError.RANGE.between', { min: 0, max: MAX_DAYS }),
    }),
  );

// The server's rules (PoolDistributionInput), checked here first.
const distributionSchema = z.object({
  mode: z.enum(['OFF', 'ROUND_ROBIN', 'CAPACITY']),
  afterDays: days(),
  returningBuyerDays: days(),
});
type DistributionValues = z.input<typeof distributionSchema>;

function toValues(saved: PoolDistribution): DistributionValues {
  return { mode: saved.mode, afterDays: String(saved.afterDays), returningBuyerDays: String(saved.returningBuyerDays) };
}

function toInput(values: z.output<typeof distributionSchema>): DistributionInput {
  return { mode: values.mode, afterDays: Number(values.afterDays), returningBuyerDays: Number(values.returningBuyerDays) };
}

/** Who would get how many if the pool handed out its waiting customers now, with the settings in the form. */
function DistributionPreviewTable({ poolId, settings }: { poolId: number; settings: DistributionInput | null }) {
  const t = useT();
  const format = useFormatters();
  const titleId = useId();
  const query = useDistributionPreview(poolId, settings);

  let body;
  if (settings === null) body = <p className="muted">{t('distribution.preview.invalid')}</p>;
  else if (query.isError && !query.data) {
    const { key, params } = errorMessage(query.error);
    body = (
      <p role="alert" className="form-alert">
        {t(key, params)}
      </p>
    );
  } else if (!query.data) body = <p className="muted">{t('app.loading')}</p>;
  else {
    const preview = query.data;
    body = (
      <>
        <p>
          {t('distribution.preview.summary', {
            eligible: preview.eligible,
            assign: preview.wouldAssign,
            stay: preview.wouldStay,
          })}
        </p>
        {settings.mode === 'OFF' && <p className="muted">{t('distribution.preview.offShown')}</p>}
        {preview.recipients.length > 0 && (
          <TableScroll labelledBy={titleId}>
            <table aria-labelledby={titleId} className={query.isPlaceholderData ? 'is-busy' : undefined}>
              <thead>
                <tr>
                  <th scope="col">{t('distribution.preview.rep')}</th>
                  <th scope="col" className="number">
                    {t('distribution.preview.holds')}
                  </th>
                  <th scope="col" className="number">
                    {t('distribution.preview.wouldGet')}
                  </th>
                  <th scope="col" className="number">
                    {t('distribution.preview.returningBuyers')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {preview.recipients.map((rep) => (
                  <tr key={rep.userId}>
                    <th scope="row">{rep.name}</th>
                    <td className="number">{format.number(rep.holds)}</td>
                    <td className="number">{format.number(rep.wouldGet)}</td>
                    <td className="number">{format.number(rep.returningBuyers)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        {preview.skipped.length > 0 && (
          <ul className="distribution-skipped" aria-label={t('distribution.preview.skipped')}>
            {preview.skipped.map((member) => (
              <li key={member.userId}>
                {t('distribution.preview.skippedMember', { name: member.name, reason: t(`distribution.skip.${member.reason}`) })}
              </li>
            ))}
          </ul>
        )}
      </>
    );
  }

  return (
    <section className="distribution-preview" aria-labelledby={titleId} aria-busy={query.isFetching}>
      <h3 id={titleId}>{t('distribution.preview.title')}</h3>
      {body}
    </section>
  );
}

function DistributionForm({ pool, saved, canEdit }: { pool: Pool; saved: PoolDistribution; canEdit: boolean }) {
  const t = useT();
  const notify = useNotify();
  const modeId = useId();
  const saveMutation = useSaveDistribution();
  const runMutation = useRunDistribution();
  const form = useZodForm(distributionSchema, { defaultValues: toValues(saved) });
  const values = useWatch({ control: form.control }) as DistributionValues;
  const checked = distributionSchema.safeParse(values);
  const settled = useSettled(JSON.stringify(checked.success ? toInput(checked.data) : null));
  const stale = saveMutation.error instanceof ApiError && saveMutation.error.status === 412;

  const handleSave = form.handleSubmit((checkedValues) => {
    saveMutation.mutate(
      { poolId: pool.id, version: saved.version, settings: toInput(checkedValues) },
      {
        onSuccess: (result) => {
          form.reset(toValues(result));
          notify({ message: t('distribution.saved', { name: pool.name }), tone: 'success' });
        },
        onError: (error) => {
          if (!(error instanceof ApiError && error.status === 412)) applyServerErrors(form, error);
        },
      },
    );
  });

  const runNow = () =>
    runMutation.mutate(pool.id, {
      onSuccess: ({ assigned }) => notify({ message: t('distribution.ran', { count: assigned }), tone: 'success' }),
    });
  const runFailure = runMutation.error && !isProblem(runMutation.error, 'validation') ? errorMessage(runMutation.error) : null;
  const modeError = form.fieldError('mode');

  return (
    <div className="distribution-layout">
      <form ref={form.formRef} className="form" onSubmit={handleSave} noValidate aria-label={t('distribution.formOf', { name: pool.name })}>
        <fieldset className="distribution-modes" disabled={!canEdit} aria-describedby={modeError ? `${modeId}-error` : undefined}>
          <legend>{t('distribution.mode')}</legend>
          {DISTRIBUTION_MODES.map((mode: DistributionMode) => (
            <label key={mode} className="checkbox-line distribution-mode">
              <input type="radio" value={mode} {...form.register('mode')} />
              <span>
                <strong>{t(`distribution.mode.${mode}`)}</strong>
                <span className="field-hint">{t(`distribution.mode.${mode}.hint`)}</span>
              </span>
            </label>
          ))}
          {modeError && (
            <p id={`${modeId}-error`} className="field-error">
              {modeError}
            </p>
          )}
        </fieldset>
        <div className="field-row">
          <TextField
            label={t('distribution.afterDays')}
            hint={t('distribution.afterDays.hint')}
            type="number"
            inputMode="numeric"
            min={0}
            max={MAX_DAYS}
            required
            readOnly={!canEdit}
            {...form.field('afterDays')}
          />
          <TextField
            label={t('distribution.returningBuyerDays')}
            hint={t('distribution.returningBuyerDays.hint')}
            type="number"
            inputMode="numeric"
            min={0}
            max={MAX_DAYS}
            required
            readOnly={!canEdit}
            {...form.field('returningBuyerDays')}
          />
        </div>
        {stale && (
          <p role="alert" className="form-alert">
            {t('distribution.stale')}
          </p>
        )}
        <div className="form-actions">
          {canEdit && (
            <button type="submit" disabled={saveMutation.isPending}>
              {t('distribution.save')}
            </button>
          )}
          {/* Hands out what waits now, by the saved settings; off, nothing would move. */}
          {saved.mode !== 'OFF' && (
            <button type="button" disabled={runMutation.isPending} onClick={runNow}>
              {runMutation.isPending ? t('distribution.running') : t('distribution.runNow')}
            </button>
          )}
        </div>
        {runFailure && (
          <p role="alert" className="field-error">
            {t(runFailure.key, runFailure.params)}
          </p>
        )}
      </form>
      <DistributionPreviewTable poolId={pool.id} settings={JSON.parse(settled) as DistributionInput | null} />
    </div>
  );
}

/**
 * A pool's automatic distribution: off, round-robin or capacity, how long a customer waits first and whether a
 * returning buyer goes back to their rep, with what handing out now would do. Administrators change it; managers
 * read it, preview it and may distribute now.
 */
export function DistributionPanel({ pool, canEdit }: { pool: Pool; canEdit: boolean }) {
  const t = useT();
  const query = useDistribution(pool.id);
  return (
    <section className="distribution-panel" aria-label={t('distribution.title', { name: pool.name })}>
      <h3>{t('distribution.title', { name: pool.name })}</h3>
      {query.isPending ? (
        <p role="status">{t('app.loading')}</p>
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <DistributionForm key={query.data.version} pool={pool} saved={query.data} canEdit={canEdit} />
      )}
    </section>
  );
}
