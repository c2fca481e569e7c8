import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { assertPasswordAcceptable } from '../auth/account.service';
import { AuthService } from '../auth/auth.service';
import type { AuthUser } from '../auth/role';
import { SessionService } from '../auth/session.service';
import { DomainException } from '../common/errors/domain.exception';
import type { CreateUserDto, UpdateUserDto, UserQueryDto } from './dto/user.dto';
import { institutionNotFound, officeUnknown } from '../institutions/institution.errors';
import { userNotFound } from '../auth/auth.errors';
import { validationFailed } from '../common/errors/common.errors';
import { DirectoryErrorCode } from './directory.errors';

const USER_COLUMNS = `id, username, role, display_name AS "displayName", office_code AS "officeCode", uscc, enforcement_cert_no AS "enforcementCertNo", active, created_at AS "createdAt",
  totp_enabled_at IS NOT NULL AS "totpEnrolled", must_change_password AS "mustChangePassword"`;

/** Accounts and offices: the admin manages them; an approver may list colleagues to hand tasks to. */
@Injectable()
export class DirectoryService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly sessions: SessionService,
  ) {}

  offices() {
    return this.ds.query(`SELECT code, name FROM offices ORDER BY code`);
  }

  async users(q: UserQueryDto, caller: AuthUser) {
    // an approver sees the officers and approvers of its own office only: whom it may reassign to
    const office = caller.role === 'admin' ? (q.officeCode ?? null) : caller.officeCode;
    const roles = caller.role === 'admin' ? (q.role ? [q.role] : null) : q.role && ['officer', 'approver'].includes(q.role) ? [q.role] : ['officer', 'approver'];
    const active = caller.role === 'admin' ? (q.active ?? null) : true;
    const items = await this.ds.query(
      `SELECT ${USER_COLUMNS} FROM users
        WHERE ($1::text IS NULL OR office_code = $1) AND ($2::text[] IS NULL OR role = ANY($2)) AND ($3::boolean IS NULL OR active = $3)
        ORDER BY role, username LIMIT 1000`, [office, roles, active]);
    return { items };
  }

  async create(dto: CreateUserDto) {
    await this.assertOffice(dto.officeCode);
    if (dto.role !== 'institution' && dto.uscc) throw validationFailed('只有机构账号可以绑定统一社会信用代码');
    if (dto.uscc) {
      const [inst] = await this.ds.query(`SELECT 1 FROM institutions WHERE uscc = $1`, [dto.uscc.toUpperCase()]);
      if (!inst) throw institutionNotFound('机构不存在，请先登记机构');
    }
    const [taken] = await this.ds.query(`SELECT 1 FROM users WHERE username = $1`, [dto.username]);
    if (taken) throw new DomainException(DirectoryErrorCode.USERNAME_TAKEN, '用户名已被使用', 409);
    assertPasswordAcceptable(dto.password, dto.username);
    // an initial password is known to whoever set it: its owner changes it at the first sign-in
    const [row] = await this.ds.query(
      `INSERT INTO users (username, password_hash, role, display_name, office_code, uscc, enforcement_cert_no, must_change_password)
       VALUES ($1,$2,$3,$4,$5,$6,$7,true) RETURNING ${USER_COLUMNS}`,
      [dto.username, await AuthService.hashPassword(dto.password), dto.role, dto.displayName.trim(), dto.officeCode ?? null, dto.uscc?.toUpperCase() ?? null,
        dto.enforcementCertNo?.trim() || null]);
    return row;
  }

  async update(id: string, dto: UpdateUserDto, caller: AuthUser) {
    const [user] = await this.ds.query(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id]);
    if (!user) throw userNotFound();
    if (id === caller.id && (dto.active === false || (dto.role && dto.role !== 'admin'))) {
      throw new DomainException(DirectoryErrorCode.SELF_LOCKOUT, '不能停用自己的账号或取消自己的管理员角色', 409);
    }
    const role = dto.role ?? user.role;
    if ((role === 'institution') !== (user.uscc !== null)) {
      throw validationFailed('机构账号与其他角色不能互相转换，请新建账号');
    }
    if (dto.officeCode) await this.assertOffice(dto.officeCode);
    const officeCode = dto.officeCode === undefined ? user.officeCode : dto.officeCode;
    const active = dto.active ?? user.active;
    // what a token may do changed: its version moves on, and every API process refuses the old tokens within
    // SESSION_CACHE_TTL_MS (issue #14 point 4); a disabled account's sessions end outright
    const rights = role !== user.role || officeCode !== user.officeCode || active !== user.active;
    const row = await this.ds.transaction(async (m) => {
      // an UPDATE answers [rows, count] through TypeORM's query()
      const [[updated]] = await m.query(
        `UPDATE users SET role = $2, office_code = $3, display_name = $4, active = $5, token_version = token_version + $6::int,
                enforcement_cert_no = $7
          WHERE id = $1 RETURNING ${USER_COLUMNS}`,
        [id, role, officeCode, dto.displayName?.trim() ?? user.displayName, active, rights ? 1 : 0,
          dto.enforcementCertNo === undefined ? user.enforcementCertNo : dto.enforcementCertNo?.trim() || null]);
      if (!active && user.active) await this.sessions.revokeAll(id, 'account disabled', m);
      return updated;
    });
    if (rights) await this.sessions.forgetCached();
    return row;
  }

  private async assertOffice(code: string | undefined | null) {
    if (!code) return;
    const [office] = await this.ds.query(`SELECT 1 FROM offices WHERE code = $1`, [code]);
    if (!office) throw officeUnknown(`科室代码 ${code} 不存在`);
  }
}
