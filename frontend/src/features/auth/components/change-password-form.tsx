import * as z from 'zod/mini';
import { FormAlert } from '@/components/form/form-alert';
import { TextField } from '@/components/form/text-field';
import { useNotify } from '@/components/toast';
import { applyServerErrors, serverMessage, useZodForm } from '@/components/form/use-zod-form';
import { fieldMessageParams } from '@/lib/form-messages';
import { useT } from '@/lib/i18n';
import { ApiError } from '@/lib/problem';
import { useChangePassword } from '../api/change-password';

// The server's rules (ChangePasswordRequest), and the new password typed twice alike.
const changePasswordSchema = z
  .object({
    // An empty one cannot be right: no need to ask the server (and count a failed attempt).
    currentPassword: z.string().check(z.minLength(1), z.maxLength(72)),
    newPassword: z.string().check(z.minLength(8), z.maxLength(72)),
    confirmPassword: z.string(),
  })
  .check(
    z.refine(({ newPassword, confirmPassword }) => confirmPassword === newPassword, {
      path: ['confirmPassword'],
      params: fieldMessageParams('password.mismatch'),
      // Also when another field is wrong: one submit names every mistake.
      when: () => true,
    }),
  );

type ChangePasswordValues = z.input<typeof changePasswordSchema>;

const EMPTY: ChangePasswordValues = { currentPassword: '', newPassword: '', confirmPassword: '' };

/** The server's words for a wrong current password: it is the only INVALID it sends for that field. */
function wrongCurrentPassword(error: unknown): boolean {
  return error instanceof ApiError && error.problem.errors.some((fieldError) => fieldError.field === 'currentPassword' && fieldError.code === 'INVALID');
}

/** Change my password: the current one, the new one twice. This session goes on; every other one ends. */
export function ChangePasswordForm() {
  const t = useT();
  const notify = useNotify();
  const changeMutation = useChangePassword();
  const form = useZodForm(changePasswordSchema, { defaultValues: EMPTY });

  const handleSubmit = form.handleSubmit(({ currentPassword, newPassword }) => {
    if (changeMutation.isPending) return;
    changeMutation.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          form.reset();
          notify({ message: t('password.done'), tone: 'success' });
        },
        onError: (error) => {
          applyServerErrors(form, error);
          if (wrongCurrentPassword(error)) form.setError('currentPassword', serverMessage({ key: 'password.wrongCurrent' }));
        },
      },
    );
  });

  const pending = changeMutation.isPending;
  return (
    <section aria-labelledby="password-title" className="card">
      <h2 id="password-title">{t('password.title')}</h2>
      <p className="muted">{t('password.intro')}</p>
      <form ref={form.formRef} onSubmit={handleSubmit} noValidate aria-busy={pending} className="form password-form">
        <TextField
          label={t('password.current')}
          type="password"
          autoComplete="current-password"
          required
          {...form.field('currentPassword')}
        />
        <TextField
          label={t('password.new')}
          type="password"
          autoComplete="new-password"
          required
          hint={t('password.newHint')}
          // Once checked, the second one is checked again as the first changes.
          {...form.field('newPassword', { deps: 'confirmPassword' })}
        />
        <TextField
          label={t('password.confirm')}
          type="password"
          autoComplete="new-password"
          required
          {...form.field('confirmPassword')}
        />
        <FormAlert alert={form.alert} />
        <div className="form-actions">
          <button type="submit" disabled={pending}>
            {pending ? t('password.pending') : t('password.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
