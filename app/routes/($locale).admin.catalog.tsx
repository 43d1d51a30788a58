// Over 400 lines: to become a folder route with its sections as pieces beside it (not yet done).
import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { DataTable } from '~/components/data-table.tsx'
import { ErrorList } from '~/components/forms.tsx'
import { adminTitle } from '~/http/admin.server.ts'
import { toRefusal } from '~/http/errors.server.ts'
import { getLocale, getT, localeRedirectPath } from '~/i18n/i18n.server.ts'
import { useFormat, useLocale, useLocalePath } from '~/i18n/use-locale.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { requireRole } from '~/services/accounts/auth.server.ts'
import { redirectWithToast } from '~/services/accounts/toasts.server.ts'
import { localName } from '~/services/catalog/localized.ts'
import { BrandFormSchema, CategoryFormSchema } from '~/services/catalog/schemas.ts'
import {
  createBrandAsAdmin,
  createCategoryAsAdmin,
  deleteBrandAsAdmin,
  deleteCategoryAsAdmin,
  moveCategoryAsAdmin,
  updateBrandAsAdmin,
  updateCategoryAsAdmin,
} from '~/services/admin/catalog.server.ts'
import { listCategoriesForAdmin } from '~/services/catalog/category-admin.server.ts'
import { listBrandsForAdmin } from '~/services/catalog/brand-admin.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'ADMIN')
  const [categories, brands] = await Promise.all([listCategoriesForAdmin(), listBrandsForAdmin()])
  return { categories, brands, title: adminTitle(request, getT(request, 'admin')('catalog.title')) }
}

const IdSchema = z.object({ id: z.string().min(1).max(64) })
const MoveSchema = IdSchema.extend({ direction: z.enum(['up', 'down']) })

type Failure = { form: string; fieldErrors: Record<string, string[]>; formErrors: string[] }

function failure(
  form: string,
  fieldErrors: Record<string, string[] | undefined> = {},
  formErrors: string[] = [],
) {
  const clean = Object.fromEntries(
    Object.entries(fieldErrors).filter((entry): entry is [string, string[]] =>
      Boolean(entry[1]?.length),
    ),
  )
  return data<Failure>({ form, fieldErrors: clean, formErrors }, { status: 400 })
}

/** Runs an admin command and turns catalog errors into answers for the form that asked. */
async function attempt(
  request: Request,
  form: string,
  command: () => Promise<unknown>,
  done: string,
) {
  try {
    await command()
  } catch (error) {
    const refusal = toRefusal(error)
    const formErrors =
      refusal.kind === 'not-found'
        ? [getT(request, 'admin')('catalog.goneMaybeRemoved', { message: refusal.message })]
        : refusal.formErrors
    return data<Failure>(
      { form, fieldErrors: refusal.fieldErrors, formErrors },
      { status: refusal.status },
    )
  }
  return redirectWithToast(localeRedirectPath(request, '/admin/catalog'), { message: done })
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'ADMIN')
  const t = getT(request, 'admin')
  const formData = await readFormData(request)
  const intent = String(formData.get('intent') ?? '')
  const fields = Object.fromEntries(formData)
  const form = typeof fields.id === 'string' && fields.id ? `${intent}:${fields.id}` : intent

  switch (intent) {
    case 'create-category':
    case 'update-category': {
      const parsed = CategoryFormSchema.extend(
        intent === 'update-category' ? IdSchema.shape : {},
      ).safeParse({
        ...fields,
        slug: fields.slug || undefined,
        parentId: fields.parentId || undefined,
      })
      if (!parsed.success) return failure(form, z.flattenError(parsed.error).fieldErrors)
      const input = { ...parsed.data, parentId: parsed.data.parentId ?? null }
      const name = localName(getLocale(request), input)
      if (intent === 'create-category')
        return attempt(
          request,
          form,
          () => createCategoryAsAdmin(admin, input),
          t('catalog.categoryAdded', { name }),
        )
      const id = String(fields.id)
      return attempt(
        request,
        form,
        () => updateCategoryAsAdmin(admin, id, input),
        t('catalog.categorySaved', { name }),
      )
    }
    case 'move-category': {
      const parsed = MoveSchema.safeParse(fields)
      if (!parsed.success) return failure(form, {}, [t('catalog.chooseCategoryToMove')])
      return attempt(
        request,
        form,
        () => moveCategoryAsAdmin(admin, parsed.data.id, parsed.data.direction),
        t('catalog.categoryMoved'),
      )
    }
    case 'delete-category': {
      const parsed = IdSchema.safeParse(fields)
      if (!parsed.success) return failure(form, {}, [t('catalog.chooseCategoryToDelete')])
      return attempt(
        request,
        form,
        () => deleteCategoryAsAdmin(admin, parsed.data.id),
        t('catalog.categoryDeleted'),
      )
    }
    case 'create-brand':
    case 'update-brand': {
      const parsed = BrandFormSchema.extend(
        intent === 'update-brand' ? IdSchema.shape : {},
      ).safeParse({ ...fields, slug: fields.slug || undefined })
      if (!parsed.success) return failure(form, z.flattenError(parsed.error).fieldErrors)
      const { name, nameFa, slug, description } = parsed.data
      const input = { name, nameFa, slug, description }
      const shown = localName(getLocale(request), input)
      if (intent === 'create-brand')
        return attempt(
          request,
          form,
          () => createBrandAsAdmin(admin, input),
          t('catalog.brandAdded', { name: shown }),
        )
      const id = String(fields.id)
      return attempt(
        request,
        form,
        () => updateBrandAsAdmin(admin, id, input),
        t('catalog.brandSaved', { name: shown }),
      )
    }
    case 'delete-brand': {
      const parsed = IdSchema.safeParse(fields)
      if (!parsed.success) return failure(form, {}, [t('catalog.chooseBrandToDelete')])
      return attempt(
        request,
        form,
        () => deleteBrandAsAdmin(admin, parsed.data.id),
        t('catalog.brandDeleted'),
      )
    }
    default:
      return failure('', {}, [t('catalog.unknownAction')])
  }
}

function useFailure(form: string) {
  const actionData = useActionData<typeof action>()
  return actionData && 'form' in actionData && actionData.form === form ? actionData : null
}

export default function AdminCatalog() {
  const { categories, brands } = useLoaderData<typeof loader>()
  const { t } = useTranslation('admin')
  return (
    <div className="space-y-12">
      <section aria-labelledby="categories-heading">
        <h1 id="categories-heading" className="text-2xl font-bold tracking-tight">
          {t('catalog.categories')}
        </h1>
        <p className="mt-1 text-sm text-stone-600">{t('catalog.categoriesIntro')}</p>
        <DataTable
          caption={t('catalog.categories')}
          columns={[
            { label: t('catalog.name') },
            { label: t('catalog.products') },
            { label: t('catalog.actions'), className: 'text-end', hideLabel: true },
          ]}
          minWidth="min-w-[40rem]"
          className="mt-6"
        >
          {categories.map((category) => (
            <CategoryRow key={category.id} category={category} categories={categories} />
          ))}
        </DataTable>
        <NewCategory categories={categories} />
      </section>

      <section aria-labelledby="brands-heading">
        <h2 id="brands-heading" className="text-2xl font-bold tracking-tight">
          {t('catalog.brands')}
        </h2>
        <p className="mt-1 text-sm text-stone-600">{t('catalog.brandsIntro')}</p>
        <DataTable
          caption={t('catalog.brands')}
          columns={[
            { label: t('catalog.name') },
            { label: t('catalog.products') },
            { label: t('catalog.actions'), className: 'text-end', hideLabel: true },
          ]}
          minWidth="min-w-[36rem]"
          className="mt-6"
        >
          {brands.map((brand) => (
            <BrandRow key={brand.id} brand={brand} />
          ))}
        </DataTable>
        <NewBrand />
      </section>
    </div>
  )
}

// Up and down are the same in both writing directions.
const ARROW_UP = '↑'
const ARROW_DOWN = '↓'

type CategoryRowData = ReturnType<typeof useLoaderData<typeof loader>>['categories'][number]

function CategoryRow({
  category,
  categories,
}: {
  category: CategoryRowData
  categories: CategoryRowData[]
}) {
  const editFailure = useFailure(`update-category:${category.id}`)
  const deleteFailure = useFailure(`delete-category:${category.id}`)
  const moveFailure = useFailure(`move-category:${category.id}`)
  const empty = category.products === 0 && category.children === 0
  const { t } = useTranslation('admin')
  const f = useFormat()
  const lp = useLocalePath()
  const name = localName(useLocale(), category)
  return (
    <tr className="align-top" data-testid={`category-${category.slug}`}>
      <td className="px-4 py-3">
        <div style={{ paddingInlineStart: `${category.depth * 1.25}rem` }}>
          <Link
            to={lp(`/c/${category.slug}`)}
            className="font-medium text-ink hover:text-brand-700 hover:underline"
          >
            {name}
          </Link>
          <span className="ms-2 font-mono text-xs text-stone-500" dir="ltr">
            {category.slug}
          </span>
          <details className="mt-2" open={Boolean(editFailure)}>
            <summary className="cursor-pointer text-xs font-medium text-brand-700">
              {t('catalog.renameOrMove')}
            </summary>
            <Form
              method="post"
              className="mt-3 grid max-w-xl gap-3 rounded-md border border-stone-200 bg-stone-50 p-3 sm:grid-cols-2"
            >
              <input type="hidden" name="intent" value="update-category" />
              <input type="hidden" name="id" value={category.id} />
              <TextInput
                name="name"
                label={t('catalog.nameEn')}
                defaultValue={category.name}
                errors={editFailure?.fieldErrors.name}
              />
              <TextInput
                name="nameFa"
                label={t('catalog.nameFaOptional')}
                defaultValue={category.nameFa ?? ''}
                errors={editFailure?.fieldErrors.nameFa}
                rtl
              />
              <TextInput
                name="slug"
                label={t('catalog.slug')}
                defaultValue={category.slug}
                ltr
                errors={editFailure?.fieldErrors.slug}
              />
              <ParentSelect
                categories={categories}
                self={category}
                defaultValue={category.parentId ?? ''}
                errors={editFailure?.fieldErrors.parentId}
              />
              <TextInput
                name="description"
                label={t('catalog.description')}
                defaultValue={category.description}
                errors={editFailure?.fieldErrors.description}
              />
              <div className="sm:col-span-2">
                <ErrorList errors={editFailure?.formErrors} />
                <SubmitButton>{t('catalog.saveCategory')}</SubmitButton>
              </div>
            </Form>
          </details>
        </div>
        <ErrorList
          errors={[...(deleteFailure?.formErrors ?? []), ...(moveFailure?.formErrors ?? [])]}
        />
      </td>
      <td className="px-4 py-3 text-stone-700">
        {f.number(category.products)}
        {category.children ? (
          <span className="block text-xs text-stone-500">
            {t('catalog.subCategories', { count: category.children })}
          </span>
        ) : null}
      </td>
      <td className="px-4 py-3">
        <div className="flex justify-end gap-1">
          <Form method="post">
            <input type="hidden" name="intent" value="move-category" />
            <input type="hidden" name="id" value={category.id} />
            <button
              type="submit"
              name="direction"
              value="up"
              disabled={category.isFirst}
              className="btn-secondary px-2 py-1"
              aria-label={t('catalog.moveUp', { name })}
            >
              {ARROW_UP}
            </button>
            <button
              type="submit"
              name="direction"
              value="down"
              disabled={category.isLast}
              className="ms-1 btn-secondary px-2 py-1"
              aria-label={t('catalog.moveDown', { name })}
            >
              {ARROW_DOWN}
            </button>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="delete-category" />
            <input type="hidden" name="id" value={category.id} />
            <button
              type="submit"
              className="btn-danger py-1"
              disabled={!empty}
              title={empty ? undefined : t('catalog.onlyEmptyCategories')}
              aria-label={t('catalog.deleteNamed', { name })}
            >
              {t('catalog.delete')}
            </button>
          </Form>
        </div>
      </td>
    </tr>
  )
}

function NewCategory({ categories }: { categories: CategoryRowData[] }) {
  const failed = useFailure('create-category')
  const { t } = useTranslation('admin')
  return (
    <Form
      method="post"
      className="mt-6 grid gap-3 card sm:grid-cols-2"
      key={failed ? 'failed' : 'fresh'}
    >
      <h3 className="text-base font-semibold sm:col-span-2">{t('catalog.addCategory')}</h3>
      <input type="hidden" name="intent" value="create-category" />
      <TextInput name="name" label={t('catalog.nameEn')} errors={failed?.fieldErrors.name} />
      <TextInput
        name="nameFa"
        label={t('catalog.nameFaOptional')}
        errors={failed?.fieldErrors.nameFa}
        rtl
      />
      <TextInput
        name="slug"
        label={t('catalog.slugOptional')}
        errors={failed?.fieldErrors.slug}
        help={t('catalog.slugHelp')}
        ltr
      />
      <ParentSelect categories={categories} defaultValue="" errors={failed?.fieldErrors.parentId} />
      <TextInput
        name="description"
        label={t('catalog.descriptionOptional')}
        errors={failed?.fieldErrors.description}
      />
      <div className="sm:col-span-2">
        <ErrorList errors={failed?.formErrors} />
        <SubmitButton>{t('catalog.addCategoryButton')}</SubmitButton>
      </div>
    </Form>
  )
}

type BrandRowData = ReturnType<typeof useLoaderData<typeof loader>>['brands'][number]

function BrandRow({ brand }: { brand: BrandRowData }) {
  const editFailure = useFailure(`update-brand:${brand.id}`)
  const deleteFailure = useFailure(`delete-brand:${brand.id}`)
  const { t } = useTranslation('admin')
  const f = useFormat()
  const lp = useLocalePath()
  const name = localName(useLocale(), brand)
  return (
    <tr className="align-top">
      <td className="px-4 py-3">
        <Link
          to={lp(`/brands/${brand.slug}`)}
          className="font-medium text-ink hover:text-brand-700 hover:underline"
        >
          {name}
        </Link>
        <span className="ms-2 font-mono text-xs text-stone-500" dir="ltr">
          {brand.slug}
        </span>
        <details className="mt-2" open={Boolean(editFailure)}>
          <summary className="cursor-pointer text-xs font-medium text-brand-700">
            {t('catalog.rename')}
          </summary>
          <Form
            method="post"
            className="mt-3 grid max-w-xl gap-3 rounded-md border border-stone-200 bg-stone-50 p-3 sm:grid-cols-2"
          >
            <input type="hidden" name="intent" value="update-brand" />
            <input type="hidden" name="id" value={brand.id} />
            <TextInput
              name="name"
              label={t('catalog.nameEn')}
              defaultValue={brand.name}
              errors={editFailure?.fieldErrors.name}
            />
            <TextInput
              name="nameFa"
              label={t('catalog.nameFaOptional')}
              defaultValue={brand.nameFa ?? ''}
              errors={editFailure?.fieldErrors.nameFa}
              rtl
            />
            <TextInput
              name="slug"
              label={t('catalog.slug')}
              defaultValue={brand.slug}
              ltr
              errors={editFailure?.fieldErrors.slug}
            />
            <div className="sm:col-span-2">
              <TextInput
                name="description"
                label={t('catalog.description')}
                defaultValue={brand.description}
                errors={editFailure?.fieldErrors.description}
              />
            </div>
            <div className="sm:col-span-2">
              <ErrorList errors={editFailure?.formErrors} />
              <SubmitButton>{t('catalog.saveBrand')}</SubmitButton>
            </div>
          </Form>
        </details>
        <ErrorList errors={deleteFailure?.formErrors} />
      </td>
      <td className="px-4 py-3 text-stone-700">{f.number(brand.products)}</td>
      <td className="px-4 py-3 text-end">
        <Form method="post">
          <input type="hidden" name="intent" value="delete-brand" />
          <input type="hidden" name="id" value={brand.id} />
          <button
            type="submit"
            className="btn-danger py-1"
            disabled={brand.products > 0}
            title={brand.products ? t('catalog.onlyBrandsWithoutProducts') : undefined}
            aria-label={t('catalog.deleteNamed', { name })}
          >
            {t('catalog.delete')}
          </button>
        </Form>
      </td>
    </tr>
  )
}

function NewBrand() {
  const failed = useFailure('create-brand')
  const { t } = useTranslation('admin')
  return (
    <Form
      method="post"
      className="mt-6 grid gap-3 card sm:grid-cols-2"
      key={failed ? 'failed' : 'fresh'}
    >
      <h3 className="text-base font-semibold sm:col-span-2">{t('catalog.addBrand')}</h3>
      <input type="hidden" name="intent" value="create-brand" />
      <TextInput name="name" label={t('catalog.nameEn')} errors={failed?.fieldErrors.name} />
      <TextInput
        name="nameFa"
        label={t('catalog.nameFaOptional')}
        errors={failed?.fieldErrors.nameFa}
        rtl
      />
      <TextInput
        name="slug"
        label={t('catalog.slugOptional')}
        errors={failed?.fieldErrors.slug}
        help={t('catalog.slugHelp')}
        ltr
      />
      <div className="sm:col-span-2">
        <TextInput
          name="description"
          label={t('catalog.descriptionOptional')}
          errors={failed?.fieldErrors.description}
        />
      </div>
      <div className="sm:col-span-2">
        <ErrorList errors={failed?.formErrors} />
        <SubmitButton>{t('catalog.addBrandButton')}</SubmitButton>
      </div>
    </Form>
  )
}

function TextInput({
  name,
  label,
  defaultValue,
  errors,
  help,
  ltr = false,
  rtl = false,
}: {
  name: string
  label: string
  defaultValue?: string
  errors?: string[]
  help?: string
  /** Latin-only text (web addresses): typed left to right on Persian pages too. */
  ltr?: boolean
  /** Persian text: typed right to left on English pages too. */
  rtl?: boolean
}) {
  return (
    <label className="block text-sm font-medium text-stone-800">
      {label}
      <input
        name={name}
        defaultValue={defaultValue}
        className="mt-1 input font-normal"
        dir={ltr ? 'ltr' : rtl ? 'rtl' : undefined}
        lang={rtl ? 'fa' : undefined}
        aria-invalid={errors?.length ? true : undefined}
      />
      {help ? <span className="mt-1 block text-xs font-normal text-stone-500">{help}</span> : null}
      <ErrorList errors={errors} />
    </label>
  )
}

function ParentSelect({
  categories,
  self,
  defaultValue,
  errors,
}: {
  categories: CategoryRowData[]
  self?: CategoryRowData
  defaultValue: string
  errors?: string[]
}) {
  // A category cannot move under itself or anything below it (rows follow the tree depth-first).
  const blocked = new Set<string>()
  if (self) {
    const start = categories.findIndex((row) => row.id === self.id)
    blocked.add(self.id)
    for (
      let index = start + 1;
      index < categories.length && categories[index]!.depth > self.depth;
      index++
    )
      blocked.add(categories[index]!.id)
  }
  const { t } = useTranslation('admin')
  const locale = useLocale()
  return (
    <label className="block text-sm font-medium text-stone-800">
      {t('catalog.parent')}
      <select
        name="parentId"
        defaultValue={defaultValue}
        className="mt-1 input font-normal"
        aria-invalid={errors?.length ? true : undefined}
      >
        <option value="">{t('catalog.topLevel')}</option>
        {categories.map((option) => (
          <option key={option.id} value={option.id} disabled={blocked.has(option.id)}>
            {'\u00a0\u00a0'.repeat(option.depth)}
            {localName(locale, option)}
          </option>
        ))}
      </select>
      <ErrorList errors={errors} />
    </label>
  )
}

function SubmitButton({ children }: { children: ReactNode }) {
  const navigation = useNavigation()
  return (
    <button type="submit" className="btn-primary" disabled={navigation.state === 'submitting'}>
      {children}
    </button>
  )
}
