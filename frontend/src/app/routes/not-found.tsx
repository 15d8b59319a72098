import { Link } from 'react-router';
import { useT } from '@/lib/i18n';

export function NotFoundRoute() {
  const t = useT();
  return (
    <main className="card public-card">
      <h1>{t('app.notFound')}</h1>
      <Link to="/">{t('app.goHome')}</Link>
    </main>
  );
}
