// What the server hands every loader and action besides the request.
declare module '@remix-run/node' {
  interface AppLoadContext {
    /** Nonce for this response's inline scripts (the CSP allows only scripts carrying it). */
    cspNonce: string
    requestId: string
    /** The client's address, as trusted-proxy settings (TRUST_PROXY) allow us to know it. */
    clientIp: string
  }
}

export {}
