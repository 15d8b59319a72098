import { useId, useState, type FormEvent } from 'react';
import { FormAlert } from '@/components/form/form-alert';
import { QueryError } from '@/components/query-error';
import { useNotify } from '@/components/toast';
import { TextField } from '@/components/form/text-field';
import { useFormErrors } from '@/components/form/use-form-errors';
import { STAGES, type CustomerStage } from '@/lib/domain';
import { useT } from '@/lib/i18n';
import { ApiError, isProblem } from '@/lib/problem';
import { usePoolRules, type PoolRules, type VersionedPoolRules } from '@/lib/pool-rules';
import { useSettled } from '@/lib/use-settled';
import { usePoolRulesPreview } from '../api/preview-pool-rules';
import { useUpdatePoolRules } from '../api/update-pool-rules';
import { RulesPreview } from './rules-preview';

const NUMBER_RULES = [
  'returnAfterDaysWithoutFollowUp',
  'returnAfterDaysWithoutDeal',
  'warnDaysBeforeReturn',
  'maxPrivateCustomersPerRep',
  'maxClaimsPerRepPerDay',
  'reclaimCooldownDays',
  'purgeUnclaimedAfterDays',
] as const;
type NumberRule = (typeof NUMBER_RULES)[number];

const FIELDS = [...NUMBER_RULES, 'maskContacts', 'exemptOpenDeals', ...STAGES.map((stage) => `stageFollowUpDays.${stage}` as const)];

/** The form's values as typed: text, so an emptied field stays empty instead of becoming 0. */
interface Draft {
  numbers: Record<NumberRule, string>;
  maskContacts: boolean;
  /** Open deals keep the customer with its owner (absent on rules saved before the rule existed: off). */
  exemptOpenDeals: boolean;
  /** '' = the stage follows the general "days without follow-up". */
  stages: Record<CustomerStage, string>;
}

function toDraft(rules: PoolRules): Draft {
  const numbers = Object.fromEntries(NUMBER_RULES.map((key) => [key, String(rules[key])])) as Record<NumberRule, string>;
  const overrides = rules.stageFollowUpDays ?? {};
  const stages = Object.fromEntries(
    STAGES.map((stage) => [stage, overrides[stage] === undefined ? '' : String(overrides[stage])]),
  ) as Record<CustomerStage, string>;
  return { numbers, maskContacts: rules.maskContacts, exemptOpenDeals: rules.exemptOpenDeals ?? false, stages };
}

const WHOLE_NUMBER = /^\d+$/;

/** The rules to send, or null while some number is not a whole number (nothing worth asking the server). */
function toRules(draft: Draft): PoolRules | null {
  if (NUMBER_RULES.some((key) => !WHOLE_NUMBER.test(draft.numbers[key].trim()))) return null;
  const stageFollowUpDays: Record<string, number> = {};
  for (const stage of STAGES) {
    const value = draft.stages[stage].trim();
    if (value === '') continue;
    if (!WHOLE_NUMBER.test(value)) return null;
    stageFollowUpDays[stage] = Number(value);
  }
  const numbers = Object.fromEntries(NUMBER_RULES.map((key) => [key, Number(draft.numbers[key].trim())]));
  return {
    ...(numbers as Record<NumberRule, number>),
    maskContacts: draft.maskContacts,
    exemptOpenDeals: draft.exemptOpenDeals,
    stageFollowUpDays,
  };
}

function RulesForm({ saved, canEdit, onReload }: { saved: VersionedPoolRules; canEdit: boolean; onReload: () => Promise<VersionedPoolRules | undefined> }) {
  const t = useT();
  const id = useId();
  const [draft, setDraft] = useState(() => toDraft(saved.rules));
  const [etag, setEtag] = useState(saved.etag);
  const notify = useNotify();
  const updateMutation = useUpdatePoolRules();
  const candidate = toRules(draft);
  const candidateKey = JSON.stringify(candidate);
  const settled = useSettled(candidateKey);
  const previewQuery = usePoolRulesPreview(settled === 'null' ? null : (JSON.parse(settled) as PoolRules));

  const stale = updateMutation.error instanceof ApiError && updateMutation.error.status === 412;
  // Field errors from a refused save, or else from the preview (the same validation, before saving).
  const problem = updateMutation.error && !stale ? updateMutation.error : isProblem(previewQuery.error, 'validation') ? previewQuery.error : null;
  const { fieldErrors, alert } = useFormErrors(problem, FIELDS);

  function setNumber(key: NumberRule, value: string) {
    setDraft((current) => ({ ...current, numbers: { ...current.numbers, [key]: value } }));
  }

  function setStage(stage: CustomerStage, value: string) {
    setDraft((current) => ({ ...current, stages: { ...current.stages, [stage]: value } }));
  }

  function save(withEtag: string | null) {
    if (!candidate) return;
    updateMutation.mutate(
      { rules: candidate, etag: withEtag },
      {
        onSuccess: (result) => {
          setEtag(result.etag);
          setDraft(toDraft(result.rules));
          notify({ message: t('poolRules.saved'), tone: 'success' });
        },
      },
    );
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save(etag);
  }

  async function loadTheirs() {
    const latest = await onReload();
    if (!latest) return;
    updateMutation.reset();
    setDraft(toDraft(latest.rules));
    setEtag(latest.etag);
  }

  async function keepMine() {
    const latest = await onReload();
    if (!latest) return;
    setEtag(latest.etag);
    save(latest.etag);
  }

  const numberField = (key: NumberRule, max: number) => (
    <TextField
      key={key}
      label={t(`poolRules.${key}`)}
      hint={t(`poolRules.${key}.hint`)}
      name={key}
      type="number"
      inputMode="numeric"
      min={0}
      max={max}
      required
      value={draft.numbers[key]}
      onChange={(event) => setNumber(key, event.target.value)}
      error={WHOLE_NUMBER.test(draft.numbers[key].trim()) ? fieldErrors[key] : t('poolRules.wholeNumber')}
    />
  );

  return (
    <div className="rules-layout">
      <form className="card form" onSubmit={handleSubmit} noValidate aria-label={t('poolRules.formTitle')}>
        <fieldset>
          <legend>{t('poolRules.returns')}</legend>
          {numberField('returnAfterDaysWithoutFollowUp', 3650)}
          {numberField('returnAfterDaysWithoutDeal', 3650)}
          {numberField('warnDaysBeforeReturn', 365)}
          <div className="field">
            <label htmlFor={`${id}-open-deals`} className="checkbox-line">
              <input
                id={`${id}-open-deals`}
                type="checkbox"
                checked={draft.exemptOpenDeals}
                aria-describedby={[`${id}-open-deals-hint`, fieldErrors.exemptOpenDeals && `${id}-open-deals-error`]
                  .filter(Boolean)
                  .join(' ')}
                aria-invalid={fieldErrors.exemptOpenDeals ? true : undefined}
                onChange={(event) => {
                  setDraft((current) => ({ ...current, exemptOpenDeals: event.target.checked }));
                }}
              />{' '}
              {t('poolRules.exemptOpenDeals')}
            </label>
            <p id={`${id}-open-deals-hint`} className="field-hint">
              {t('poolRules.exemptOpenDeals.hint')}
            </p>
            {fieldErrors.exemptOpenDeals && (
              <p id={`${id}-open-deals-error`} className="field-error">
                {fieldErrors.exemptOpenDeals}
              </p>
            )}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('poolRules.stages')}</legend>
          <p className="field-hint">{t('poolRules.stagesHint')}</p>
          <div className="form-columns">
            {STAGES.map((stage) => (
              <TextField
                key={stage}
                label={t(`stage.${stage}`)}
                name={`stage-${stage}`}
                type="number"
                inputMode="numeric"
                min={0}
                max={3650}
                placeholder={t('poolRules.stageDefault', { days: draft.numbers.returnAfterDaysWithoutFollowUp })}
                value={draft.stages[stage]}
                onChange={(event) => setStage(stage, event.target.value)}
                error={fieldErrors[`stageFollowUpDays.${stage}`]}
              />
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('poolRules.claims')}</legend>
          {numberField('maxPrivateCustomersPerRep', 100000)}
          {numberField('maxClaimsPerRepPerDay', 10000)}
          {numberField('reclaimCooldownDays', 3650)}
          {numberField('purgeUnclaimedAfterDays', 3650)}
          <div className="field">
            <label htmlFor={`${id}-mask`} className="checkbox-line">
              <input
                id={`${id}-mask`}
                type="checkbox"
                checked={draft.maskContacts}
                onChange={(event) => {
                  setDraft((current) => ({ ...current, maskContacts: event.target.checked }));
                }}
              />{' '}
              {t('poolRules.maskContacts')}
            </label>
            {fieldErrors.maskContacts && <p className="field-error">{fieldErrors.maskContacts}</p>}
          </div>
        </fieldset>
        {stale && (
          <div role="alert" className="form-alert">
            <p>{t('poolRules.stale')}</p>
            <div className="form-actions">
              <button type="button" onClick={() => void loadTheirs()}>
                {t('poolRules.loadTheirs')}
              </button>
              <button type="button" onClick={() => void keepMine()}>
                {t('poolRules.keepMine')}
              </button>
            </div>
          </div>
        )}
        {updateMutation.error && !stale ? <FormAlert alert={alert} /> : null}
        {canEdit ? (
          <div className="form-actions">
            <button type="submit" className="button-primary" disabled={!candidate || updateMutation.isPending}>
              {updateMutation.isPending ? t('poolRules.saving') : t('poolRules.save')}
            </button>
          </div>
        ) : (
          <p className="muted">{t('poolRules.adminOnly')}</p>
        )}
      </form>
      <RulesPreview
        query={previewQuery}
        ready={candidate !== null}
        updating={previewQuery.isFetching || settled !== candidateKey}
      />
    </div>
  );
}

/** Settings → Pool rules: admins edit, with the preview of who would return before saving. */
export function PoolRulesScreen({ canEdit }: { canEdit: boolean }) {
  const t = useT();
  const rulesQuery = usePoolRules();
  if (rulesQuery.isPending) return <p role="status">{t('app.loading')}</p>;
  if (rulesQuery.isError) {
    return <QueryError error={rulesQuery.error} onRetry={() => void rulesQuery.refetch()} />;
  }
  return (
    <div className="stack">
      <h1>{t('poolRules.title')}</h1>
      <p className="muted">{t('poolRules.intro')}</p>
      <RulesForm saved={rulesQuery.data} canEdit={canEdit} onReload={async () => (await rulesQuery.refetch()).data} />
    </div>
  );
}
