import { CustomFieldsScreen } from '@/features/custom-fields/components/custom-fields-screen';
import { PoolRulesScreen } from '@/features/pool-rules/components/pool-rules-screen';
import { PoolsScreen } from '@/features/pools/components/pools-screen';
import { TagsScreen } from '@/features/tags/components/tags-screen';
import { useT } from '@/lib/i18n';
import { WithMe } from '../components/with-me';

export function Forbidden() {
  const t = useT();
  return (
    <p role="alert" className="form-alert">
      {t('problem.forbidden')}
    </p>
  );
}

export function TagsRoute() {
  return <WithMe>{(me) => (me.user.role === 'REP' ? <Forbidden /> : <TagsScreen />)}</WithMe>;
}

export function CustomFieldsRoute() {
  return <WithMe>{(me) => (me.user.role === 'ADMIN' ? <CustomFieldsScreen /> : <Forbidden />)}</WithMe>;
}

/** Admins and a pool's managers change its rules; other managers may try values and see the preview, but not save. */
export function PoolRulesRoute() {
  return <WithMe>{(me) => (me.user.role === 'REP' ? <Forbidden /> : <PoolRulesScreen user={me.user} />)}</WithMe>;
}

/** Admins add, change and delete pools; managers see them and who belongs to each, and set up the pools they manage. */
export function PoolsRoute() {
  return <WithMe>{(me) => (me.user.role === 'REP' ? <Forbidden /> : <PoolsScreen user={me.user} />)}</WithMe>;
}
