import { Box, NativeSelect, Text, Textarea } from '@mantine/core';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import './import.css';

type Props = {
  value: string;
  onSave: (value: string) => void;
  /** Accessible name: «Мероприятие, пункт 1.2». */
  label: string;
  placeholder?: string;
  error?: string;
  size?: 'xs' | 'sm';
  dimmed?: boolean;
  bold?: boolean;
  /** A choice instead of text; '' is «не указано». */
  options?: string[];
};

const pre = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

/**
 * A table cell edited in place: click, Enter or F2 opens it; Enter or leaving it keeps the text
 * (Shift+Enter starts a new line), Escape puts the old text back.
 */
export function EditableCell(props: Props) {
  const { value, onSave, label, placeholder = '—', error, size = 'sm', options } = props;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  const shown = useRef<HTMLDivElement>(null);
  const wasEditing = useRef(false);

  useEffect(() => {
    if (wasEditing.current && !editing) shown.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  const open = () => {
    setDraft(value);
    setEditing(true);
  };
  const finish = (keep: boolean, next = draft) => {
    setEditing(false);
    if (keep && next.trim() !== value.trim()) onSave(next.trim());
  };
  const keys = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      finish(false);
    } else if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      finish(true);
    }
  };

  if (editing && options) {
    return (
      <NativeSelect
        size="xs"
        autoFocus
        aria-label={label}
        data={[{ value: '', label: 'не указан' }, ...options.map((o) => ({ value: o, label: o }))]}
        value={draft}
        onChange={(e) => finish(true, e.currentTarget.value)}
        onBlur={() => finish(false)}
        onKeyDown={keys}
        data-testid="import-cell-input"
      />
    );
  }
  if (editing) {
    return (
      <Textarea
        size={size}
        autoFocus
        autosize
        minRows={1}
        maxRows={14}
        aria-label={label}
        value={draft}
        onChange={(e) => setDraft(e.currentTarget.value)}
        onBlur={() => finish(true)}
        onKeyDown={keys}
        onFocus={(e) => {
          const end = e.currentTarget.value.length;
          e.currentTarget.setSelectionRange(end, end);
        }}
        error={error}
        style={{ margin: -3 }}
        styles={{
          // The text stays where it was shown: 1px border + 2px padding = the shown cell's 3px padding.
          input: {
            padding: 2,
            minHeight: 0,
            lineHeight: 'var(--mantine-line-height)',
            fontSize: `var(--mantine-font-size-${size})`,
          },
        }}
        data-testid="import-cell-input"
      />
    );
  }
  return (
    <Box
      ref={shown}
      role="button"
      tabIndex={0}
      aria-label={`${label}: изменить`}
      title="Нажмите, чтобы изменить"
      data-testid="import-cell"
      data-error={error ? 'true' : undefined}
      onClick={open}
      onKeyDown={(e) => {
        if (e.target !== e.currentTarget) return;
        if (e.key === 'Enter' || e.key === 'F2') {
          e.preventDefault();
          open();
        }
      }}
      className="import-cell"
      style={{
        borderRadius: 4,
        margin: -3,
        padding: 3,
        minHeight: 22,
        cursor: 'text',
        outline: error ? '2px solid var(--mantine-color-red-6)' : undefined,
        background: error ? 'var(--mantine-color-red-0)' : undefined,
      }}
    >
      {value ? (
        <Text
          size={size}
          c={props.dimmed ? 'dimmed' : undefined}
          fw={props.bold ? 600 : undefined}
          style={pre}
        >
          {value}
        </Text>
      ) : (
        <Text size={size} c="dimmed">
          {placeholder}
        </Text>
      )}
      {error && (
        <Text size="xs" c="red" mt={2} style={pre}>
          {error}
        </Text>
      )}
    </Box>
  );
}
