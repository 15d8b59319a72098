import { useEffect } from 'react';
import * as z from 'zod/mini';
import { FormAlert } from '@/components/form/form-alert';
import { TextField } from '@/components/form/text-field';
import { applyServerErrors, useZodForm } from '@/components/form/use-zod-form';
import { QueryError } from '@/components/query-error';
import { useNotify } from '@/components/toast';
import { wholeNumberText } from '@/lib/form-schemas';
import { useT } from '@/lib/i18n';
import { ApiError } from '@/lib/problem';
import { useSaveStoreLimits, useStoreLimits, type StoreLimits, type VersionedStoreLimits } from '../api/store-limits';

/** Each limit with its largest value (StoreLimits' @Max); 0 switches it off. */
const LIMIT_MAX = { maxPrivateCustomersPerRep: 100_000, maxClaimsPerRepPerDay: 10_000 } as const;
type LimitName = keyof typeof LIMIT_MAX;
const LIMIT_NAMES = Object.keys(LIMIT_MAX) as LimitName[];

// Each limit typed as text, checked as the server checks it.
const limitsSchema = z.object({
  maxPrivateCustomersPerRep: wholeNumberText(LIMIT_MAX.maxPrivateCustomersPerRep, 'storeLimits.wholeNumber'),
  maxClaimsPerRepPerDay: wholeNumberText(LIMIT_MAX.maxClaimsPerRepPerDay, 'storeLimits.wholeNumber'),
});
type LimitsValues = z.input<typeof limitsSchema>;

function toValues(limits: StoreLimits): LimitsValues {
  return {
    maxPrivateCustomersPerRep: String(limits.maxPrivateCustomersPerRep),
    maxClaimsPerRepPerDay: String(limits.maxClaimsPerRepPerDay),
  };
}

function LimitsForm({ current }: { current: VersionedStoreLimits }) {
  const t = useT();
  const notify = useNotify();
  const saveMutation = useSaveStoreLimits();
  const form = useZodForm(limitsSchema, { defaultValues: toValues(current.limits) });
  const stale = saveMutation.error instanceof ApiError && saveMutation.error.status === 412;
  const { reset } = form;
  // A new version (saved here, or someone else's fetched after a stale save) is what the form shows.
  useEffect(() => reset(toValues(current.limits)), [reset, current]);

  const handleSubmit = form.handleSubmit((values) => {
    if (saveMutation.isPending) return;
    const limits = {
      maxPrivateCustomersPerRep: Number(values.maxPrivateCustomersPerRep),
      maxClaimsPerRepPerDay: Number(values.maxClaimsPerRepPerDay),
    };
    saveMutation.mutate(
      { limits, etag: current.etag },
      {
        onSuccess: () => {
          notify({ message: t('storeLimits.saved'), tone: 'success' });
        },
        // A stale version: the form shows theirs (fetched again) and says so; anything else by field.
        onError: (error) => {
          if (!(error instanceof ApiError && error.status === 412)) applyServerErrors(form, error);
        },
      },
    );
  });

  return (
    <form ref={form.formRef} className="form form-columns" onSubmit={handleSubmit} noValidate aria-busy={saveMutation.isPending}>
      {LIMIT_NAMES.map((name) => (
        <TextField
          key={name}
          label={t(`storeLimits.${name}`)}
          hint={t(`storeLimits.${name}.hint`)}
          type="number"
          inputMode="numeric"
          min={0}
          max={LIMIT_MAX[name]}
          required
          {...form.field(name)}
        />
      ))}
      {stale && (
        <p role="alert" className="form-alert">
          {t('storeLimits.stale')}
        </p>
      )}
      <FormAlert alert={form.alert} />
      <div className="form-actions">
        <button type="submit" disabled={saveMutation.isPending}>
          {saveMutation.isPending ? t('storeLimits.saving') : t('storeLimits.save')}
        </button>
      </div>
    </form>
  );
}

/**
 * Settings → Pools: the store's limits across all pools together (each pool's own are in its rules). An
 * administrator changes them; managers read them.
 */
export function StoreLimitsCard({ canEdit }: { canEdit: boolean }) {
  const t = useT();
  const limitsQuery = useStoreLimits();

  let body;
  if (limitsQuery.isPending) body = <p role="status">{t('app.loading')}</p>;
  else if (limitsQuery.isError) body = <QueryError error={limitsQuery.error} onRetry={() => void limitsQuery.refetch()} />;
  else if (canEdit) body = <LimitsForm current={limitsQuery.data} />;
  else
    body = (
      <p>
        {t('storeLimits.summary', {
          private: limitsQuery.data.limits.maxPrivateCustomersPerRep,
          daily: limitsQuery.data.limits.maxClaimsPerRepPerDay,
        })}
      </p>
    );

  return (
    <section aria-labelledby="store-limits-title" className="card">
      <h2 id="store-limits-title">{t('storeLimits.title')}</h2>
      <p className="muted">{t('storeLimits.intro')}</p>
      {body}
    </section>
  );
}
