import { Link } from 'react-router';
import { LoginForm } from '@/features/auth/components/login-form';
import { useT } from '@/lib/i18n';
import { PublicLayout } from '../components/public-layout';
import { RedirectIfSignedIn } from '../components/require-session';

export function LoginRoute() {
  const t = useT();
  return (
    <RedirectIfSignedIn>
      <PublicLayout title={t('login.title')}>
        <LoginForm />
        <p className="public-switch">
          {t('login.noAccount')} <Link to="/signup">{t('login.toSignup')}</Link>
        </p>
      </PublicLayout>
    </RedirectIfSignedIn>
  );
}
