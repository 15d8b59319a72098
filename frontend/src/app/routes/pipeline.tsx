import { PipelineScreen } from '@/features/pipeline/components/pipeline-screen';
import { WithMe } from '../components/with-me';

export function PipelineRoute() {
  return <WithMe>{(me) => <PipelineScreen role={me.user.role} />}</WithMe>;
}
