import { hash, verify } from '@node-rs/argon2';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { DomainException } from '../common/errors/domain.exception';
import type { AuthUser } from './role';
import { UserEntity } from './user.entity';

// A fixed hash to verify against when the user does not exist, so timing does not reveal usernames.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$ZHVtbXlzYWx0ZHVtbXk$1y0uTU1M0yqLq7zQnHyXzvT0tJIvXvYd8m0Yp6fZb7c';

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly jwt: JwtService,
  ) {}

  static hashPassword(password: string): Promise<string> {
    return hash(password);
  }

  async login(username: string, password: string): Promise<{ accessToken: string }> {
    const user = await this.users.findOne({ where: { username } });
    const ok = await verify(user?.passwordHash ?? DUMMY_HASH, password).catch(() => false);
    if (!user || !ok || !user.active) throw new DomainException('LOGIN_FAILED', '用户名或密码错误', 401);
    const claims: Omit<AuthUser, 'id'> & { sub: string } = {
      sub: user.id,
      username: user.username,
      role: user.role,
      officeCode: user.officeCode,
      uscc: user.uscc,
    };
    return { accessToken: await this.jwt.signAsync(claims) };
  }
}
