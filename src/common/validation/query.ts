import { Transform } from 'class-transformer';

/** `?uscc=` from a form left empty means "no filter", as it did before the query had a DTO. */
export const EmptyAsAbsent = () => Transform(({ value }) => (value === '' ? undefined : value));

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
