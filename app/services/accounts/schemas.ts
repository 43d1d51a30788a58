import { z } from 'zod'
import { noControlCharacters } from '~/utils/text.ts'

// Form schemas of the accounts domain, shared by the server (which enforces them) and the
// browser (which checks as you type). No server code here.

export const PASSWORD_MIN_LENGTH = 8
/** bcrypt ignores everything after 72 bytes, so longer passwords would be silently truncated. */
export const PASSWORD_MAX_BYTES = 72

export const PasswordSchema = z
  .string({ error: 'Enter a password' })
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .refine((value) => new TextEncoder().encode(value).length <= PASSWORD_MAX_BYTES, {
    error: `Use at most ${PASSWORD_MAX_BYTES} bytes (about ${PASSWORD_MAX_BYTES} letters, fewer with accents or emoji)`,
  })

export const EmailSchema = z
  .string({ error: 'Enter your email' })
  .trim()
  .toLowerCase()
  .max(254, 'That email is too long')
  .pipe(z.email({ error: 'Enter a valid email address' }))

const NameSchema = z
  .string({ error: 'Enter your name' })
  .trim()
  .min(1, 'Enter your name')
  .max(80, 'Use at most 80 characters')
  .refine(...noControlCharacters)

export const LoginSchema = z.object({
  email: EmailSchema,
  password: z.string({ error: 'Enter your password' }).max(1024, 'That password is too long'),
  redirectTo: z.string().optional(),
})

export const RegisterSchema = z.object({
  name: NameSchema,
  email: EmailSchema,
  password: PasswordSchema,
  redirectTo: z.string().optional(),
})

export const ProfileSchema = z.object({
  name: NameSchema,
  email: EmailSchema,
  currentPassword: z.string().max(1024).optional(),
})

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string({ error: 'Enter your current password' }).max(1024),
    newPassword: PasswordSchema,
    confirmPassword: z.string({ error: 'Repeat the new password' }),
  })
  .refine((value) => value.newPassword === value.confirmPassword, {
    path: ['confirmPassword'],
    error: 'The two passwords do not match',
  })

export const ForgotPasswordSchema = z.object({ email: EmailSchema })

export const ResetPasswordSchema = z
  .object({
    token: z.string().max(100),
    newPassword: PasswordSchema,
    confirmPassword: z.string({ error: 'Repeat the new password' }),
  })
  .refine((value) => value.newPassword === value.confirmPassword, {
    path: ['confirmPassword'],
    error: 'The two passwords do not match',
  })
