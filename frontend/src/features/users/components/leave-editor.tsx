import * as Popover from '@radix-ui/react-popover';
import { useMemo, useState } from 'react';
import * as z from 'zod/mini';
import { FormAlert } from '@/components/form/form-alert';
import { TextField } from '@/components/form/text-field';
import { applyServerErrors, useZodForm } from '@/components/form/use-zod-form';
import { useNotify } from '@/components/toast';
import { fieldMessageParams } from '@/lib/form-messages';
import { useFormatters, useT, type Translate } from '@/lib/i18n';
import { errorSentence } from '@/lib/problem';
import type { User } from '../api/list-users';
import { useSetUserLeave } from '../api/set-user-leave';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

// The server's rules (AccountDtos.Leave, AccountService.setLeave), in the same words.
function leaveSchema(t: Translate) {
  const day = z.string().check(z.refine((value) => DAY.test(value), { params: fieldMessageParams('fieldError.REQUIRED') }));
  return z.object({ from: day, until: day }).check(
    z.refine(({ from, until }) => !DAY.test(from) || !DAY.test(until) || until >= from, {
      path: ['until'],
      params: fieldMessageParams('fieldError.NOT_BEFORE_FIELD', { other: t('users.leave.from') }),
    }),
  );
}

function leaveFieldLabel(t: Translate, field: string): string {
  return field === 'from' || field === 'until' ? t(`users.leave.${field}`) : field;
}

/** A leave's days as a rep would read them: "21 Dec – 3 Jan 2027" (store days, never shifted by the browser's zone). */
function useLeaveRange() {
  const format = useFormatters();
  // Noon UTC: the day stays the day in every time zone a browser may be in.
  return (leave: { from: string; until: string }) =>
    `${format.date(`${leave.from}T12:00:00Z`)} – ${format.date(`${leave.until}T12:00:00Z`)}`;
}

/**
 * The user's planned leave in the Status column, and a small form to plan, change or end it: on those days the
 * pools' automatic distribution hands them no customers.
 */
export function LeaveEditor({ user, today }: { user: User; today: string }) {
  const t = useT();
  const notify = useNotify();
  const range = useLeaveRange();
  const [open, setOpen] = useState(false);
  const mutation = useSetUserLeave();
  // One schema per language: the form's resolver is rebuilt whenever the schema changes.
  const schema = useMemo(() => leaveSchema(t), [t]);
  const form = useZodForm(schema, {
    defaultValues: { from: user.leave?.from ?? today, until: user.leave?.until ?? today },
    fieldLabel: leaveFieldLabel,
  });
  const leave = user.leave ?? null;
  const current = leave !== null && leave.from <= today && today <= leave.until;

  function save(next: { from: string; until: string } | null) {
    if (mutation.isPending) return;
    mutation.mutate(
      { userId: user.id, leave: next },
      {
        onSuccess: (updated) => {
          setOpen(false);
          notify({
            message: updated.leave
              ? t('users.leave.saved', { name: updated.name, range: range(updated.leave) })
              : t('users.leave.ended', { name: updated.name }),
            tone: 'success',
          });
        },
        onError: (error) => {
          if (next) applyServerErrors(form, error);
          else notify({ message: t('users.changeFailed', { name: user.name, reason: errorSentence(t, error) }), tone: 'error' });
        },
      },
    );
  }

  const submit = form.handleSubmit((values) => save(values));
  return (
    <div className="user-leave">
      {leave && (
        <span className={current ? 'leave-badge is-current' : 'leave-badge'}>
          {t(current ? 'users.leave.onLeave' : 'users.leave.planned', { range: range(leave) })}
        </span>
      )}
      <Popover.Root
        open={open}
        onOpenChange={(next) => {
          if (next) form.reset({ from: leave?.from ?? today, until: leave?.until ?? today });
          setOpen(next);
        }}
      >
        <Popover.Trigger asChild>
          {/* The name says the visible words first, then whose (WCAG 2.5.3: label in name). */}
          <button type="button" className="link-button" aria-label={t(leave ? 'users.leave.changeOf' : 'users.leave.planOf', { name: user.name })}>
            {t(leave ? 'users.leave.change' : 'users.leave.plan')}
          </button>
        </Popover.Trigger>
        <Popover.Portal>
          <Popover.Content className="leave-popover" align="end" sideOffset={6} collisionPadding={8}>
            <form ref={form.formRef} className="form" onSubmit={submit} noValidate aria-label={t('users.leave.titleOf', { name: user.name })}>
              <p className="muted small">{t('users.leave.hint')}</p>
              <TextField label={t('users.leave.from')} type="date" required {...form.field('from')} />
              <TextField label={t('users.leave.until')} type="date" required {...form.field('until')} />
              <FormAlert alert={form.alert} />
              <div className="form-actions">
                <button type="submit" className="button-primary" disabled={mutation.isPending}>
                  {mutation.isPending ? t('users.leave.saving') : t('users.leave.save')}
                </button>
                {leave && (
                  <button type="button" disabled={mutation.isPending} onClick={() => save(null)}>
                    {t(current ? 'users.leave.end' : 'users.leave.cancelLeave')}
                  </button>
                )}
                <Popover.Close asChild>
                  <button type="button">{t('users.cancel')}</button>
                </Popover.Close>
              </div>
            </form>
          </Popover.Content>
        </Popover.Portal>
      </Popover.Root>
    </div>
  );
}
