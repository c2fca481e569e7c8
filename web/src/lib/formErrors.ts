import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

/** 'bans.0.idNumber' → ['bans', 0, 'idNumber'], the name path antd forms use. */
export function namePath(field: string): (string | number)[] {
  return field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * Puts each message of a 400 under the input it is about; returns the messages that belong to no input
 * (shown above the form). A field the form does not have is reported there too, so nothing is lost.
 */
export function applyApiErrors(form: FormInstance, err: unknown, known: string[] = []): string[] {
  if (!(err instanceof ApiError)) return [];
  const fields = err.details?.fields ?? [];
  const loose: string[] = [];
  const byField = new Map<string, string[]>();
  for (const f of fields) {
    const top = f.field.split('.')[0];
    if (known.length && !known.includes(top)) {
      loose.push(f.message);
      continue;
    }
    byField.set(f.field, [...(byField.get(f.field) ?? []), f.message]);
  }
  form.setFields([...byField].map(([field, errors]) => ({ name: namePath(field), errors })));
  return loose;
}
