import { Link } from '@remix-run/react'

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-stone-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-col gap-4 px-4 py-8 text-sm text-stone-600 sm:flex-row sm:items-center sm:justify-between sm:px-6 lg:px-8">
        <p>
          © {new Date().getFullYear()} Shikposh. Clothes, shoes and accessories from independent
          shops.
        </p>
        <nav aria-label="Footer" className="flex gap-4">
          <Link to="/" className="hover:underline">
            Home
          </Link>
          <Link to="/account" className="hover:underline">
            Your account
          </Link>
        </nav>
      </div>
    </footer>
  )
}
