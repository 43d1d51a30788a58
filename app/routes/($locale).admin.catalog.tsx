/* eslint-disable i18next/no-literal-string -- not yet translated (issue 11) */
import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import type { ReactNode } from 'react'
import { z } from 'zod'
import { DataTable } from '~/components/data-table.tsx'
import { ErrorList } from '~/components/forms.tsx'
import { toRefusal } from '~/http/errors.server.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { requireRole } from '~/services/accounts/auth.server.ts'
import { redirectWithToast } from '~/services/accounts/toasts.server.ts'
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
import { listBrandsForAdmin, listCategoriesForAdmin } from '~/services/catalog/taxonomy.server.ts'

export const meta: MetaFunction = () => [{ title: 'Categories & brands · Admin · Shikposh' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'ADMIN')
  const [categories, brands] = await Promise.all([listCategoriesForAdmin(), listBrandsForAdmin()])
  return { categories, brands }
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
async function attempt(form: string, command: () => Promise<unknown>, done: string) {
  try {
    await command()
  } catch (error) {
    const refusal = toRefusal(error)
    const formErrors =
      refusal.kind === 'not-found'
        ? [`${refusal.message}. Someone may have removed it.`]
        : refusal.formErrors
    return data<Failure>(
      { form, fieldErrors: refusal.fieldErrors, formErrors },
      { status: refusal.status },
    )
  }
  return redirectWithToast('/admin/catalog', { message: done })
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'ADMIN')
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
      const { name, slug, parentId, description } = parsed.data
      if (intent === 'create-category')
        return attempt(
          form,
          () =>
            createCategoryAsAdmin(admin, { name, slug, parentId: parentId ?? null, description }),
          `Category “${name}” added.`,
        )
      const id = String(fields.id)
      return attempt(
        form,
        () =>
          updateCategoryAsAdmin(admin, id, { name, slug, parentId: parentId ?? null, description }),
        `Category “${name}” saved.`,
      )
    }
    case 'move-category': {
      const parsed = MoveSchema.safeParse(fields)
      if (!parsed.success) return failure(form, {}, ['Choose a category to move.'])
      return attempt(
        form,
        () => moveCategoryAsAdmin(admin, parsed.data.id, parsed.data.direction),
        'Category moved.',
      )
    }
    case 'delete-category': {
      const parsed = IdSchema.safeParse(fields)
      if (!parsed.success) return failure(form, {}, ['Choose a category to delete.'])
      return attempt(form, () => deleteCategoryAsAdmin(admin, parsed.data.id), 'Category deleted.')
    }
    case 'create-brand':
    case 'update-brand': {
      const parsed = BrandFormSchema.extend(
        intent === 'update-brand' ? IdSchema.shape : {},
      ).safeParse({ ...fields, slug: fields.slug || undefined })
      if (!parsed.success) return failure(form, z.flattenError(parsed.error).fieldErrors)
      const { name, slug, description } = parsed.data
      if (intent === 'create-brand')
        return attempt(
          form,
          () => createBrandAsAdmin(admin, { name, slug, description }),
          `Brand “${name}” added.`,
        )
      const id = String(fields.id)
      return attempt(
        form,
        () => updateBrandAsAdmin(admin, id, { name, slug, description }),
        `Brand “${name}” saved.`,
      )
    }
    case 'delete-brand': {
      const parsed = IdSchema.safeParse(fields)
      if (!parsed.success) return failure(form, {}, ['Choose a brand to delete.'])
      return attempt(form, () => deleteBrandAsAdmin(admin, parsed.data.id), 'Brand deleted.')
    }
    default:
      return failure('', {}, ['Unknown action.'])
  }
}

function useFailure(form: string) {
  const actionData = useActionData<typeof action>()
  return actionData && 'form' in actionData && actionData.form === form ? actionData : null
}

export default function AdminCatalog() {
  const { categories, brands } = useLoaderData<typeof loader>()
  return (
    <div className="space-y-12">
      <section aria-labelledby="categories-heading">
        <h1 id="categories-heading" className="text-2xl font-bold tracking-tight">
          Categories
        </h1>
        <p className="mt-1 text-sm text-stone-600">
          The tree shoppers browse. A category can be deleted once it has no sub-categories and no
          products.
        </p>
        <DataTable
          caption="Categories"
          columns={[
            { label: 'Name' },
            { label: 'Products' },
            { label: 'Actions', className: 'text-end', hideLabel: true },
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
          Brands
        </h2>
        <p className="mt-1 text-sm text-stone-600">
          Sellers pick a brand for each product. A brand can be deleted once no product carries it.
        </p>
        <DataTable
          caption="Brands"
          columns={[
            { label: 'Name' },
            { label: 'Products' },
            { label: 'Actions', className: 'text-end', hideLabel: true },
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
  return (
    <tr className="align-top" data-testid={`category-${category.slug}`}>
      <td className="px-4 py-3">
        <div style={{ paddingInlineStart: `${category.depth * 1.25}rem` }}>
          <Link
            to={`/c/${category.slug}`}
            className="font-medium text-ink hover:text-brand-700 hover:underline"
          >
            {category.name}
          </Link>
          <span className="ms-2 font-mono text-xs text-stone-500">{category.slug}</span>
          <details className="mt-2" open={Boolean(editFailure)}>
            <summary className="cursor-pointer text-xs font-medium text-brand-700">
              Rename or move
            </summary>
            <Form
              method="post"
              className="mt-3 grid max-w-xl gap-3 rounded-md border border-stone-200 bg-stone-50 p-3 sm:grid-cols-2"
            >
              <input type="hidden" name="intent" value="update-category" />
              <input type="hidden" name="id" value={category.id} />
              <TextInput
                name="name"
                label="Name"
                defaultValue={category.name}
                errors={editFailure?.fieldErrors.name}
              />
              <TextInput
                name="slug"
                label="Web address"
                defaultValue={category.slug}
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
                label="Description"
                defaultValue={category.description}
                errors={editFailure?.fieldErrors.description}
              />
              <div className="sm:col-span-2">
                <ErrorList errors={editFailure?.formErrors} />
                <SubmitButton>Save category</SubmitButton>
              </div>
            </Form>
          </details>
        </div>
        <ErrorList
          errors={[...(deleteFailure?.formErrors ?? []), ...(moveFailure?.formErrors ?? [])]}
        />
      </td>
      <td className="px-4 py-3 text-stone-700">
        {category.products}
        {category.children ? (
          <span className="block text-xs text-stone-500">{category.children} sub-categories</span>
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
              aria-label={`Move ${category.name} up`}
            >
              ↑
            </button>
            <button
              type="submit"
              name="direction"
              value="down"
              disabled={category.isLast}
              className="ms-1 btn-secondary px-2 py-1"
              aria-label={`Move ${category.name} down`}
            >
              ↓
            </button>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="delete-category" />
            <input type="hidden" name="id" value={category.id} />
            <button
              type="submit"
              className="btn-danger py-1"
              disabled={!empty}
              title={empty ? undefined : 'Only empty categories can be deleted'}
              aria-label={`Delete ${category.name}`}
            >
              Delete
            </button>
          </Form>
        </div>
      </td>
    </tr>
  )
}

function NewCategory({ categories }: { categories: CategoryRowData[] }) {
  const failed = useFailure('create-category')
  return (
    <Form
      method="post"
      className="mt-6 grid gap-3 card sm:grid-cols-2"
      key={failed ? 'failed' : 'fresh'}
    >
      <h3 className="text-base font-semibold sm:col-span-2">Add a category</h3>
      <input type="hidden" name="intent" value="create-category" />
      <TextInput name="name" label="Name" errors={failed?.fieldErrors.name} />
      <TextInput
        name="slug"
        label="Web address (optional)"
        errors={failed?.fieldErrors.slug}
        help="Made from the name when empty."
      />
      <ParentSelect categories={categories} defaultValue="" errors={failed?.fieldErrors.parentId} />
      <TextInput
        name="description"
        label="Description (optional)"
        errors={failed?.fieldErrors.description}
      />
      <div className="sm:col-span-2">
        <ErrorList errors={failed?.formErrors} />
        <SubmitButton>Add category</SubmitButton>
      </div>
    </Form>
  )
}

type BrandRowData = ReturnType<typeof useLoaderData<typeof loader>>['brands'][number]

function BrandRow({ brand }: { brand: BrandRowData }) {
  const editFailure = useFailure(`update-brand:${brand.id}`)
  const deleteFailure = useFailure(`delete-brand:${brand.id}`)
  return (
    <tr className="align-top">
      <td className="px-4 py-3">
        <Link
          to={`/brands/${brand.slug}`}
          className="font-medium text-ink hover:text-brand-700 hover:underline"
        >
          {brand.name}
        </Link>
        <span className="ms-2 font-mono text-xs text-stone-500">{brand.slug}</span>
        <details className="mt-2" open={Boolean(editFailure)}>
          <summary className="cursor-pointer text-xs font-medium text-brand-700">Rename</summary>
          <Form
            method="post"
            className="mt-3 grid max-w-xl gap-3 rounded-md border border-stone-200 bg-stone-50 p-3 sm:grid-cols-2"
          >
            <input type="hidden" name="intent" value="update-brand" />
            <input type="hidden" name="id" value={brand.id} />
            <TextInput
              name="name"
              label="Name"
              defaultValue={brand.name}
              errors={editFailure?.fieldErrors.name}
            />
            <TextInput
              name="slug"
              label="Web address"
              defaultValue={brand.slug}
              errors={editFailure?.fieldErrors.slug}
            />
            <div className="sm:col-span-2">
              <TextInput
                name="description"
                label="Description"
                defaultValue={brand.description}
                errors={editFailure?.fieldErrors.description}
              />
            </div>
            <div className="sm:col-span-2">
              <ErrorList errors={editFailure?.formErrors} />
              <SubmitButton>Save brand</SubmitButton>
            </div>
          </Form>
        </details>
        <ErrorList errors={deleteFailure?.formErrors} />
      </td>
      <td className="px-4 py-3 text-stone-700">{brand.products}</td>
      <td className="px-4 py-3 text-end">
        <Form method="post">
          <input type="hidden" name="intent" value="delete-brand" />
          <input type="hidden" name="id" value={brand.id} />
          <button
            type="submit"
            className="btn-danger py-1"
            disabled={brand.products > 0}
            title={brand.products ? 'Only brands without products can be deleted' : undefined}
            aria-label={`Delete ${brand.name}`}
          >
            Delete
          </button>
        </Form>
      </td>
    </tr>
  )
}

function NewBrand() {
  const failed = useFailure('create-brand')
  return (
    <Form
      method="post"
      className="mt-6 grid gap-3 card sm:grid-cols-2"
      key={failed ? 'failed' : 'fresh'}
    >
      <h3 className="text-base font-semibold sm:col-span-2">Add a brand</h3>
      <input type="hidden" name="intent" value="create-brand" />
      <TextInput name="name" label="Name" errors={failed?.fieldErrors.name} />
      <TextInput
        name="slug"
        label="Web address (optional)"
        errors={failed?.fieldErrors.slug}
        help="Made from the name when empty."
      />
      <div className="sm:col-span-2">
        <TextInput
          name="description"
          label="Description (optional)"
          errors={failed?.fieldErrors.description}
        />
      </div>
      <div className="sm:col-span-2">
        <ErrorList errors={failed?.formErrors} />
        <SubmitButton>Add brand</SubmitButton>
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
}: {
  name: string
  label: string
  defaultValue?: string
  errors?: string[]
  help?: string
}) {
  return (
    <label className="block text-sm font-medium text-stone-800">
      {label}
      <input
        name={name}
        defaultValue={defaultValue}
        className="mt-1 input font-normal"
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
  return (
    <label className="block text-sm font-medium text-stone-800">
      Parent
      <select
        name="parentId"
        defaultValue={defaultValue}
        className="mt-1 input font-normal"
        aria-invalid={errors?.length ? true : undefined}
      >
        <option value="">(top level)</option>
        {categories.map((option) => (
          <option key={option.id} value={option.id} disabled={blocked.has(option.id)}>
            {'\u00a0\u00a0'.repeat(option.depth)}
            {option.name}
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
