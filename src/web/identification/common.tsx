import { Anchor, Badge, Group, Progress, Text } from '@mantine/core';
import { Link } from 'react-router';
import { FLAG_COLORS, FLAG_KEYS, FLAG_LABELS, FLAG_SHORT, fmtShare } from './strings.js';
import type { Flags, SchoolBrief } from './types.js';

// Small pieces shared by the identification screens.

export function FlagBadge({ flag, short }: { flag: keyof Flags; short?: boolean }) {
  return (
    <Badge
      color={FLAG_COLORS[flag]}
      variant="light"
      size="sm"
      title={FLAG_LABELS[flag]}
      style={{ minWidth: 'max-content' }}
    >
      {short ? FLAG_SHORT[flag] : FLAG_LABELS[flag]}
    </Badge>
  );
}

export function FlagBadges({ flags }: { flags: Flags }) {
  const on = FLAG_KEYS.filter((k) => flags[k]);
  if (on.length === 0)
    return (
      <Text size="xs" c="dimmed">
        —
      </Text>
    );
  return (
    <Group gap={4}>
      {on.map((k) => (
        <FlagBadge key={k} flag={k} short />
      ))}
    </Group>
  );
}

export function SchoolLink({ school }: { school: { id: string; name: string } }) {
  return (
    <Anchor component={Link} to={`/identification/schools/${school.id}`} size="sm">
      {school.name}
    </Anchor>
  );
}

export function StatusBadge({ value }: { value: [string, string] }) {
  return (
    <Badge color={value[1]} variant="light" style={{ minWidth: 'max-content' }}>
      {value[0]}
    </Badge>
  );
}

/** A share 0..1 as a thin bar with the percentage. */
export function ShareBar({
  value,
  color = 'red',
  width = 160,
}: {
  value: number;
  color?: string;
  /** Narrower in a half-width panel, so that its table fits without scrolling. */
  width?: number;
}) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Progress value={value * 100} color={color} w={width} size="md" />
      <Text size="sm" w={64} ta="right" style={{ whiteSpace: 'nowrap' }}>
        {fmtShare(value)}
      </Text>
    </Group>
  );
}

/** Schools with their municipalities, one per line, linked to their cards. */
export function SchoolList({ schools, empty = 'нет' }: { schools: SchoolBrief[]; empty?: string }) {
  if (schools.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  return (
    <div>
      {schools.map((s) => (
        <Text key={s.id} size="sm">
          <SchoolLink school={s} />{' '}
          <Text span size="xs" c="dimmed">
            {s.municipality?.name}
          </Text>
        </Text>
      ))}
    </div>
  );
}
