import { Link } from 'react-router';
import { SignupForm } from '@/features/auth/components/signup-form';
import { useT } from '@/lib/i18n';
import { PublicLayout } from '../components/public-layout';
import { RedirectIfSignedIn } from '../components/require-session';

export function SignupRoute() {
  const t = useT();
  return (
    <RedirectIfSignedIn>
      <PublicLayout title={t('signup.title')}>
        <SignupForm />
        <p className="public-switch">
          {t('signup.haveAccount')} <Link to="/login">{t('signup.toLogin')}</Link>
        </p>
      </PublicLayout>
    </RedirectIfSignedIn>
  );
}
