import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { endSession, get, post, setUnauthenticatedHandler, tokenStore, type Tokens } from '../api/client';
import type { Me } from '../api/types';

interface AuthState {
  me: Me | null;
  loading: boolean;
  /** `totp`: the authenticator's current code, or a recovery code; empty for an account without a second factor. */
  login(username: string, password: string, totp?: string): Promise<Me>;
  /** New tokens from a password change or an enrolment, then who the account is now. */
  adopt(tokens: Tokens): Promise<Me>;
  logout(reason?: string): void;
  /** Why the user was sent back to the login page, shown there once. */
  notice: string | null;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(!!tokenStore.get());
  const [notice, setNotice] = useState<string | null>(null);

  const logout = useCallback((reason?: string) => {
    endSession();
    setMe(null);
    setNotice(reason ?? null);
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(() => logout('登录已过期，请重新登录'));
    if (!tokenStore.get()) return;
    get<Me>('/auth/me')
      .then(setMe)
      .catch(() => logout())
      .finally(() => setLoading(false));
  }, [logout]);

  const adopt = useCallback(async (tokens: Tokens) => {
    tokenStore.set(tokens);
    const who = await get<Me>('/auth/me');
    setNotice(null);
    setMe(who);
    return who;
  }, []);

  const login = useCallback(async (username: string, password: string, totp?: string) => {
    return adopt(await post<Tokens>('/auth/login', { username, password, totp: totp?.trim() || undefined }));
  }, [adopt]);

  const value = useMemo(() => ({ me, loading, login, adopt, logout, notice }), [me, loading, login, adopt, logout, notice]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The signed-in user; only for pages behind RequireRole. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a signed-in user');
  return me;
}
