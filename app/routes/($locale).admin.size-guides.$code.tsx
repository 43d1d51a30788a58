import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BackLink } from '~/components/direction-arrow.tsx'
import { ErrorList, SubmitButton } from '~/components/forms.tsx'
import { adminTitle } from '~/http/admin.server.ts'
import { orNotFound } from '~/http/errors.server.ts'
import { getLocale, getT, localeRedirectPath } from '~/i18n/i18n.server.ts'
import { message } from '~/i18n/validation.ts'
import { useLocalePath } from '~/i18n/use-locale.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { requireRole } from '~/services/accounts/auth.server.ts'
import { redirectWithToast } from '~/services/accounts/toasts.server.ts'
import { updateSizeGuideAsAdmin } from '~/services/admin/pages.server.ts'
import { localLabel, localName } from '~/services/catalog/localized.ts'
import {
  isSizeMeasure,
  parseRange,
  rangeInput,
  SIZE_MEASURES,
  type Measurements,
  type SizeMeasure,
} from '~/services/pages/size-guide.ts'
import { getSizeGuideForAdmin } from '~/services/pages/size-guides.server.ts'
import { invariantResponse } from '~/utils/http.ts'

// A size scale's guide: which measurements it shows (a checkbox per column) and each size's range
// per measurement. A cell that is not centimetres is marked where it is, with everything typed kept.

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

const cellName = (sizeId: string, measure: SizeMeasure) => `cell:${sizeId}:${measure}`

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, 'ADMIN')
  const scale = await getSizeGuideForAdmin(params.code ?? '')
  invariantResponse(scale, 'No such size scale')
  const locale = getLocale(request)
  const name = localName(locale, scale)
  const cells: Record<string, string> = {}
  for (const size of scale.sizes)
    for (const measure of SIZE_MEASURES)
      cells[cellName(size.id, measure)] = rangeInput(size.measurements[measure])
  return {
    code: scale.code,
    name,
    sizes: scale.sizes.map((size) => ({ id: size.id, label: localLabel(locale, size) })),
    measures: scale.measures,
    cells,
    title: adminTitle(request, getT(request, 'admin')('pages.guideHeading', { scale: name })),
  }
}

type ActionData = {
  measures: string[]
  cells: Record<string, string>
  cellErrors: Record<string, string[]>
  formErrors: string[]
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'ADMIN')
  const code = params.code ?? ''
  const scale = await getSizeGuideForAdmin(code)
  invariantResponse(scale, 'No such size scale')
  const t = getT(request, 'admin')
  const formData = await readFormData(request)
  const chosen = formData.getAll('measures').map(String)
  const measures = SIZE_MEASURES.filter((measure) => chosen.includes(measure))
  const cells: Record<string, string> = {}
  const cellErrors: Record<string, string[]> = {}
  const rows: Record<string, Measurements> = {}
  for (const size of scale.sizes) {
    const row: Measurements = {}
    for (const measure of SIZE_MEASURES) {
      const name = cellName(size.id, measure)
      const raw = formData.get(name)
      const text = typeof raw === 'string' ? raw.slice(0, 40) : ''
      cells[name] = text
      const range = parseRange(text)
      if (range === 'invalid') cellErrors[name] = [message('pages.range')]
      else if (range) row[measure] = range
    }
    rows[size.id] = row
  }
  const unknown = chosen.some((measure) => !isSizeMeasure(measure))
  if (unknown || Object.keys(cellErrors).length)
    return data<ActionData>(
      {
        measures,
        cells,
        cellErrors,
        formErrors: unknown ? [message('pages.measure')] : [t('pages.guideErrors')],
      },
      { status: 400 },
    )
  const saved = await orNotFound(updateSizeGuideAsAdmin(admin, code, { measures, rows }))
  return redirectWithToast(localeRedirectPath(request, '/admin/pages'), {
    message: t('pages.guideSavedToast', { scale: localName(getLocale(request), saved) }),
  })
}

export default function EditSizeGuide() {
  const loaded = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('admin')
  const { t: tPages } = useTranslation('pages')
  const lp = useLocalePath()
  const measures: string[] = actionData?.measures ?? loaded.measures
  const cells = actionData?.cells ?? loaded.cells
  const cellErrors = actionData?.cellErrors ?? {}
  const sizeHeading = tPages('sizeGuide.size')
  return (
    <div>
      <BackLink to={lp('/admin/pages')}>{t('pages.backToPages')}</BackLink>
      <h1 className="mt-2 text-2xl font-bold tracking-tight">
        {t('pages.guideHeading', { scale: loaded.name })}
      </h1>
      <p className="mt-1 max-w-3xl text-sm text-stone-600">{t('pages.guideIntro')}</p>
      <Form method="post" className="mt-6 space-y-4">
        <ErrorList errors={actionData?.formErrors} />
        <fieldset>
          <legend className="text-sm font-semibold text-stone-800">{t('pages.measures')}</legend>
          <div className="mt-2 flex flex-wrap gap-4">
            {SIZE_MEASURES.map((measure) => (
              <label key={measure} className="inline-flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="measures"
                  value={measure}
                  defaultChecked={measures.includes(measure)}
                />
                {tPages(`sizeGuide.measures.${measure}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="min-w-full text-sm">
            <thead className="bg-stone-50">
              <tr>
                <th scope="col" className="px-3 py-2 text-start font-semibold">
                  {sizeHeading}
                </th>
                {SIZE_MEASURES.map((measure) => (
                  <th key={measure} scope="col" className="px-3 py-2 text-start font-semibold">
                    {tPages(`sizeGuide.measures.${measure}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {loaded.sizes.map((size) => (
                <tr key={size.id}>
                  <th scope="row" className="px-3 py-2 text-start font-semibold">
                    <bdi>{size.label}</bdi>
                  </th>
                  {SIZE_MEASURES.map((measure) => {
                    const name = cellName(size.id, measure)
                    const errors = cellErrors[name]
                    return (
                      <td key={measure} className="px-3 py-2 align-top">
                        <input
                          name={name}
                          defaultValue={cells[name] ?? ''}
                          inputMode="decimal"
                          maxLength={40}
                          dir="ltr"
                          aria-label={t('pages.cellLabel', {
                            measure: tPages(`sizeGuide.measures.${measure}`),
                            size: size.label,
                          })}
                          aria-invalid={errors ? true : undefined}
                          aria-describedby={errors ? `${name}-error` : undefined}
                          className="input w-24"
                        />
                        <ErrorList id={`${name}-error`} errors={errors} />
                      </td>
                    )
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <SubmitButton>{t('pages.saveGuide')}</SubmitButton>
      </Form>
    </div>
  )
}
