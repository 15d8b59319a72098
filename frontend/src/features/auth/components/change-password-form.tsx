import { useRef, useState, type FormEvent } from 'react';
import { FormAlert } from '@/components/form/form-alert';
import { TextField } from '@/components/form/text-field';
import { useNotify } from '@/components/toast';
import { useFocusOnError, useFormErrors } from '@/components/form/use-form-errors';
import { useT } from '@/lib/i18n';
import { ApiError } from '@/lib/problem';
import { useChangePassword, type ChangePasswordInput } from '../api/change-password';

const FIELDS = ['currentPassword', 'newPassword'] as const satisfies readonly (keyof ChangePasswordInput)[];
const MIN_LENGTH = 8;
const MAX_LENGTH = 72;

type LocalErrors = Partial<Record<'newPassword' | 'confirmPassword', string>>;

/** The server's words for a wrong current password: it is the only INVALID it sends for that field. */
function wrongCurrentPassword(error: unknown): boolean {
  return error instanceof ApiError && error.problem.errors.some((fieldError) => fieldError.field === 'currentPassword' && fieldError.code === 'INVALID');
}

/** Change my password: the current one, the new one twice. This session goes on; every other one ends. */
export function ChangePasswordForm() {
  const t = useT();
  const formRef = useRef<HTMLFormElement>(null);
  const notify = useNotify();
  const changeMutation = useChangePassword();
  const { fieldErrors, alert } = useFormErrors(changeMutation.error, FIELDS);
  const [localErrors, setLocalErrors] = useState<LocalErrors>({});
  const [attempt, setAttempt] = useState(0);
  useFocusOnError(formRef, changeMutation.error);
  // Focus the first field the form itself found wrong, as for the server's.
  useFocusOnError(formRef, attempt > 0 && Object.keys(localErrors).length > 0 ? attempt : null);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (changeMutation.isPending) return;
    const form = event.currentTarget;
    const data = new FormData(form);
    const currentPassword = String(data.get('currentPassword') ?? '');
    const newPassword = String(data.get('newPassword') ?? '');
    const confirmPassword = String(data.get('confirmPassword') ?? '');
    const errors: LocalErrors = {};
    if (newPassword.length < MIN_LENGTH || newPassword.length > MAX_LENGTH) {
      errors.newPassword = t('fieldError.LENGTH.between', { min: MIN_LENGTH, max: MAX_LENGTH });
    }
    if (confirmPassword !== newPassword) errors.confirmPassword = t('password.mismatch');
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) {
      changeMutation.reset();
      setAttempt((count) => count + 1);
      return;
    }
    changeMutation.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          form.reset();
          notify({ message: t('password.done'), tone: 'success' });
        },
      },
    );
  }

  const currentError = wrongCurrentPassword(changeMutation.error) ? t('password.wrongCurrent') : fieldErrors.currentPassword;
  const pending = changeMutation.isPending;
  return (
    <section aria-labelledby="password-title" className="card">
      <h2 id="password-title">{t('password.title')}</h2>
      <p className="muted">{t('password.intro')}</p>
      <form ref={formRef} onSubmit={handleSubmit} noValidate aria-busy={pending} className="form password-form">
        <TextField
          label={t('password.current')}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          error={currentError}
        />
        <TextField
          label={t('password.new')}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          hint={t('password.newHint')}
          error={localErrors.newPassword ?? fieldErrors.newPassword}
        />
        <TextField
          label={t('password.confirm')}
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          required
          error={localErrors.confirmPassword}
        />
        <FormAlert alert={alert} />
        <div className="form-actions">
          <button type="submit" disabled={pending}>
            {pending ? t('password.pending') : t('password.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
