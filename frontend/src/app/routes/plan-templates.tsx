import { StageTemplatesScreen } from '@/features/plans/components/stage-templates-screen';
import { WithMe } from '../components/with-me';
import { Forbidden } from './settings';

/** The stages' default plans are the administrators' (everyone else may only read them, through the plan form). */
export function PlanTemplatesRoute() {
  return <WithMe>{(me) => (me.user.role === 'ADMIN' ? <StageTemplatesScreen /> : <Forbidden />)}</WithMe>;
}
