import { register, type ForgeDoc } from './forge-doc';

/**
 * UI Kit's charts (BarChart, StackBarChart, HorizontalBarChart, LineChart), drawn as SVG from the
 * props @forge/react sends: `data` as an array of arrays or of objects, `xAccessor`, `yAccessor`
 * and `colorAccessor` as an index or a key, `title`, `subtitle`, `height` (default 400), `width`
 * (responsive when absent), `showBorder` (default true) and `colorPalette` (strings, or
 * `{ key, value }` per category). Jira draws them with Atlassian's own chart library, which is not
 * published; this host draws the same data with the design system's categorical chart colours,
 * a legend when there is a colour grouping, and a title and summary for assistive technology.
 * Not drawn: the menu (`hideMenu`), tooltips and plot margins.
 */
type Datum = { x: string; y: number; group: string };

// The design system's categorical chart colours (tokens), with their light theme's values where tokens are not loaded.
const FALLBACK_COLOURS = ['#2898BD', '#5E4DB2', '#E56910', '#943D73', '#09326C', '#8F7EE7', '#50253F', '#A54800'];
const PALETTE = FALLBACK_COLOURS.map((colour, i) => `var(--ds-chart-categorical-${i + 1}, ${colour})`);

function read(row: unknown, accessor: unknown): unknown {
  if (Array.isArray(row) && typeof accessor === 'number') return row[accessor];
  if (row && typeof row === 'object' && (typeof accessor === 'string' || typeof accessor === 'number'))
    return (row as Record<string | number, unknown>)[accessor];
  return undefined;
}

function dataOf(props: Record<string, unknown>): Datum[] {
  const rows = Array.isArray(props.data) ? props.data : [];
  return rows.flatMap((row) => {
    const y = Number(read(row, props.yAccessor));
    if (!Number.isFinite(y)) return [];
    const group = props.colorAccessor === undefined ? '' : String(read(row, props.colorAccessor) ?? '');
    return [{ x: String(read(row, props.xAccessor) ?? ''), y, group }];
  });
}

function coloursOf(props: Record<string, unknown>, groups: string[]): Map<string, string> {
  const palette = Array.isArray(props.colorPalette) ? props.colorPalette : [];
  const byKey = new Map<string, string>();
  for (const entry of palette)
    if (entry && typeof entry === 'object' && 'key' in entry && 'value' in entry) byKey.set(String(entry.key), String(entry.value));
  const strings = palette.filter((entry): entry is string => typeof entry === 'string');
  return new Map(groups.map((group, i) => [group, byKey.get(group) ?? strings[i] ?? PALETTE[i % PALETTE.length]]));
}

function niceMax(max: number): number {
  if (max <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(max));
  return Math.ceil(max / step) * step;
}

type Kind = 'bar' | 'stack' | 'horizontal' | 'line';

function Chart({ node, kind }: { node: ForgeDoc; kind: Kind }) {
  const p = node.props;
  const data = dataOf(p);
  const xs = [...new Set(data.map((d) => d.x))];
  const groups = [...new Set(data.map((d) => d.group))];
  const colours = coloursOf(p, groups);
  const height = typeof p.height === 'number' ? p.height : 400;
  const width = typeof p.width === 'number' ? p.width : 640;
  const title = typeof p.title === 'string' ? p.title : undefined;
  const subtitle = typeof p.subtitle === 'string' ? p.subtitle : undefined;
  const totals = xs.map((x) => data.filter((d) => d.x === x).reduce((s, d) => s + d.y, 0));
  const top = niceMax(kind === 'stack' ? Math.max(0, ...totals) : Math.max(0, ...data.map((d) => d.y)));
  const plot = { left: kind === 'horizontal' ? 96 : 44, right: 12, top: 12, bottom: 40 };
  const inner = { w: width - plot.left - plot.right, h: Math.max(40, height - 110 - plot.top - plot.bottom) };
  const svgHeight = inner.h + plot.top + plot.bottom;
  const band = xs.length === 0 ? inner.w : (kind === 'horizontal' ? inner.h : inner.w) / xs.length;
  const scale = (v: number) => (v / top) * (kind === 'horizontal' ? inner.w : inner.h);
  const value = (x: string, group: string) => data.filter((d) => d.x === x && d.group === group).reduce((s, d) => s + d.y, 0);
  const summary = `${title ?? 'Chart'}: ${xs.map((x) => `${x} ${groups.map((g) => (g ? `${g} ${value(x, g)}` : value(x, g))).join(', ')}`).join('; ')}`;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((t) => Math.round(top * t * 100) / 100);
  const label = { fontSize: 11, fill: 'var(--ds-text-subtle, #44546F)' } as const;

  const marks = xs.flatMap((x, i) => {
    if (kind === 'line') return [];
    let offset = 0;
    return groups.map((group, g) => {
      const v = value(x, group);
      const size = scale(v);
      const key = `${x}/${group}`;
      if (kind === 'horizontal') {
        const h = (band * 0.7) / groups.length;
        return (
          <rect key={key} x={plot.left} y={plot.top + i * band + band * 0.15 + g * h} width={size} height={h} fill={colours.get(group)} />
        );
      }
      if (kind === 'stack') {
        const rect = (
          <rect
            key={key}
            x={plot.left + i * band + band * 0.2}
            y={plot.top + inner.h - offset - size}
            width={band * 0.6}
            height={size}
            fill={colours.get(group)}
          />
        );
        offset += size;
        return rect;
      }
      const w = (band * 0.7) / groups.length;
      return (
        <rect
          key={key}
          x={plot.left + i * band + band * 0.15 + g * w}
          y={plot.top + inner.h - size}
          width={w}
          height={size}
          fill={colours.get(group)}
        />
      );
    });
  });
  const lines =
    kind === 'line'
      ? groups.map((group) => {
          const points = xs
            .map((x, i) => ({ x, i, present: data.some((d) => d.x === x && d.group === group) }))
            .filter((pt) => pt.present)
            .map(({ x, i }) => [plot.left + i * band + band / 2, plot.top + inner.h - scale(value(x, group))] as const);
          return (
            <g key={group} stroke={colours.get(group)} fill={colours.get(group)}>
              <polyline points={points.map((pt) => pt.join(',')).join(' ')} fill="none" strokeWidth={2} />
              {points.map(([cx, cy]) => (
                <circle key={`${cx},${cy}`} cx={cx} cy={cy} r={3} />
              ))}
            </g>
          );
        })
      : [];

  return (
    <figure
      data-ui-kit-chart={node.type}
      style={{
        margin: 0,
        padding: 12,
        width: typeof p.width === 'number' ? p.width : '100%',
        boxSizing: 'border-box',
        border: p.showBorder === false ? 'none' : '1px solid var(--ds-border, #091E4224)',
        borderRadius: 4
      }}
    >
      {(title || subtitle) && (
        <figcaption style={{ marginBottom: 8 }}>
          {title && <div style={{ fontWeight: 600, color: 'var(--ds-text, #172B4D)' }}>{title}</div>}
          {subtitle && <div style={{ fontSize: 12, color: 'var(--ds-text-subtle, #44546F)' }}>{subtitle}</div>}
        </figcaption>
      )}
      <svg role="img" aria-label={summary} viewBox={`0 0 ${width} ${svgHeight}`} width="100%" height={svgHeight} preserveAspectRatio="none">
        {ticks.map((t) =>
          kind === 'horizontal' ? (
            <text key={t} x={plot.left + scale(t)} y={svgHeight - 8} textAnchor="middle" {...label}>
              {t}
            </text>
          ) : (
            <g key={t}>
              <line
                x1={plot.left}
                x2={width - plot.right}
                y1={plot.top + inner.h - scale(t)}
                y2={plot.top + inner.h - scale(t)}
                stroke="var(--ds-border, #091E4224)"
              />
              <text x={plot.left - 6} y={plot.top + inner.h - scale(t) + 4} textAnchor="end" {...label}>
                {t}
              </text>
            </g>
          )
        )}
        {xs.map((x, i) =>
          kind === 'horizontal' ? (
            <text key={x} x={plot.left - 6} y={plot.top + i * band + band / 2 + 4} textAnchor="end" {...label}>
              {x}
            </text>
          ) : (
            <text key={x} x={plot.left + i * band + band / 2} y={svgHeight - 20} textAnchor="middle" {...label}>
              {xs.length > 16 && i % Math.ceil(xs.length / 16) !== 0 ? '' : x}
            </text>
          )
        )}
        {marks}
        {lines}
      </svg>
      {groups.some((g) => g !== '') && (
        <ul aria-label="Legend" style={{ display: 'flex', gap: 16, listStyle: 'none', padding: 0, margin: '8px 0 0', fontSize: 12 }}>
          {groups.map((group) => (
            <li key={group} style={{ display: 'flex', alignItems: 'center', gap: 6, color: 'var(--ds-text, #172B4D)' }}>
              <span aria-hidden="true" style={{ width: 10, height: 10, borderRadius: 2, background: colours.get(group) }} />
              {group}
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}

register({
  BarChart: ({ node }) => <Chart node={node} kind="bar" />,
  StackBarChart: ({ node }) => <Chart node={node} kind="stack" />,
  HorizontalBarChart: ({ node }) => <Chart node={node} kind="horizontal" />,
  LineChart: ({ node }) => <Chart node={node} kind="line" />
});
