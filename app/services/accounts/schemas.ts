import { z } from 'zod'
import { message } from '~/i18n/validation.ts'
import { noControlCharacters } from '~/utils/text.ts'

// Form schemas of the accounts domain, shared by the server (which enforces them) and the
// browser (which checks as you type). No server code here.

export const PASSWORD_MIN_LENGTH = 8
/** bcrypt ignores everything after 72 bytes, so longer passwords would be silently truncated. */
export const PASSWORD_MAX_BYTES = 72

export const PasswordSchema = z
  .string({ error: message('account.password') })
  .min(PASSWORD_MIN_LENGTH, message('text.tooShort', { min: PASSWORD_MIN_LENGTH }))
  .refine((value) => new TextEncoder().encode(value).length <= PASSWORD_MAX_BYTES, {
    error: message('account.passwordBytes', { max: PASSWORD_MAX_BYTES }),
  })

export const EmailSchema = z
  .string({ error: message('account.email') })
  .trim()
  .toLowerCase()
  .max(254, message('account.emailTooLong'))
  .pipe(z.email({ error: message('account.emailInvalid') }))

const NameSchema = z
  .string({ error: message('account.name') })
  .trim()
  .min(1, message('account.name'))
  .max(80, message('text.tooLong', { max: 80 }))
  .refine(...noControlCharacters)

export const LoginSchema = z.object({
  email: EmailSchema,
  password: z
    .string({ error: message('account.yourPassword') })
    .max(1024, message('account.passwordTooLong')),
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
    currentPassword: z.string({ error: message('account.currentPassword') }).max(1024),
    newPassword: PasswordSchema,
    confirmPassword: z.string({ error: message('account.repeatPassword') }),
  })
  .refine((value) => value.newPassword === value.confirmPassword, {
    path: ['confirmPassword'],
    error: message('account.passwordsDiffer'),
  })

export const ForgotPasswordSchema = z.object({ email: EmailSchema })

export const ResetPasswordSchema = z
  .object({
    token: z.string().max(100),
    newPassword: PasswordSchema,
    confirmPassword: z.string({ error: message('account.repeatPassword') }),
  })
  .refine((value) => value.newPassword === value.confirmPassword, {
    path: ['confirmPassword'],
    error: message('account.passwordsDiffer'),
  })
