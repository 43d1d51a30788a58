// Charts drawn on the server as SVG: no chart library and no JavaScript, so they cost nothing in
// the browser's bundle, work without scripts and print as they look. Time runs in the page's
// direction: the drawing is mirrored on right-to-left pages (`rtl:-scale-x-100`), so the oldest
// bucket is at the start (the right, in Persian). Text stays outside the drawing, in HTML, where
// it flows and wraps in either direction; every chart has its figures in a table beside it.

export type ChartPoint = { label: string; value: number; title: string }

/** Vertical bars, one per bucket, scaled to the largest; each bar's `title` shows on hover. */
export function BarChart({
  points,
  peakLabel,
  className = 'h-40',
  testId,
}: {
  points: ChartPoint[]
  /** The figure the top of the chart stands for (the largest value, formatted). */
  peakLabel: string
  className?: string
  testId?: string
}) {
  const peak = Math.max(1, ...points.map((point) => point.value))
  const width = Math.max(points.length, 1) * 10
  const first = points[0]
  const last = points.at(-1)
  return (
    <figure className="break-inside-avoid" data-testid={testId}>
      <p className="text-xs text-stone-500">{peakLabel}</p>
      <svg
        viewBox={`0 0 ${width} 100`}
        preserveAspectRatio="none"
        role="img"
        aria-hidden
        className={`mt-1 w-full rtl:-scale-x-100 ${className}`}
      >
        <line
          x1="0"
          x2={width}
          y1="0.5"
          y2="0.5"
          stroke="#d6d3d1"
          strokeDasharray="2 2"
          vectorEffect="non-scaling-stroke"
        />
        <line
          x1="0"
          x2={width}
          y1="99.5"
          y2="99.5"
          stroke="#a8a29e"
          vectorEffect="non-scaling-stroke"
        />
        {points.map((point, index) => {
          const height = point.value > 0 ? Math.max(1.5, (point.value / peak) * 99) : 0
          return (
            <rect
              key={point.label}
              x={index * 10 + 1.5}
              y={99.5 - height}
              width="7"
              height={height}
              className="fill-brand-500 print:fill-stone-700"
            >
              <title>{point.title}</title>
            </rect>
          )
        })}
      </svg>
      <figcaption aria-hidden className="mt-1 flex justify-between gap-2 text-xs text-stone-500">
        <span>{first?.label}</span>
        {points.length > 1 ? <span>{last?.label}</span> : null}
      </figcaption>
    </figure>
  )
}

/** A small line of a trend (units per bucket), for a table cell. */
export function Sparkline({ values, label }: { values: number[]; label: string }) {
  const peak = Math.max(1, ...values)
  const step = values.length > 1 ? 100 / (values.length - 1) : 0
  const points = values
    .map((value, index) => `${(index * step).toFixed(2)},${(22 - (value / peak) * 20).toFixed(2)}`)
    .join(' ')
  return (
    <svg
      viewBox="0 0 100 24"
      preserveAspectRatio="none"
      role="img"
      aria-label={label}
      className="h-6 w-24 rtl:-scale-x-100"
    >
      <polyline
        points={
          values.length > 1
            ? points
            : `0,${22 - (values[0]! / peak) * 20} 100,${22 - (values[0]! / peak) * 20}`
        }
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        vectorEffect="non-scaling-stroke"
        className="text-brand-600 print:text-black"
      />
    </svg>
  )
}

/** Steps of a funnel as bars of the first step's width, in the page's direction. */
export function Funnel({
  steps,
}: {
  steps: Array<{ label: string; value: number; shown: string; rate: string | null }>
}) {
  const top = Math.max(1, steps[0]?.value ?? 0)
  return (
    <ol className="space-y-3 [print-color-adjust:exact]" data-testid="funnel">
      {steps.map((step) => (
        <li key={step.label} className="break-inside-avoid">
          <div className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
            <span className="font-medium">{step.label}</span>
            <span>
              <span className="font-semibold">{step.shown}</span>
              {step.rate ? <span className="ms-2 text-stone-600">{step.rate}</span> : null}
            </span>
          </div>
          <div className="mt-1 h-3 rounded bg-stone-100 print:border print:border-stone-400">
            <div
              className="h-3 rounded bg-brand-500 print:bg-stone-700"
              style={{ width: `${Math.min(100, (step.value / top) * 100)}%` }}
            />
          </div>
        </li>
      ))}
    </ol>
  )
}
