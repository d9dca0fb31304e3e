import { Title } from '@mantine/core';

// Placeholder of the foundation: the helper of this area replaces it with its pages.
export function IndividualRouteRoutes() {
  return <Title order={2}>ИОМ педагогов</Title>;
}
