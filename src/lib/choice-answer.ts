// The answer to a choice question, the same in the risk questionnaires (risk-campaigns/validate-answers.ts)
// and the monitoring forms (monitoring/validate-answers.ts): one value as a string, several as an array,
// an empty string meaning «nothing chosen» (what an HTML select sends). See docs/decisions/0024.

/** The chosen values (blanks dropped, repeats removed), or null when the answer has the wrong shape. */
export function chosenValues(value: unknown, multiple: boolean): string[] | null {
  const values =
    typeof value === 'string'
      ? [value]
      : Array.isArray(value) && value.every((v) => typeof v === 'string')
        ? (value as string[])
        : null;
  if (!values || (!multiple && values.length > 1)) return null;
  return [...new Set(values.filter((v) => v !== ''))];
}
