import { ImportScreen } from '@/features/imports/components/import-screen';
import { useT } from '@/lib/i18n';
import { WithMe } from '../components/with-me';

/** Importing is for managers and administrators; a rep who follows a link is told why not. */
export function ImportRoute() {
  const t = useT();
  return (
    <WithMe>
      {(me) =>
        me.user.role === 'REP' ? (
          <p role="alert" className="form-alert">
            {t('problem.forbidden')}
          </p>
        ) : (
          <ImportScreen />
        )
      }
    </WithMe>
  );
}
