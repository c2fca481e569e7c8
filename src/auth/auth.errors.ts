import { HttpStatus } from '@nestjs/common';
import { DomainException } from '../common/errors/domain.exception';

export enum AuthErrorCode {
  TOKEN_INVALID = 'TOKEN_INVALID',
  LOGIN_FAILED = 'LOGIN_FAILED',
  TOTP_INVALID = 'TOTP_INVALID',
  TOTP_ALREADY_ENROLLED = 'TOTP_ALREADY_ENROLLED',
  USER_NOT_FOUND = 'USER_NOT_FOUND',
  TOKEN_EXPIRED = 'TOKEN_EXPIRED',
  SESSION_ENDED = 'SESSION_ENDED',
  PASSWORD_WEAK = 'PASSWORD_WEAK',
  CURRENT_PASSWORD_WRONG = 'CURRENT_PASSWORD_WRONG',
  PASSWORD_UNCHANGED = 'PASSWORD_UNCHANGED',
  TOTP_NOT_STARTED = 'TOTP_NOT_STARTED',
  SETUP_REQUIRED = 'SETUP_REQUIRED',
  ACCOUNT_LOCKED = 'ACCOUNT_LOCKED',
  TOTP_REQUIRED = 'TOTP_REQUIRED',
  OWN_ACCOUNT = 'OWN_ACCOUNT',
  TOTP_NOT_ENROLLED = 'TOTP_NOT_ENROLLED',
  REQUEST_PENDING = 'REQUEST_PENDING',
  REQUEST_NOT_FOUND = 'REQUEST_NOT_FOUND',
}

export const TOKEN_INVALID_MESSAGE = '登录已失效，请重新登录';

export const tokenInvalid = () => new DomainException(AuthErrorCode.TOKEN_INVALID, TOKEN_INVALID_MESSAGE, HttpStatus.UNAUTHORIZED);

export const loginFailed = () => new DomainException(AuthErrorCode.LOGIN_FAILED, '用户名或密码错误', HttpStatus.UNAUTHORIZED);

export const totpInvalid = (message: string, status: HttpStatus.BAD_REQUEST | HttpStatus.UNAUTHORIZED) =>
  new DomainException(AuthErrorCode.TOTP_INVALID, message, status);

export const totpAlreadyEnrolled = (message = '已绑定动态口令') => new DomainException(AuthErrorCode.TOTP_ALREADY_ENROLLED, message, HttpStatus.CONFLICT);

export const userNotFound = (message = '用户不存在') => new DomainException(AuthErrorCode.USER_NOT_FOUND, message, HttpStatus.NOT_FOUND);
