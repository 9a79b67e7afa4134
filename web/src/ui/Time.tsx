import { formatDateTime, formatRelative } from './format';

/** A relative time ("3 hours ago") with the exact one on hover and for machines. */
export function Time({ value }: { value: string | null | undefined }) {
  if (!value) return <span>—</span>;
  return (
    <time dateTime={value} title={formatDateTime(value)}>
      {formatRelative(value)}
    </time>
  );
}
