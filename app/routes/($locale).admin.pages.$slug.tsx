import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { BackLink } from '~/components/direction-arrow.tsx'
import { ErrorList, Field, SubmitButton, TextareaField } from '~/components/forms.tsx'
import { adminTitle } from '~/http/admin.server.ts'
import { toRefusal } from '~/http/errors.server.ts'
import { getT, localeRedirectPath } from '~/i18n/i18n.server.ts'
import { useLocalePath } from '~/i18n/use-locale.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { requireRole } from '~/services/accounts/auth.server.ts'
import { redirectWithToast } from '~/services/accounts/toasts.server.ts'
import { updateContentPageAsAdmin } from '~/services/admin/pages.server.ts'
import {
  BODY_MAX,
  ContentPageFormSchema,
  isContentPageSlug,
  TITLE_MAX,
} from '~/services/pages/content.ts'
import { getContentPageForAdmin } from '~/services/pages/content-pages.server.ts'
import { invariantResponse } from '~/utils/http.ts'

// One store page in both languages, side by side. A bad field keeps everything typed and says
// what is wrong beside it; a save that lost a race keeps the text and says so.

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

const FIELDS = ['title', 'titleFa', 'body', 'bodyFa'] as const
type Values = Record<(typeof FIELDS)[number], string>

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, 'ADMIN')
  const slug = params.slug ?? ''
  if (!isContentPageSlug(slug)) throw new Response('No such page', { status: 404 })
  const page = await getContentPageForAdmin(slug)
  const t = getT(request, 'admin')
  const name = page?.title ?? getT(request)(`footer.pages.${slug}`)
  return {
    slug,
    name,
    values: {
      title: page?.title ?? '',
      titleFa: page?.titleFa ?? '',
      body: page?.body ?? '',
      bodyFa: page?.bodyFa ?? '',
    } satisfies Values,
    version: page?.version ?? 0,
    title: adminTitle(request, t('pages.editHeading', { title: name })),
  }
}

type ActionData = {
  values: Values
  fieldErrors: Partial<Record<keyof Values, string[]>>
  formErrors: string[]
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'ADMIN')
  const slug = params.slug ?? ''
  invariantResponse(isContentPageSlug(slug), 'No such page')
  const t = getT(request, 'admin')
  const formData = await readFormData(request)
  const values = Object.fromEntries(
    FIELDS.map((field) => {
      const value = formData.get(field)
      return [field, typeof value === 'string' ? value : '']
    }),
  ) as Values
  const parsed = ContentPageFormSchema.safeParse(Object.fromEntries(formData))
  if (!parsed.success) {
    const { fieldErrors, formErrors } = z.flattenError(parsed.error)
    return data<ActionData>(
      {
        values,
        fieldErrors: {
          title: fieldErrors.title,
          titleFa: fieldErrors.titleFa,
          body: fieldErrors.body,
          bodyFa: fieldErrors.bodyFa,
        },
        formErrors: [...formErrors, ...(fieldErrors.version ?? [])],
      },
      { status: 400 },
    )
  }
  try {
    const page = await updateContentPageAsAdmin(admin, slug, parsed.data)
    return redirectWithToast(localeRedirectPath(request, '/admin/pages'), {
      message: t('pages.savedToast', { title: page.title }),
    })
  } catch (error) {
    const refusal = toRefusal(error)
    return data<ActionData>(
      {
        values,
        fieldErrors: {},
        formErrors: [refusal.code === 'page-changed' ? t('pages.changed') : refusal.message],
      },
      { status: refusal.status },
    )
  }
}

export default function EditContentPage() {
  const loaded = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('admin')
  const lp = useLocalePath()
  const values = actionData?.values ?? loaded.values
  const errors = actionData?.fieldErrors ?? {}
  const column = (lang: 'en' | 'fa') => {
    const titleField = lang === 'en' ? 'title' : 'titleFa'
    const bodyField = lang === 'en' ? 'body' : 'bodyFa'
    return (
      <fieldset
        lang={lang}
        dir={lang === 'fa' ? 'rtl' : 'ltr'}
        className="space-y-4 rounded-lg border border-stone-200 bg-white p-4"
      >
        <legend className="px-1 text-sm font-semibold text-stone-800">
          {lang === 'en' ? t('pages.english') : t('pages.persian')}
        </legend>
        <Field
          label={t('pages.title')}
          errors={errors[titleField]}
          inputProps={{
            id: `page-${titleField}`,
            name: titleField,
            defaultValue: values[titleField],
            maxLength: TITLE_MAX,
            required: true,
            className: 'w-full',
          }}
        />
        <TextareaField
          label={t('pages.body')}
          errors={errors[bodyField]}
          textareaProps={{
            id: `page-${bodyField}`,
            name: bodyField,
            defaultValue: values[bodyField],
            maxLength: BODY_MAX,
            required: true,
            rows: 24,
            className: 'w-full font-mono text-sm leading-6',
          }}
        />
      </fieldset>
    )
  }
  const [english, persian] = [column('en'), column('fa')]
  return (
    <div>
      <BackLink to={lp('/admin/pages')}>{t('pages.back')}</BackLink>
      <h1 className="mt-2 text-2xl font-bold tracking-tight">
        {t('pages.editHeading', { title: loaded.name })}
      </h1>
      <p className="mt-1 text-sm text-stone-600">{t('pages.editIntro')}</p>
      <p className="mt-1 text-sm text-stone-500">{t('pages.bodyHelp')}</p>
      <Form method="post" className="mt-6 space-y-4">
        <input type="hidden" name="version" value={loaded.version} />
        <ErrorList errors={actionData?.formErrors} />
        <div className="grid gap-6 lg:grid-cols-2">
          {english}
          {persian}
        </div>
        <SubmitButton>{t('pages.save')}</SubmitButton>
      </Form>
    </div>
  )
}
