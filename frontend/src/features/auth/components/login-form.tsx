import * as z from 'zod/mini';
import { FormAlert } from '@/components/form/form-alert';
import { TextField } from '@/components/form/text-field';
import { applyServerErrors, useZodForm } from '@/components/form/use-zod-form';
import { EMAIL_PATTERN, matching } from '@/lib/form-schemas';
import { useT } from '@/lib/i18n';
import { useLogin, type LoginInput } from '../api/login';

// The server's rules (LoginRequest): checked here first, so that a slip needs no round trip.
const loginSchema = z.object({
  email: z.string().check(z.trim(), z.minLength(1), z.maxLength(254), matching(EMAIL_PATTERN, 'fieldError.EMAIL')),
  password: z.string().check(z.minLength(1), z.maxLength(72)),
}) satisfies z.ZodMiniType<LoginInput>;

export function LoginForm() {
  const t = useT();
  const loginMutation = useLogin();
  const form = useZodForm(loginSchema, { defaultValues: { email: '', password: '' } });

  const handleSubmit = form.handleSubmit((values) => {
    loginMutation.mutate(values, { onError: (error) => applyServerErrors(form, error) });
  });

  const pending = loginMutation.isPending;
  return (
    // noValidate: the messages (the form's own checks, then the server's) appear next to the fields, in the
    // chosen language, instead of the browser's own bubbles.
    <form ref={form.formRef} onSubmit={handleSubmit} noValidate aria-busy={pending} className="form">
      <TextField label={t('login.email')} type="email" autoComplete="username" required {...form.field('email')} />
      <TextField
        label={t('login.password')}
        type="password"
        autoComplete="current-password"
        required
        {...form.field('password')}
      />
      <FormAlert alert={form.alert} />
      <button type="submit" disabled={pending}>
        {pending ? t('login.pending') : t('login.submit')}
      </button>
    </form>
  );
}
