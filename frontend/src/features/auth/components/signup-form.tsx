import * as z from 'zod/mini';
import { FormAlert } from '@/components/form/form-alert';
import { TextField } from '@/components/form/text-field';
import { applyServerErrors, serverMessage, useZodForm } from '@/components/form/use-zod-form';
import { EMAIL_PATTERN, matching, requiredText } from '@/lib/form-schemas';
import { useLocale, useT } from '@/lib/i18n';
import { isProblem } from '@/lib/problem';
import { useSignup } from '../api/signup';

// The server's rules (SignupRequest): checked here first, so that a slip needs no round trip.
const signupSchema = z.object({
  storeName: requiredText(120),
  name: requiredText(120),
  email: z.string().check(z.trim(), z.minLength(1), z.maxLength(254), matching(EMAIL_PATTERN, 'fieldError.EMAIL')),
  password: z.string().check(z.minLength(8), z.maxLength(72)),
});

export function SignupForm() {
  const t = useT();
  const locale = useLocale();
  const signupMutation = useSignup();
  const form = useZodForm(signupSchema, { defaultValues: { storeName: '', name: '', email: '', password: '' } });

  const handleSubmit = form.handleSubmit((values) => {
    signupMutation.mutate(
      {
        ...values,
        // The store's calendar days (daily claim limits, statistics) follow the founder's time zone.
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        // The store's own language follows the one the founder reads: Harbor names its default lost reasons in it.
        language: locale,
      },
      {
        onError: (error) => {
          if (isProblem(error, 'email-taken')) {
            // A taken email is about one field: say it there rather than in a general alert.
            form.setError('email', serverMessage({ key: 'problem.emailTaken' }));
            form.focusFirstError();
          } else {
            applyServerErrors(form, error);
          }
        },
      },
    );
  });

  const pending = signupMutation.isPending;
  return (
    // noValidate: the messages (the form's own checks, then the server's) appear next to the fields, in the
    // chosen language, instead of the browser's own bubbles.
    <form ref={form.formRef} onSubmit={handleSubmit} noValidate aria-busy={pending} className="form">
      <TextField label={t('signup.storeName')} autoComplete="organization" required {...form.field('storeName')} />
      <TextField label={t('signup.name')} autoComplete="name" required {...form.field('name')} />
      <TextField label={t('signup.email')} type="email" autoComplete="email" required {...form.field('email')} />
      <TextField
        label={t('signup.password')}
        type="password"
        autoComplete="new-password"
        required
        hint={t('signup.passwordHint')}
        {...form.field('password')}
      />
      <FormAlert alert={form.alert} />
      <button type="submit" disabled={pending}>
        {pending ? t('signup.pending') : t('signup.submit')}
      </button>
    </form>
  );
}
