import { redirect, type LoaderFunctionArgs } from '@remix-run/node'

// Photos are edited in the product's form now (its "Photos" section); old links land there.
export function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/sell/products/${encodeURIComponent(params.productId ?? '')}#photos`, 301)
}
