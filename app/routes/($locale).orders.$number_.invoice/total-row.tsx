// One line of the invoice's totals.

export function TotalRow({
  label,
  value,
  was,
  testId,
}: {
  label: string
  value: string
  was?: string | null
  testId?: string
}) {
  return (
    <div className="flex justify-between gap-4" data-testid={testId}>
      <dt>{label}</dt>
      <dd className="whitespace-nowrap">
        {was ? <s className="me-1 text-stone-500">{was}</s> : null}
        {value}
      </dd>
    </div>
  )
}
