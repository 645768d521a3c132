import '../zod-messages.ts';
import { z } from 'zod';
import { ChangePasswordBody, CreateApiKeyBody, CreateUserBody, LoginBody, Role, UpdateUserBody, type ApiKeySummary, type CreatedApiKey, type SessionInfo, type UserSummary } from './auth.ts';
import { defineRoute } from './route-contract.ts';

const SessionAnswer: z.ZodType<SessionInfo> = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string(), role: Role }),
  csrfToken: z.string(),
});

/** Signing in and out: the session lives in an httpOnly cookie, changes carry the CSRF token. */
export const authRoutes = {
  login: defineRoute<SessionInfo>()({
    method: 'POST',
    path: '/api/v1/auth/login',
    access: 'public',
    body: LoginBody,
    answer: SessionAnswer,
    summary: 'Sign in: sets the session cookie and answers the CSRF token',
    description: '401 for a wrong email or password; 429 (with retryAfterSeconds) when locked or after too many attempts from one address.',
    example: { body: { email: 'admin@example.com', password: 'correct horse battery staple' } },
  }),
  logout: defineRoute<void>()({ method: 'POST', path: '/api/v1/auth/logout', access: 'session', status: 204, summary: 'Sign out: ends the session and clears its cookie' }),
  me: defineRoute<SessionInfo>()({
    method: 'GET',
    path: '/api/v1/auth/me',
    access: 'session',
    answer: SessionAnswer,
    summary: 'Who is signed in on this browser, with the CSRF token',
  }),
  changePassword: defineRoute<void>()({
    method: 'POST',
    path: '/api/v1/auth/password',
    access: 'session',
    body: ChangePasswordBody,
    status: 204,
    summary: 'Change your own password',
    description: "Signs out the user's other browsers. Too many wrong current passwords end this session too.",
    example: { body: { currentPassword: 'correct horse battery staple', newPassword: 'a longer passphrase of mine' } },
  }),
};

/** People and API keys (admins only). Every change is audited; secrets never are. */
export const userRoutes = {
  list: defineRoute<{ users: UserSummary[] }>()({ method: 'GET', path: '/api/v1/users', access: 'admin', summary: 'Every user with role and sign-in state' }),
  create: defineRoute<UserSummary>()({
    method: 'POST',
    path: '/api/v1/users',
    access: 'admin',
    body: CreateUserBody,
    status: 201,
    summary: 'Add a user',
    example: { body: { email: 'mia@example.com', name: 'Mia Marketer', role: 'marketer', password: 'a long enough passphrase' } },
  }),
  update: defineRoute<UserSummary>()({
    method: 'PATCH',
    path: '/api/v1/users/:id',
    access: 'admin',
    body: UpdateUserBody,
    summary: 'Change a user: name, role, disabled, or a new password',
    description: '409 when the change would leave no enabled admin.',
    example: { body: { role: 'analyst', disabled: false } },
  }),
  apiKeys: defineRoute<{ keys: ApiKeySummary[] }>()({ method: 'GET', path: '/api/v1/api-keys', access: 'admin', summary: 'Every API key (never the key itself)' }),
  createApiKey: defineRoute<CreatedApiKey>()({
    method: 'POST',
    path: '/api/v1/api-keys',
    access: 'admin',
    body: CreateApiKeyBody,
    status: 201,
    summary: 'Create an API key: the answer is the only time the key is seen',
    example: { body: { name: 'POS ingest', scope: 'ingest' } },
  }),
  revokeApiKey: defineRoute<ApiKeySummary>()({ method: 'DELETE', path: '/api/v1/api-keys/:id', access: 'admin', summary: 'Revoke an API key' }),
};
