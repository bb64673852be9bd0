// The committee pack's two charts as SVG, drawn from the engine's figures (whatIfCharts.ts), which are the What-if
// sheet's: the RAS curves and the people in each band of change. Plain SVG prints crisply at any size.
import { CareGroupCurve, ChangeBand } from "../../../engine";
import { CARE_GROUP_COLOURS } from "../../../workbook/reports/whatIf";

const WIDTH = 640;
const HEIGHT = 300;
const LEFT = 64;
const RIGHT = 12;
const TOP = 12;
const BOTTOM = 40;

/** Round axis steps: 1, 2 or 5 × a power of ten, about five of them. */
function step(largest: number): number {
  if (largest <= 0) return 1;
  const rough = largest / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough)!;
}

const poundsLabel = (amount: number) => `£${Math.round(amount).toLocaleString("en-GB")}`;

/** Annual £ against points, a line per care group: current solid, proposed dashed. */
export function CurvesChart({ points, curves }: { points: readonly number[]; curves: readonly CareGroupCurve[] }) {
  const maxX = Math.max(1, ...points);
  const values = curves
    .flatMap((curve) => [...curve.current, ...curve.proposed])
    .filter((v): v is number => v !== null);
  const yStep = step(Math.max(0, ...values));
  const maxY = Math.max(yStep, Math.ceil(Math.max(0, ...values) / yStep) * yStep);
  const x = (value: number) => LEFT + (value / maxX) * (WIDTH - LEFT - RIGHT);
  const y = (value: number) => HEIGHT - BOTTOM - (value / maxY) * (HEIGHT - TOP - BOTTOM);
  const xStep = step(maxX);
  const line = (series: readonly (number | null)[]) =>
    series
      .map((value, at) => (value === null ? null : `${x(points[at]).toFixed(1)},${y(value).toFixed(1)}`))
      .filter((point) => point !== null)
      .join(" ");
  const summary = curves
    .map((curve) => {
      const last = points.length - 1;
      return `${curve.careGroup} at ${points[last]} points: ${poundsLabel(curve.current[last] ?? 0)} now, ${poundsLabel(
        curve.proposed[last] ?? 0,
      )} proposed`;
    })
    .join("; ");
  return (
    <figure className="pack-figure">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`RAS curves. ${summary}.`}>
        {Array.from({ length: Math.floor(maxY / yStep) + 1 }, (_, at) => at * yStep).map((tick) => (
          <g key={`y${tick}`}>
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(tick)} y2={y(tick)} stroke="#d1d1d1" strokeWidth={0.5} />
            <text x={LEFT - 4} y={y(tick) + 3} textAnchor="end">
              {poundsLabel(tick)}
            </text>
          </g>
        ))}
        {Array.from({ length: Math.floor(maxX / xStep) + 1 }, (_, at) => at * xStep).map((tick) => (
          <text key={`x${tick}`} x={x(tick)} y={HEIGHT - BOTTOM + 14} textAnchor="middle">
            {tick}
          </text>
        ))}
        <text x={(LEFT + WIDTH) / 2} y={HEIGHT - 6} textAnchor="middle">
          Points
        </text>
        {curves.map((curve, group) => {
          const colour = CARE_GROUP_COLOURS[group % CARE_GROUP_COLOURS.length];
          return (
            <g key={curve.careGroup}>
              <polyline points={line(curve.current)} fill="none" stroke={colour} strokeWidth={1.5} />
              <polyline
                points={line(curve.proposed)}
                fill="none"
                stroke={colour}
                strokeWidth={1.5}
                strokeDasharray="6 4"
              />
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="pack-legend">
          {curves.map((curve, group) => (
            <li key={curve.careGroup}>
              <span
                className="pack-swatch"
                style={{ borderTopColor: CARE_GROUP_COLOURS[group % CARE_GROUP_COLOURS.length] }}
                aria-hidden="true"
              />
              {`${curve.careGroup}: now solid, proposed dashed`}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

/** People in each band of £ change, a bar each, its count above it. */
export function DistributionChart({ bands }: { bands: readonly ChangeBand[] }) {
  const most = Math.max(1, ...bands.map((band) => band.people));
  const slot = (WIDTH - LEFT - RIGHT) / bands.length;
  const y = (people: number) => HEIGHT - BOTTOM - 40 - (people / most) * (HEIGHT - TOP - BOTTOM - 56);
  return (
    <figure className="pack-figure">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`People by change in annual budget. ${bands
          .map((band) => `${band.label}: ${band.people}`)
          .join("; ")}.`}
      >
        <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(0)} y2={y(0)} stroke="#616161" strokeWidth={0.5} />
        {bands.map((band, at) => {
          const left = LEFT + at * slot;
          return (
            <g key={band.label}>
              <rect
                x={left + slot * 0.15}
                y={y(band.people)}
                width={slot * 0.7}
                height={y(0) - y(band.people)}
                fill={CARE_GROUP_COLOURS[0]}
              />
              <text x={left + slot / 2} y={y(band.people) - 4} textAnchor="middle">
                {band.people}
              </text>
              <text
                x={left + slot / 2}
                y={y(0) + 10}
                textAnchor="end"
                transform={`rotate(-35 ${left + slot / 2} ${y(0) + 10})`}
              >
                {band.label}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
