import { Text } from '@mantine/core';

// FOUNDATION placeholder: the helper «meetings» replaces this file (a meeting: protocol, decisions).
export const MeetingPage = () => <Text c="dimmed">Раздел в разработке</Text>;
