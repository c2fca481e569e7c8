import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { hash } from '@node-rs/argon2';
import { DataSource } from 'typeorm';
import { CryptoModule } from '../src/common/crypto/crypto.module';
import { FieldCryptoService } from '../src/common/crypto/field-crypto.service';
import { AppConfigModule } from '../src/config/config.module';
import { DatabaseModule } from '../src/database/database.module';
import { DEMO_INSTITUTIONS, DEMO_SERVICE_CONSENTS, DEMO_USERS, insertDemoDocumentSettings } from './demo-data';

@Module({ imports: [AppConfigModule, DatabaseModule, CryptoModule] })
class SeedModule {}

function printLogins(): void {
  console.log('    | role | username | password | totp secret |\n    |---|---|---|---|');
  for (const u of DEMO_USERS) console.log(`    | ${u.role} | ${u.username} | ${u.password} | ${u.totpSecret ?? '（未绑定，可选）'} |`);
}

/** Loads demo accounts and institutions; running it again changes nothing. */
async function seed(): Promise<void> {
  if (process.env.NODE_ENV === 'production') throw new Error('demo data is never loaded in production');
  const ctx = await NestFactory.createApplicationContext(SeedModule, { logger: ['error'] });
  const ds = ctx.get(DataSource);
  const crypto = ctx.get(FieldCryptoService);
  for (const i of DEMO_INSTITUTIONS) {
    await ds.query(
      `INSERT INTO institutions (uscc, name, type, legal_rep_name, legal_rep_id_enc, legal_rep_id_hmac, office_code, address)
       VALUES ($1,$2,$3,$4,$5,$6,$7,'江苏省连云港市海州区') ON CONFLICT (uscc) DO NOTHING`,
      [i.uscc, i.name, i.type, i.rep, crypto.encrypt(i.id), crypto.blindIndex(i.id), i.office],
    );
  }
  // the demo accounts are put back to the documented password and second factor at every run, so the table that
  // `npm run up` prints always works (an older database's accounts get the new rules' passwords this way too)
  for (const u of DEMO_USERS) {
    await ds.query(
      `INSERT INTO users (username, password_hash, role, display_name, office_code, uscc, totp_secret_enc, totp_enabled_at, enforcement_cert_no)
       VALUES ($1,$2,$3,$4,$5,$6,$7, CASE WHEN $7::text IS NULL THEN NULL ELSE now() END, $8)
       ON CONFLICT (username) DO UPDATE SET enforcement_cert_no = EXCLUDED.enforcement_cert_no, password_hash = EXCLUDED.password_hash, must_change_password = false,
         password_changed_at = now(), totp_secret_enc = EXCLUDED.totp_secret_enc, totp_enabled_at = EXCLUDED.totp_enabled_at,
         totp_pending_enc = NULL, totp_last_step = NULL, active = true`,
      [u.username, await hash(u.password), u.role, u.displayName, u.officeCode, u.uscc, u.totpSecret && crypto.encrypt(u.totpSecret),
        'enforcementCertNo' in u ? u.enforcementCertNo : null],
    );
  }
  await insertDemoDocumentSettings(ds);
  for (const c of DEMO_SERVICE_CONSENTS) {
    await ds.query(
      `INSERT INTO electronic_service_consents (institution_id, uscc, signed_on, signatory, email_enc, mobile_enc, recorded_by)
       SELECT i.id, i.uscc, $2, $3, $4, $5, (SELECT id FROM users WHERE username = 'officer1') FROM institutions i
        WHERE i.uscc = $1 AND NOT EXISTS (SELECT 1 FROM electronic_service_consents c WHERE c.institution_id = i.id AND c.revoked_at IS NULL)`,
      [c.uscc, c.signedOn, c.signatory, crypto.encrypt(c.email), crypto.encrypt(c.mobile)]);
  }
  console.log(`demo data: ${DEMO_INSTITUTIONS.length} institutions, ${DEMO_USERS.length} accounts, document settings and e-service consent present`);
  await ctx.close();
}

if (process.argv.includes('--print')) printLogins();
else seed().catch((err) => {
  console.error(err);
  process.exit(1);
});
