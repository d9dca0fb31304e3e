import { Text } from '@mantine/core';

// FOUNDATION placeholder: the helper «events» replaces this file (calendar, list, my events).
export const EventsPage = () => <Text c="dimmed">Раздел в разработке</Text>;
