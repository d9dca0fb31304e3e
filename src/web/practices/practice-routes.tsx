import { Title } from '@mantine/core';

// Placeholder of the foundation: the helper of this area replaces it with its pages.
export function PracticeRoutes() {
  return <Title order={2}>Банк практик</Title>;
}
