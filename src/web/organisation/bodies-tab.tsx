import { Text } from '@mantine/core';

// FOUNDATION placeholder: the helper «meetings» replaces this file (bodies, meetings, decisions).
export const BodiesTab = () => <Text c="dimmed">Раздел в разработке</Text>;
