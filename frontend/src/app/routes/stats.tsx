import { StatsScreen } from '@/features/stats/components/stats-screen';

export function StatsRoute() {
  return <StatsScreen />;
}
