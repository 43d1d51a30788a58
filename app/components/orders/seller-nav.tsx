import { NavLink } from '@remix-run/react'

// Tabs between the seller's order pages. Once the seller dashboard layout (sell.tsx) is in,
// its navigation links here too.

const TABS = [
  { to: '/sell/orders', label: 'Orders' },
  { to: '/sell/sales', label: 'Sales' },
]

export function SellerOrdersNav() {
  return (
    <nav aria-label="Orders and sales" className="flex gap-1 border-b border-stone-200">
      {TABS.map((tab) => (
        <NavLink
          key={tab.to}
          to={tab.to}
          className={({ isActive }) =>
            `-mb-px border-b-2 px-4 py-2 text-sm font-medium ${isActive ? 'border-brand-600 text-brand-700' : 'border-transparent text-stone-600 hover:text-stone-900'}`
          }
        >
          {tab.label}
        </NavLink>
      ))}
    </nav>
  )
}
