import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getUser } from '~/services/accounts/auth.server.ts'

export const meta: MetaFunction = () => [{ title: 'Shikposh: clothes, shoes and accessories from independent shops' }]

export async function loader({ request }: LoaderFunctionArgs) {
  return { user: await getUser(request) }
}

export default function Home() {
  const { user } = useLoaderData<typeof loader>()
  return (
    <section className="rounded-2xl bg-gradient-to-br from-brand-50 to-white px-6 py-16 text-center sm:px-12">
      <h1 className="text-4xl font-bold tracking-tight sm:text-5xl">Clothes with a story, from independent shops</h1>
      <p className="mx-auto mt-4 max-w-2xl text-lg text-stone-600">Dresses, sneakers, bags and more, listed by the people who make and curate them.</p>
      {user ? (
        <p className="mt-8 text-stone-700">Welcome back, {user.name}.</p>
      ) : (
        <div className="mt-8 flex justify-center gap-3">
          <Link to="/register" className="btn-primary">
            Create an account
          </Link>
          <Link to="/login" className="btn-secondary">
            Sign in
          </Link>
        </div>
      )}
    </section>
  )
}
