import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

type Toast = { id: string; kind: 'success' | 'error' | 'info'; message: string }

const STYLES: Record<Toast['kind'], string> = {
  success: 'border-green-300 bg-green-50 text-green-900',
  error: 'border-red-300 bg-red-50 text-red-900',
  info: 'border-stone-300 bg-white text-stone-900',
}

export function ToastMessage({ toast }: { toast: Toast }) {
  const { t } = useTranslation()
  const [visible, setVisible] = useState(true)
  useEffect(() => {
    const timer = setTimeout(() => setVisible(false), 6000)
    return () => clearTimeout(timer)
  }, [])
  if (!visible) return null
  return (
    <div
      role="status"
      className={`fixed end-4 bottom-4 z-50 flex max-w-sm items-start gap-3 rounded-md border px-4 py-3 text-sm shadow-lg print:hidden ${STYLES[toast.kind]}`}
    >
      <p className="flex-1">{toast.message}</p>
      <button
        type="button"
        onClick={() => setVisible(false)}
        aria-label={t('toast.dismiss')}
        className="font-bold"
      >
        <svg aria-hidden width="12" height="12" viewBox="0 0 12 12">
          <path d="M2 2l8 8M10 2l-8 8" stroke="currentColor" strokeWidth="2" />
        </svg>
      </button>
    </div>
  )
}
