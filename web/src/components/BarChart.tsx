import { For, Show } from 'solid-js';

export interface BarSeries {
  name: string;
  values: readonly number[];
  /** A CSS class giving the bars their colour (see accounting.css). */
  tone: string;
}

/**
 * Grouped vertical bars in plain SVG, no chart library: one group per
 * category, one bar per series, a zero line, the largest value marked on the
 * axis, and each bar's value in its tooltip. The numbers are also in the table
 * beside it, so the chart is a picture of them (role="img" with a summary).
 */
export default function BarChart(props: {
  label: string;
  categories: readonly string[];
  series: readonly BarSeries[];
  format: (value: number) => string;
  height?: number;
}) {
  const height = () => props.height ?? 180;
  const top = 16;
  const bottom = 28;
  const left = 8;
  const groupWidth = 56;
  const gap = 12;
  const width = () => left * 2 + Math.max(1, props.categories.length) * (groupWidth + gap);
  const max = () => Math.max(1, ...props.series.flatMap((s) => s.values.map((v) => Math.abs(v))));
  const hasNegative = () => props.series.some((s) => s.values.some((v) => v < 0));
  // With negatives, zero sits in the middle; otherwise on the baseline.
  const plot = () => height() - top - bottom;
  const zeroY = () => top + (hasNegative() ? plot() / 2 : plot());
  const scale = () => (hasNegative() ? plot() / 2 : plot()) / max();
  const barWidth = () => (groupWidth - 4) / Math.max(1, props.series.length);
  const summary = () =>
    `${props.label}: ` +
    props.categories.map((c, i) => `${c} ${props.series.map((s) => `${s.name} ${props.format(s.values[i] ?? 0)}`).join(', ')}`).join('; ');

  return (
    <figure class="bar-chart">
      <svg viewBox={`0 0 ${width()} ${height()}`} width={width()} height={height()} role="img" aria-label={summary()}>
        <line class="bar-chart-axis" x1={left} x2={width() - left} y1={zeroY()} y2={zeroY()} />
        <text class="bar-chart-max" x={left} y={top - 4}>
          {props.format(max())}
        </text>
        <For each={props.categories}>
          {(category, i) => {
            const x0 = () => left + i() * (groupWidth + gap) + gap / 2;
            return (
              <g>
                <For each={props.series}>
                  {(s, j) => {
                    const v = () => s.values[i()] ?? 0;
                    const h = () => Math.max(v() === 0 ? 0 : 1, Math.abs(v()) * scale());
                    return (
                      <rect class={`bar ${s.tone}`} x={x0() + 2 + j() * barWidth()} y={v() >= 0 ? zeroY() - h() : zeroY()} width={Math.max(2, barWidth() - 2)} height={h()}>
                        <title>{`${category} — ${s.name}: ${props.format(v())}`}</title>
                      </rect>
                    );
                  }}
                </For>
                <text class="bar-chart-label" x={x0() + groupWidth / 2} y={height() - 8} text-anchor="middle">
                  {category}
                </text>
              </g>
            );
          }}
        </For>
      </svg>
      <Show when={props.series.length > 1}>
        <figcaption class="bar-chart-legend">
          <For each={props.series}>
            {(s) => (
              <span>
                <span class={`bar-chart-key ${s.tone}`} aria-hidden="true" /> {s.name}
              </span>
            )}
          </For>
        </figcaption>
      </Show>
    </figure>
  );
}
