import type { FieldCryptoService } from '../common/crypto/field-crypto.service';
import { maskIdNumber, maskName } from '../common/crypto/mask';

type Json = Record<string, unknown>;

const isPlainObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const idPrefix = (key: string): string | null =>
  key === 'idNumber' ? '' : key.endsWith('IdNumber') ? key.slice(0, -'IdNumber'.length) : null;
const join = (prefix: string, suffix: string) => (prefix ? `${prefix}${suffix}` : suffix.charAt(0).toLowerCase() + suffix.slice(1));

/**
 * ID numbers never reach the credit file in clear: `legalRepIdNumber` is stored as `legalRepIdEnc`
 * (AES-GCM) and `legalRepIdHmac` (blind index, to find a person's records without decrypting).
 */
export function sealPersonalData(payload: Json, crypto: FieldCryptoService): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(payload)) {
    const prefix = idPrefix(key);
    if (prefix !== null && typeof value === 'string' && value) {
      const id = value.trim().toUpperCase();
      out[join(prefix, 'IdEnc')] = crypto.encrypt(id);
      out[join(prefix, 'IdHmac')] = crypto.blindIndex(id);
    } else if (isPlainObject(value)) out[key] = sealPersonalData(value, crypto);
    else if (Array.isArray(value)) out[key] = value.map((v) => (isPlainObject(v) ? sealPersonalData(v, crypto) : v));
    else out[key] = value;
  }
  return out;
}

const isEnc = (k: string) => k === 'idEnc' || k.endsWith('IdEnc');
const isHmac = (k: string) => k === 'idHmac' || k.endsWith('IdHmac');

/** Keys (dotted paths) that only storage may write: ciphertext, blind indexes, and the masked form shown for them. */
export function storedPersonalDataKeys(payload: Json, prefix = ''): string[] {
  return Object.entries(payload).flatMap(([key, value]) => {
    if (isEnc(key) || isHmac(key) || /IdMasked$|^idMasked$/.test(key)) return [`${prefix}${key}`];
    return isPlainObject(value) ? storedPersonalDataKeys(value, `${prefix}${key}.`) : [];
  });
}

/**
 * For staff and the institution itself: sealed ID numbers shown masked, blind indexes dropped. The one place that
 * shapes a stored payload for display (credit file, platform submissions, four-eyes proposals): no answer carries
 * ciphertext or a blind index.
 */
export function maskPersonalData(payload: Json, crypto: FieldCryptoService): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(payload)) {
    if (isHmac(key)) continue;
    if (isEnc(key) && typeof value === 'string') {
      out[key.replace(/IdEnc$|^idEnc$/, (m) => (m === 'idEnc' ? 'idMasked' : 'IdMasked'))] = safeMask(value, crypto);
    } else if (isPlainObject(value)) out[key] = maskPersonalData(value, crypto);
    else if (Array.isArray(value)) out[key] = value.map((v) => (isPlainObject(v) ? maskPersonalData(v, crypto) : v));
    else out[key] = value;
  }
  return out;
}

/** Names of natural persons that public pages show masked (张** ); organisations' names stay as they are. */
const PERSON_NAME_KEYS = new Set(['legalRep', 'legalRepName', 'legalRepresentative', 'signerName', 'personName']);
/** Objects under these keys describe persons, so their `name` is a person's name. */
const PERSON_CONTAINERS = new Set(['persons', 'person', 'legalRepresentative', 'signer', 'attendees']);

/** For the public: no ID number in any form, persons' names masked. */
export function publicPayload(payload: Json, personContext = false): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(payload)) {
    if (isHmac(key) || isEnc(key) || /IdMasked$|^idMasked$|idNumber/i.test(key)) continue;
    const person = PERSON_CONTAINERS.has(key);
    if ((PERSON_NAME_KEYS.has(key) || (personContext && key === 'name')) && typeof value === 'string') out[key] = maskName(value);
    else if (isPlainObject(value)) out[key] = publicPayload(value, person);
    else if (Array.isArray(value)) out[key] = value.map((v) => (isPlainObject(v) ? publicPayload(v, person) : v));
    else out[key] = value;
  }
  return out;
}

/**
 * The names of the natural persons a payload names (legal representative, signer, persons of a ban…), found by the
 * same keys `publicPayload` masks: the public-text guard refuses any of them in a text meant for the public.
 */
export function personNames(payload: unknown, personContext = false): string[] {
  if (Array.isArray(payload)) return payload.flatMap((v) => personNames(v, personContext));
  if (!isPlainObject(payload)) return [];
  return Object.entries(payload).flatMap(([key, value]) => {
    if ((PERSON_NAME_KEYS.has(key) || (personContext && key === 'name')) && typeof value === 'string') return [value.trim()];
    return typeof value === 'object' ? personNames(value, PERSON_CONTAINERS.has(key)) : [];
  }).filter(Boolean);
}

function safeMask(sealed: string, crypto: FieldCryptoService): string {
  try {
    return maskIdNumber(crypto.decrypt(sealed));
  } catch {
    return '******'; // a value sealed with a retired key: show that something is there, never the value
  }
}
