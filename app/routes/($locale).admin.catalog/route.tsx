import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { DataTable } from '~/components/data-table.tsx'
import { adminTitle } from '~/http/admin.server.ts'
import { getLocale, getT } from '~/i18n/i18n.server.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { requireRole } from '~/services/accounts/auth.server.ts'
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
import { BrandRow, NewBrand } from './brand-rows.tsx'
import { attempt, failure, IdSchema, MoveSchema } from './catalog-answers.server.ts'
import { CategoryRow, NewCategory } from './category-rows.tsx'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'ADMIN')
  const [categories, brands] = await Promise.all([listCategoriesForAdmin(), listBrandsForAdmin()])
  return { categories, brands, title: adminTitle(request, getT(request, 'admin')('catalog.title')) }
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
      const { name, nameFa, slug, description, descriptionFa } = parsed.data
      const input = { name, nameFa, slug, description, descriptionFa }
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
