import { NAV } from '../auth/navigation';

/** Screens whose path carries what is looked at: the purpose names it, so the audit log says why and about what. */
const DETAIL_SCREENS: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^\/cases\/(?!new$)([^/]+)$/, (m) => `案件办理：查看案件 ${decodeURIComponent(m[1])}`],
  [/^\/institutions\/([^/]+)$/, (m) => `信用监管：查看机构 ${decodeURIComponent(m[1])} 的信用档案`],
];

/**
 * The purpose the console states for a read of credit information (X-Access-Reason, kept in the API's audit log):
 * the screen the user is working in, e.g. 「经由“我的待办”办理」. A call may state a more specific reason itself.
 */
export function accessReasonFor(pathname: string): string | undefined {
  for (const [pattern, reason] of DETAIL_SCREENS) {
    const m = pathname.match(pattern);
    if (m) return reason(m);
  }
  const screen = [...NAV].sort((a, b) => b.path.length - a.path.length).find((n) => pathname === n.path || pathname.startsWith(`${n.path}/`));
  return screen ? `经由「${screen.label}」办理` : undefined;
}
