import { Title } from '@mantine/core';

// Placeholder of the foundation: the helper of this area replaces it with its pages.
export function IndicatorRoutes() {
  return <Title order={2}>Показатели</Title>;
}
