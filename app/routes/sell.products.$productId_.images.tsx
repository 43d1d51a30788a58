import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { ProductImagesEditor } from '~/components/media/product-images-editor.tsx'
import { requireUser } from '~/services/accounts/auth.server.ts'
import { MediaNotFoundError } from '~/services/media/errors.server.ts'
import { getProductImageEditor } from '~/services/media/product-images.server.ts'

// /sell/products/:productId/images: a seller's photos of one product (the same editor the
// product form embeds), reachable from the seller's product list.

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Photos of ${data.product.title} · Shikposh` : 'Photos · Shikposh' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  try {
    return await getProductImageEditor(user.id, params.productId ?? '')
  } catch (error) {
    if (error instanceof MediaNotFoundError) throw new Response('We could not find that product among yours.', { status: 404 })
    throw error
  }
}

export default function ProductImagesPage() {
  const { product, colors, images, limits } = useLoaderData<typeof loader>()
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-stone-600">
        <ol className="flex flex-wrap items-center gap-2">
          <li>
            <Link to="/sell" className="link">
              Seller dashboard
            </Link>
          </li>
          <li aria-hidden>/</li>
          <li>
            <Link to="/sell/products" className="link">
              Products
            </Link>
          </li>
          <li aria-hidden>/</li>
          <li aria-current="page" className="truncate font-medium text-stone-800">
            {product.title}
          </li>
        </ol>
      </nav>
      <header>
        <h1 className="text-2xl font-bold tracking-tight">Photos of {product.title}</h1>
        <p className="mt-1 max-w-2xl text-sm text-stone-600">
          The first photo is the one shoppers see on product cards. Tie a photo to a colour and it comes first when a shopper picks that colour. Changes are saved as you make
          them.
        </p>
      </header>
      <ProductImagesEditor productId={product.id} productTitle={product.title} colors={colors} images={images} limits={limits} />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
