/** A month-by-month line, zero marked, losses in red: small enough for a table cell. */
export function Sparkline({ values, width = 90, height = 22 }: { values: number[]; width?: number; height?: number }) {
  if (values.length < 2) return null;
  const min = Math.min(0, ...values);
  const max = Math.max(0, ...values);
  const span = max - min || 1;
  const x = (i: number) => (i / (values.length - 1)) * (width - 2) + 1;
  const y = (v: number) => height - 1 - ((v - min) / span) * (height - 2);
  const points = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const last = values[values.length - 1] as number;
  return (
    <svg className="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-hidden="true">
      <line x1="0" x2={width} y1={y(0)} y2={y(0)} stroke="#cbd5e1" strokeWidth="1" />
      <polyline points={points} fill="none" stroke={last < 0 ? '#dc2626' : '#059669'} strokeWidth="1.5" />
    </svg>
  );
}
