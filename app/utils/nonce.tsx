import { createContext, useContext } from 'react'

// The CSP nonce is known on the server only; in the browser React keeps what the server rendered.
const NonceContext = createContext<string>('')

export const NonceProvider = NonceContext.Provider
export const useNonce = () => useContext(NonceContext)
