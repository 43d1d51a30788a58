import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'

// Any URL no other route claims: a proper 404 page inside the site layout.
export function loader() {
  throw new Response(null, { status: 404 })
}

export default function NotFound() {
  return <ErrorBoundary />
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
