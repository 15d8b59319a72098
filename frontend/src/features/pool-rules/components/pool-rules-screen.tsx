import { useEffect, useId, useState } from 'react';
import { get, useWatch, type Path } from 'react-hook-form';
import { useSearchParams } from 'react-router';
import * as z from 'zod/mini';
import { FormAlert } from '@/components/form/form-alert';
import { TextField } from '@/components/form/text-field';
import { applyServerErrors, useZodForm, type ZodForm } from '@/components/form/use-zod-form';
import { QueryError } from '@/components/query-error';
import { useNotify } from '@/components/toast';
import { STAGES, type CustomerStage } from '@/lib/domain';
import { decodeFieldMessages, fieldMessageParams } from '@/lib/form-messages';
import { WHOLE_NUMBER, wholeNumberText } from '@/lib/form-schemas';
import { useT, type Message, type Translate } from '@/lib/i18n';
import { ApiError, fieldErrorMessage, fieldMessageWords, isProblem } from '@/lib/problem';
import {
  CONTACT_FIELDS,
  DEFAULT_POOL_ID,
  usePoolRules,
  type ContactField,
  type PoolRules,
  type VersionedPoolRules,
} from '@/lib/pool-rules';
import { managesPool, usePools } from '@/lib/pools';
import { useSettled } from '@/lib/use-settled';
import { usePoolRulesPreview } from '../api/preview-pool-rules';
import { useUpdatePoolRules } from '../api/update-pool-rules';
import { RulesPreview } from './rules-preview';

/** Each number rule with its largest value (PoolRules' @Max); the smallest is 0 for all. */
const NUMBER_LIMITS = {
  returnAfterDaysWithoutFollowUp: 3650,
  returnAfterDaysWithoutDeal: 3650,
  warnDaysBeforeReturn: 365,
  escalateDaysBeforeReturn: 365,
  maxPrivateCustomersPerRep: 100_000,
  maxClaimsPerRepPerDay: 10_000,
  reclaimCooldownDays: 3650,
  purgeUnclaimedAfterDays: 3650,
} as const;
type NumberRule = keyof typeof NUMBER_LIMITS;
const NUMBER_RULES = Object.keys(NUMBER_LIMITS) as NumberRule[];

/** The escalation ladder's notices: each comes some days before a return, so before every return rule. */
const NOTICE_RULES = ['warnDaysBeforeReturn', 'escalateDaysBeforeReturn'] as const;

const VISIBILITY_LEVELS = ['VISIBLE', 'MASKED', 'HIDDEN'] as const;
type VisibilityLevel = (typeof VISIBILITY_LEVELS)[number];

/** What a rep would see of each contact at each level, as the server masks it (PoolReadPolicy). */
const VISIBILITY_EXAMPLES: Record<ContactField, Record<'VISIBLE' | 'MASKED', string>> = {
  email: { VISIBLE: 'li.wei@dragon-trade.com', MASKED: 'l***@dragon-trade.com' },
  phone: { VISIBLE: '+86 21 5555 0188', MASKED: '*** *** 0188' },
  mobile: { VISIBLE: '+86 139 1234 5678', MASKED: '*** *** 5678' },
  fax: { VISIBLE: '+86 21 5555 0199', MASKED: '*** *** 0199' },
  imAccounts: { VISIBLE: 'dragon_li_88', MASKED: 'd***' },
  website: { VISIBLE: 'www.dragon-trade.com', MASKED: '***.com' },
};

/** A stage's own days, at most PoolRules.MAX_DAYS. */
const MAX_STAGE_DAYS = 3650;

/** A number typed as text, when it is a whole number from 0 to `max`; otherwise null. */
function wholeNumber(text: string, max: number): number | null {
  const value = text.trim();
  return WHOLE_NUMBER.test(value) && Number(value) <= max ? Number(value) : null;
}

/** A rule's days or count, as text (so that an emptied field stays empty instead of becoming 0). */
function ruleNumber(max: number, options: { optional?: boolean } = {}) {
  return wholeNumberText(max, 'poolRules.wholeNumber', options);
}

// The server's rules (PoolRules, PoolRulesService.validate), in the same words.
const rulesSchema = z
  .object({
    returnAfterDaysWithoutFollowUp: ruleNumber(NUMBER_LIMITS.returnAfterDaysWithoutFollowUp),
    returnAfterDaysWithoutDeal: ruleNumber(NUMBER_LIMITS.returnAfterDaysWithoutDeal),
    warnDaysBeforeReturn: ruleNumber(NUMBER_LIMITS.warnDaysBeforeReturn),
    escalateDaysBeforeReturn: ruleNumber(NUMBER_LIMITS.escalateDaysBeforeReturn),
    maxPrivateCustomersPerRep: ruleNumber(NUMBER_LIMITS.maxPrivateCustomersPerRep),
    maxClaimsPerRepPerDay: ruleNumber(NUMBER_LIMITS.maxClaimsPerRepPerDay),
    reclaimCooldownDays: ruleNumber(NUMBER_LIMITS.reclaimCooldownDays),
    purgeUnclaimedAfterDays: ruleNumber(NUMBER_LIMITS.purgeUnclaimedAfterDays),
    maskContacts: z.boolean(),
    fieldVisibility: z.object({
      email: z.enum(VISIBILITY_LEVELS),
      phone: z.enum(VISIBILITY_LEVELS),
      mobile: z.enum(VISIBILITY_LEVELS),
      fax: z.enum(VISIBILITY_LEVELS),
      imAccounts: z.enum(VISIBILITY_LEVELS),
      website: z.enum(VISIBILITY_LEVELS),
    }),
    /** Open deals keep the customer with its owner (absent on rules saved before the rule existed: off). */
    exemptOpenDeals: z.boolean(),
    /** '' = the stage follows the general "days without follow-up". */
    stageFollowUpDays: z.record(z.enum(STAGES), ruleNumber(MAX_STAGE_DAYS, { optional: true })),
  })
  .check(
    // The warning and the manager's copy come strictly before every return rule that is on (more than 0 days), the
    // stages' own too; said on the notice, naming the rule, as the server does. Also when another field is wrong: one
    // look names all.
    z.superRefine(
      (values, context) => {
        for (const notice of NOTICE_RULES) {
          const ahead = wholeNumber(values[notice], NUMBER_LIMITS[notice]);
          if (!ahead) continue;
          const before = (field: string, days: number | null) => {
            if (days === null || days === 0 || ahead < days) return;
            context.addIssue({
              code: 'custom',
              path: [notice],
              input: values[notice],
              params: fieldMessageParams('fieldError.LESS_THAN_FIELD', { other: field, max: days }),
            });
          };
          for (const rule of ['returnAfterDaysWithoutFollowUp', 'returnAfterDaysWithoutDeal'] as const) {
            before(rule, wholeNumber(values[rule], NUMBER_LIMITS[rule]));
          }
          for (const stage of STAGES) {
            before(`stageFollowUpDays.${stage}`, wholeNumber(values.stageFollowUpDays[stage], MAX_STAGE_DAYS));
          }
        }
      },
      { when: () => true },
    ),
  );

type RulesValues = z.input<typeof rulesSchema>;

function toValues(rules: PoolRules): RulesValues {
  const overrides = rules.stageFollowUpDays ?? {};
  return {
    returnAfterDaysWithoutFollowUp: String(rules.returnAfterDaysWithoutFollowUp),
    returnAfterDaysWithoutDeal: String(rules.returnAfterDaysWithoutDeal),
    warnDaysBeforeReturn: String(rules.warnDaysBeforeReturn),
    // absent from rules saved before the ladder existed: off
    escalateDaysBeforeReturn: String(rules.escalateDaysBeforeReturn ?? 0),
    maxPrivateCustomersPerRep: String(rules.maxPrivateCustomersPerRep),
    maxClaimsPerRepPerDay: String(rules.maxClaimsPerRepPerDay),
    reclaimCooldownDays: String(rules.reclaimCooldownDays),
    purgeUnclaimedAfterDays: String(rules.purgeUnclaimedAfterDays),
    maskContacts: rules.maskContacts,
    // absent from rules saved before each pool had the list: every contact masked
    fieldVisibility: Object.fromEntries(
      CONTACT_FIELDS.map((field) => [field, rules.fieldVisibility?.[field] ?? 'MASKED']),
    ) as Record<ContactField, VisibilityLevel>,
    exemptOpenDeals: rules.exemptOpenDeals ?? false,
    stageFollowUpDays: Object.fromEntries(
      STAGES.map((stage) => [stage, overrides[stage] === undefined ? '' : String(overrides[stage])]),
    ) as Record<CustomerStage, string>,
  };
}

/** The rules to send, from values the schema passed. */
function toRules(values: z.output<typeof rulesSchema>): PoolRules {
  const stageFollowUpDays: Record<string, number> = {};
  for (const stage of STAGES) {
    const days = values.stageFollowUpDays[stage];
    if (days !== '') stageFollowUpDays[stage] = Number(days);
  }
  const numbers = Object.fromEntries(NUMBER_RULES.map((key) => [key, Number(values[key])])) as Record<NumberRule, number>;
  return {
    ...numbers,
    maskContacts: values.maskContacts,
    fieldVisibility: values.fieldVisibility,
    exemptOpenDeals: values.exemptOpenDeals,
    stageFollowUpDays,
  };
}

/** Every number a whole number (a stage's may be empty): enough to ask what the rules would do. */
function isComplete(values: RulesValues): boolean {
  return (
    NUMBER_RULES.every((key) => WHOLE_NUMBER.test(values[key].trim())) &&
    STAGES.every((stage) => {
      const days = values.stageFollowUpDays[stage].trim();
      return days === '' || WHOLE_NUMBER.test(days);
    })
  );
}

/** A message naming a stage's days (`stageFollowUpDays.INQUIRY`) as this form labels them: by the stage's name. */
function namingStages(t: Translate, message: Message): Message {
  const other = message.params?.other;
  const stage = typeof other === 'string' ? other.replace(/^stageFollowUpDays\./, '') : '';
  if (stage === other || !(STAGES as readonly string[]).includes(stage)) return message;
  return { ...message, params: { ...message.params, other: t(`stage.${stage as CustomerStage}`) } };
}

function RulesForm({
  poolId,
  saved,
  canEdit,
  onReload,
}: {
  poolId: number;
  saved: VersionedPoolRules;
  canEdit: boolean;
  onReload: () => Promise<VersionedPoolRules | undefined>;
}) {
  const t = useT();
  const id = useId();
  const [etag, setEtag] = useState(saved.etag);
  const notify = useNotify();
  const updateMutation = useUpdatePoolRules();
  const form = useZodForm(rulesSchema, { defaultValues: toValues(saved.rules) });
  const values = useWatch({ control: form.control }) as RulesValues;
  const checked = rulesSchema.safeParse(values);
  const complete = isComplete(values);
  // What reps see changes no return: the preview is not asked again for it.
  const candidate = checked.success ? { ...toRules(checked.data), fieldVisibility: undefined } : null;
  const candidateKey = JSON.stringify(candidate);
  const settled = useSettled(candidateKey);
  const previewQuery = usePoolRulesPreview(poolId, settled === 'null' ? null : (JSON.parse(settled) as PoolRules));
  const stale = updateMutation.error instanceof ApiError && updateMutation.error.status === 412;

  // The preview answers as the admin types, so the rules are checked as they type too, not first on saving. A
  // change may settle or break a notice's rule, which is said on the notice.
  const { watch, trigger } = form;
  useEffect(() => {
    const subscription = watch((_values, { name }) => {
      if (name) void trigger([name, ...NOTICE_RULES] as Path<RulesValues>[]);
    });
    return () => subscription.unsubscribe();
  }, [watch, trigger]);

  /**
   * A rule's error in words: the form's own check or a refused save, or else what the preview refused (the same
   * validation, should the server know a rule this form does not).
   */
  function ruleError(name: string): string | undefined {
    const text = (get(form.formState.errors, name) as { message?: unknown } | undefined)?.message;
    if (typeof text === 'string' && text !== '') {
      const messages = decodeFieldMessages(text);
      return messages ? messages.map((message) => fieldMessageWords(t, namingStages(t, message))).join(' ') : text;
    }
    if (!isProblem(previewQuery.error, 'validation')) return undefined;
    const refused = previewQuery.error.problem.errors.filter((error) => error.field === name);
    if (refused.length === 0) return undefined;
    return refused.map((error) => fieldMessageWords(t, namingStages(t, fieldErrorMessage(error)))).join(' ');
  }

  function save(rules: PoolRules, withEtag: string | null) {
    updateMutation.mutate(
      { poolId, rules, etag: withEtag },
      {
        onSuccess: (result) => {
          setEtag(result.etag);
          form.reset(toValues(result.rules));
          notify({ message: t('poolRules.saved'), tone: 'success' });
        },
        // A 412 offers their rules or mine (below), not a failed form.
        onError: (error) => {
          if (!(error instanceof ApiError && error.status === 412)) applyServerErrors(form, error);
        },
      },
    );
  }

  const handleSubmit = form.handleSubmit((checkedValues) => {
    if (!updateMutation.isPending) save(toRules(checkedValues), etag);
  });

  async function loadTheirs() {
    const latest = await onReload();
    if (!latest) return;
    updateMutation.reset();
    form.reset(toValues(latest.rules));
    setEtag(latest.etag);
  }

  async function keepMine() {
    const latest = await onReload();
    if (!latest) return;
    setEtag(latest.etag);
    await form.handleSubmit((checkedValues) => save(toRules(checkedValues), latest.etag))();
  }

  const numberField = (key: NumberRule) => (
    <TextField
      key={key}
      label={t(`poolRules.${key}`)}
      hint={t(`poolRules.${key}.hint`)}
      type="number"
      inputMode="numeric"
      min={0}
      max={NUMBER_LIMITS[key]}
      required
      {...form.field(key)}
      error={ruleError(key)}
    />
  );
  const openDealsError = ruleError('exemptOpenDeals');
  const maskError = ruleError('maskContacts');

  return (
    <div className="rules-layout">
      <form ref={form.formRef} className="card form" onSubmit={handleSubmit} noValidate aria-label={t('poolRules.formTitle')}>
        <fieldset>
          <legend>{t('poolRules.returns')}</legend>
          {numberField('returnAfterDaysWithoutFollowUp')}
          {numberField('returnAfterDaysWithoutDeal')}
          {numberField('warnDaysBeforeReturn')}
          {numberField('escalateDaysBeforeReturn')}
          <div className="field">
            <label htmlFor={`${id}-open-deals`} className="checkbox-line">
              <input
                id={`${id}-open-deals`}
                type="checkbox"
                aria-describedby={[`${id}-open-deals-hint`, openDealsError && `${id}-open-deals-error`]
                  .filter(Boolean)
                  .join(' ')}
                aria-invalid={openDealsError ? true : undefined}
                {...form.register('exemptOpenDeals')}
              />{' '}
              {t('poolRules.exemptOpenDeals')}
            </label>
            <p id={`${id}-open-deals-hint`} className="field-hint">
              {t('poolRules.exemptOpenDeals.hint')}
            </p>
            {openDealsError && (
              <p id={`${id}-open-deals-error`} className="field-error">
                {openDealsError}
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
                type="number"
                inputMode="numeric"
                min={0}
                max={MAX_STAGE_DAYS}
                placeholder={t('poolRules.stageDefault', { days: values.returnAfterDaysWithoutFollowUp })}
                {...form.field(`stageFollowUpDays.${stage}`)}
                error={ruleError(`stageFollowUpDays.${stage}`)}
              />
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('poolRules.claims')}</legend>
          {numberField('maxPrivateCustomersPerRep')}
          {numberField('maxClaimsPerRepPerDay')}
          {numberField('reclaimCooldownDays')}
          {numberField('purgeUnclaimedAfterDays')}
        </fieldset>
        <fieldset>
          <legend>{t('poolRules.visibility')}</legend>
          <div className="field">
            <label htmlFor={`${id}-mask`} className="checkbox-line">
              <input
                id={`${id}-mask`}
                type="checkbox"
                aria-describedby={maskError ? `${id}-mask-error` : undefined}
                aria-invalid={maskError ? true : undefined}
                {...form.register('maskContacts')}
              />{' '}
              {t('poolRules.maskContacts')}
            </label>
            {maskError && (
              <p id={`${id}-mask-error`} className="field-error">
                {maskError}
              </p>
            )}
          </div>
          <FieldVisibilityTable form={form} masking={values.maskContacts} error={ruleError} />
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
        <FormAlert alert={form.alert} />
        {canEdit ? (
          <div className="form-actions">
            <button type="submit" className="button-primary" disabled={updateMutation.isPending}>
              {updateMutation.isPending ? t('poolRules.saving') : t('poolRules.save')}
            </button>
          </div>
        ) : (
          <p className="muted">{t('poolRules.adminOnly')}</p>
        )}
      </form>
      <RulesPreview
        query={previewQuery}
        ready={complete}
        invalid={complete && !checked.success}
        updating={previewQuery.isFetching || settled !== candidateKey}
      />
    </div>
  );
}

/**
 * Each contact field with a choice of what reps see before claiming: whole, masked or hidden, with an example of
 * each. While masking is off every contact is seen whole, and the choices wait, disabled.
 */
function FieldVisibilityTable({
  form,
  masking,
  error,
}: {
  form: ZodForm<RulesValues, z.output<typeof rulesSchema>>;
  masking: boolean;
  error: (name: string) => string | undefined;
}) {
  const t = useT();
  const id = useId();
  const levels = useWatch({ control: form.control, name: 'fieldVisibility' });
  const errors = CONTACT_FIELDS.map((field) => error(`fieldVisibility.${field}`)).filter(Boolean);
  return (
    <div className="field">
      <p id={`${id}-hint`} className="field-hint">
        {masking ? t('poolRules.visibility.hint') : t('poolRules.visibility.off')}
      </p>
      <table className="visibility-table" aria-describedby={`${id}-hint`}>
        <caption className="visually-hidden">{t('poolRules.visibility')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('poolRules.visibility.field')}</th>
            {VISIBILITY_LEVELS.map((level) => (
              <th key={level} scope="col">
                {t(`poolRules.visibility.${level}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {CONTACT_FIELDS.map((field) => {
            const level = masking ? levels[field] : 'VISIBLE';
            return (
              <tr key={field}>
                <th scope="row">
                  {t(`poolRules.visibility.field.${field}`)}
                  <span className={`muted small visibility-example${level === 'HIDDEN' ? ' is-nothing' : ''}`}>
                    {level === 'HIDDEN' ? t('poolRules.visibility.nothing') : VISIBILITY_EXAMPLES[field][level]}
                  </span>
                </th>
                {VISIBILITY_LEVELS.map((option) => (
                  <td key={option}>
                    <input
                      type="radio"
                      value={option}
                      disabled={!masking}
                      aria-label={t('poolRules.visibility.choice', {
                        field: t(`poolRules.visibility.field.${field}`),
                        level: t(`poolRules.visibility.${option}`),
                      })}
                      {...form.register(`fieldVisibility.${field}`)}
                    />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {errors.length > 0 && <p className="field-error">{errors.join(' ')}</p>}
    </div>
  );
}

/**
 * Settings → Pool rules: admins and the pool's managers edit, with the preview of who would return before saving.
 * Each pool has its own rules; the pool is chosen here when the store has more than one (kept in the address: ?pool=ID).
 */
export function PoolRulesScreen({ user }: { user: { id: number; role: string } }) {
  const t = useT();
  const id = useId();
  const [search, setSearch] = useSearchParams();
  const poolsQuery = usePools();
  const pools = poolsQuery.data?.items ?? [];
  const asked = Number(search.get('pool') ?? DEFAULT_POOL_ID);
  const poolId = Number.isSafeInteger(asked) && asked >= 0 ? asked : DEFAULT_POOL_ID;
  const rulesQuery = usePoolRules(poolId);
  const canEdit = managesPool(
    pools.find((pool) => pool.id === poolId),
    user,
  );
  return (
    <div className="stack">
      <h1>{t('poolRules.title')}</h1>
      <p className="muted">{t('poolRules.intro')}</p>
      {pools.length > 1 && (
        <div className="field pool-rules-pool">
          <label htmlFor={`${id}-pool`}>{t('poolRules.pool')}</label>
          <select
            id={`${id}-pool`}
            value={String(poolId)}
            aria-describedby={`${id}-pool-hint`}
            onChange={(event) => {
              const next = new URLSearchParams(search);
              if (Number(event.target.value) === DEFAULT_POOL_ID) next.delete('pool');
              else next.set('pool', event.target.value);
              setSearch(next, { replace: true });
            }}
          >
            {pools.map((pool) => (
              <option key={pool.id} value={String(pool.id)}>
                {pool.isDefault ? `${pool.name} (${t('pools.default')})` : pool.name}
              </option>
            ))}
          </select>
          <p id={`${id}-pool-hint`} className="field-hint">
            {t('poolRules.poolHint')}
          </p>
        </div>
      )}
      {rulesQuery.isPending ? (
        <p role="status">{t('app.loading')}</p>
      ) : rulesQuery.isError ? (
        <QueryError error={rulesQuery.error} onRetry={() => void rulesQuery.refetch()} />
      ) : (
        // Keyed by pool: another pool's rules are another form, with their own version.
        <RulesForm
          key={poolId}
          poolId={poolId}
          saved={rulesQuery.data}
          canEdit={canEdit}
          onReload={async () => (await rulesQuery.refetch()).data}
        />
      )}
    </div>
  );
}
