import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import type { AuthUser } from '../auth/role';
import { toDayNumber } from '../calendar/iso-date';
import { assertVisibleTo } from '../credit-file/visibility';
import { InstitutionsService } from '../institutions/institutions.service';
import type { ActivityQueryDto, RecordActivityDto } from './dto/activity.dto';
import { IntegrityActivityEntity } from './integrity-activity.entity';
import { termOf } from './term';
import { uploadNotFound } from '../portal/upload.errors';
import { validationFailed } from '../common/errors/common.errors';

const toView = (a: IntegrityActivityEntity & { institutionName?: string }) => ({
  id: a.id, uscc: a.uscc, institutionName: a.institutionName, theme: a.theme, date: a.date, term: a.term,
  participants: a.participants, description: a.description, evidenceFileIds: a.evidenceFileIds, createdAt: a.createdAt,
});

/** 诚信教育: schools record their activities; the report counts them per school and term. */
@Injectable()
export class IntegrityEducationService {
  constructor(
    @InjectRepository(IntegrityActivityEntity) private readonly repo: Repository<IntegrityActivityEntity>,
    @InjectDataSource() private readonly ds: DataSource,
    private readonly institutions: InstitutionsService,
  ) {}

  async record(dto: RecordActivityDto, user: AuthUser) {
    const target = dto.uscc ?? user.uscc;
    if (!target) throw validationFailed('请指定学校的统一社会信用代码（uscc）', { fields: [{ field: 'uscc', message: '请选择学校' }] });
    const institution = await this.institutions.findByUscc(assertVisibleTo(target, user));
    toDayNumber(dto.date);
    const files = dto.evidenceFileIds ?? [];
    if (files.length) {
      // evidence is the school's own upload, never another institution's file
      const [{ n }] = await this.ds.query(`SELECT count(*)::int AS n FROM uploads WHERE id = ANY($1) AND uscc = $2`, [files, institution.uscc]);
      if (n !== new Set(files).size) throw uploadNotFound('佐证材料不存在或不属于该学校，请重新上传');
    }
    const saved = await this.repo.save(this.repo.create({
      institutionId: institution.id, uscc: institution.uscc, theme: dto.theme.trim(), date: dto.date, term: termOf(dto.date),
      participants: dto.participants, description: dto.description?.trim() || null, evidenceFileIds: files, recordedBy: user.id,
    }));
    return toView({ ...(await this.repo.findOneByOrFail({ id: saved.id })), institutionName: institution.name });
  }

  async list(q: ActivityQueryDto, user: AuthUser) {
    const uscc = this.scope(q.uscc, user);
    const rows = await this.ds.query(
      `SELECT a.id, a.uscc, i.name AS "institutionName", a.theme, a.activity_date::text AS date, a.term, a.participants,
              a.description, a.evidence_file_ids AS "evidenceFileIds", a.created_at AS "createdAt"
         FROM integrity_activities a JOIN institutions i ON i.id = a.institution_id
        WHERE ($1::text IS NULL OR a.uscc = $1) AND ($2::text IS NULL OR a.term = $2)
        ORDER BY a.activity_date DESC, a.created_at DESC LIMIT 500`, [uscc, q.term ?? null]);
    return { items: rows };
  }

  /** Per school: activities and participants in the term, and the themes it covered. */
  async report(q: ActivityQueryDto, user: AuthUser) {
    if (!q.term) throw validationFailed('请指定学期（term），如 2026-1');
    const uscc = this.scope(q.uscc, user);
    // every institution, those without an activity in the term included (0 activities): the report is there to show
    // which schools have done nothing, so leaving them out hid exactly what it is read for (issue #22)
    const rows = await this.ds.query(
      `SELECT i.uscc, i.name AS "institutionName", count(a.id)::int AS activities, COALESCE(sum(a.participants), 0)::int AS participants,
              COALESCE(array_agg(DISTINCT a.theme ORDER BY a.theme) FILTER (WHERE a.id IS NOT NULL), '{}') AS themes
         FROM institutions i LEFT JOIN integrity_activities a ON a.institution_id = i.id AND a.term = $1
        WHERE ($2::text IS NULL OR i.uscc = $2)
        GROUP BY i.uscc, i.name ORDER BY count(a.id) DESC, i.name`, [q.term, uscc]);
    return { term: q.term, rows };
  }

  /** An institution sees only itself; staff see every school or the one they ask for. */
  private scope(uscc: string | undefined, user: AuthUser): string | null {
    if (user.role === 'institution') return assertVisibleTo(uscc ?? user.uscc ?? '', user);
    return uscc ? uscc.trim().toUpperCase() : null;
  }
}
