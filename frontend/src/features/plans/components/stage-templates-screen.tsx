import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { Confirm } from '@/components/confirm';
import { FormAlert } from '@/components/form/form-alert';
import { useFocusOnError } from '@/components/form/use-form-errors';
import { QueryError } from '@/components/query-error';
import { useNotify } from '@/components/toast';
import { STAGES } from '@/lib/domain';
import { useT } from '@/lib/i18n';
import { errorMessage } from '@/lib/problem';
import { useDeleteStageTemplate } from '../api/delete-stage-template';
import { useStageTemplates } from '../api/list-stage-templates';
import { usePutStageTemplate } from '../api/put-stage-template';
import type { CustomerStage, StageTemplate } from '../api/types';
import { cadenceFromDraft, draftFromCadence, emptyDraft, type CadenceDraft } from '../lib/cadence-draft';
import { describeCadence } from '../lib/describe-cadence';
import { CadenceFields, cadenceFieldNames } from './cadence-fields';
import { usePlanFormErrors } from './use-plan-form-errors';

/** A stage's template being written: the same cadence fields as a plan's, the days counted from entering the stage. */
function TemplateForm({
  stage,
  template,
  onSaved,
  onCancel,
}: {
  stage: CustomerStage;
  template: StageTemplate | undefined;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const formRef = useRef<HTMLFormElement>(null);
  const putMutation = usePutStageTemplate();
  const [draft, setDraft] = useState<CadenceDraft>(() => (template ? draftFromCadence(template.cadence) : emptyDraft()));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const shown = useMemo(() => cadenceFieldNames(draft), [draft]);
  // A template's cadence is the whole body: its fields come back without a prefix.
  const { fieldErrors: serverErrors, alert } = usePlanFormErrors(putMutation.error, '', shown);
  const errors = { ...serverErrors, ...clientErrors };
  useFocusOnError(formRef, putMutation.error);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (putMutation.isPending) return;
    const { cadence, errors: found } = cadenceFromDraft(draft, t);
    setClientErrors(found);
    if (!cadence) {
      putMutation.reset();
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    putMutation.mutate({ stage, cadence }, { onSuccess: onSaved });
  }

  return (
    <form
      ref={formRef}
      className="form form-columns plan-template-form"
      onSubmit={handleSubmit}
      noValidate
      aria-busy={putMutation.isPending}
      aria-label={t('plans.templates.formLabel', { stage: t(`stage.${stage}`) })}
    >
      <CadenceFields
        draft={draft}
        onChange={setDraft}
        errors={errors}
        startHint={t('plans.templates.startHint')}
        onStepsMoved={() => {
          setClientErrors({});
          putMutation.reset();
        }}
      />
      <FormAlert alert={alert} />
      <div className="form-actions">
        <button type="submit" disabled={putMutation.isPending}>
          {putMutation.isPending ? t('plans.form.saving') : t('plans.templates.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function StageRow({ stage, template }: { stage: CustomerStage; template: StageTemplate | undefined }) {
  const t = useT();
  const notify = useNotify();
  const titleId = useId();
  const deleteMutation = useDeleteStageTemplate();
  const [mode, setMode] = useState<'view' | 'edit' | 'remove'>('view');
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const name = t(`stage.${stage}`);
  const failure = deleteMutation.error ? errorMessage(deleteMutation.error) : null;

  function backToView() {
    setMode('view');
    requestAnimationFrame(() => editButtonRef.current?.focus());
  }

  return (
    <li className="plan-template-row" aria-labelledby={titleId}>
      <div className="plan-template-head">
        <h3 id={titleId}>{name}</h3>
        <p className={template ? 'plan-template-text' : 'muted plan-template-text'}>
          {template ? describeCadence(template.cadence, t) : t('plans.templates.none')}
        </p>
        {template?.cadence.note && <p className="muted small plan-note">{template.cadence.note}</p>}
      </div>
      {mode === 'view' && (
        <span className="row-actions wrap">
          <button
            type="button"
            ref={editButtonRef}
            aria-label={t(template ? 'plans.templates.editLabel' : 'plans.templates.setUpLabel', { stage: name })}
            onClick={() => {
              deleteMutation.reset();
              setMode('edit');
            }}
          >
            {t(template ? 'plans.templates.edit' : 'plans.templates.setUp')}
          </button>
          {template && (
            <button
              type="button"
              className="danger"
              aria-label={t('plans.templates.removeLabel', { stage: name })}
              onClick={() => {
                deleteMutation.reset();
                setMode('remove');
              }}
            >
              {t('plans.templates.remove')}
            </button>
          )}
        </span>
      )}
      {mode === 'edit' && (
        <TemplateForm
          stage={stage}
          template={template}
          onSaved={() => {
            backToView();
            notify({ message: t('plans.templates.saved', { stage: name }), tone: 'success' });
          }}
          onCancel={backToView}
        />
      )}
      {mode === 'remove' && (
        <Confirm
          title={t('plans.templates.removeConfirm', { stage: name })}
          description={t('plans.templates.removeConfirmText')}
          confirmLabel={t('plans.templates.remove')}
          cancelLabel={t('common.cancel')}
          danger
          pending={deleteMutation.isPending}
          onConfirm={() =>
            deleteMutation.mutate(stage, {
              onSuccess: () => notify({ message: t('plans.templates.removed', { stage: name }), tone: 'success' }),
              onSettled: () => setMode('view'),
            })
          }
          onCancel={backToView}
        />
      )}
      {failure && (
        <p role="alert" className="field-error">
          {t(failure.key, failure.params)}
        </p>
      )}
    </li>
  );
}

/** Settings → Plan templates: each stage's default follow-up plan, for administrators. */
export function StageTemplatesScreen() {
  const t = useT();
  const templatesQuery = useStageTemplates();

  let list;
  if (templatesQuery.isPending) list = <p role="status">{t('app.loading')}</p>;
  else if (templatesQuery.isError) list = <QueryError error={templatesQuery.error} onRetry={() => void templatesQuery.refetch()} />;
  else {
    const templates = templatesQuery.data.items;
    list = (
      <ul className="settings-list plan-template-list" aria-labelledby="plan-templates-list-title">
        {STAGES.map((stage) => (
          <StageRow key={stage} stage={stage} template={templates.find((template) => template.stage === stage)} />
        ))}
      </ul>
    );
  }

  return (
    <div className="stack">
      <div>
        <h1>{t('plans.templates.title')}</h1>
        <p className="muted">{t('plans.templates.intro')}</p>
      </div>
      <section aria-labelledby="plan-templates-list-title" className="card">
        <h2 id="plan-templates-list-title">{t('plans.templates.listTitle')}</h2>
        {list}
      </section>
    </div>
  );
}
