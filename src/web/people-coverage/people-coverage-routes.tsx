import { Title } from '@mantine/core';

// Placeholder of the foundation: the helper of this area replaces it with its pages.
export function PeopleCoverageRoutes() {
  return <Title order={2}>Охват поддержки педагогов</Title>;
}
