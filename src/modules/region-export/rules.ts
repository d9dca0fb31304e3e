// What of each table belongs to a region (issue 17 §6): the one map the export, the import, the format's
// documentation (docs/region-export.md) and the test that no table of the schema is forgotten
// (rules.test.ts) read. Written as data: a new table without a line here fails that test.
//
// A selection is an SQL condition on the row `t`. `{org_units}` stands for the ids already selected from
// org_units, `{roadmaps}` for those of roadmaps, `{role_assignments.user_id}` for a column of the rows
// selected there. Tables are selected in the order of this map, so a condition names only tables above it.
// `referenced` tables (users, files, the procedures' dictionary) take every row that a selected row points
// to by a foreign key of the schema (found in the database catalogue, so a new file column is not missed).

export type TakeRule = {
  take: string;
  /** What the rows are, in Russian, for the format's documentation. */
  what: string;
  /** Columns written as absent (NULL on import), with the reason. */
  omit?: Record<string, string>;
  /** A column numbered by the installation itself: not exported, the importing one numbers the rows anew. */
  freshId?: { column: string; why: string };
};
export type ReferencedRule = {
  referenced: true;
  /** Rows taken besides the referenced ones. */
  also?: string;
  what: string;
  omit?: Record<string, string>;
  /**
   * A dictionary numbered by each installation: rows are matched on import by this natural key (added
   * when missing) and the foreign keys to them in the archive's rows are renumbered to the local ids.
   */
  naturalKey?: string[];
  /**
   * Rows that do not meet `unless` are written as stubs: only `columns` and `"is_stub": true` — a person
   * the region's rows point to (an author from another region) without his login, e-mail or phone.
   */
  stub?: { unless: string; columns: string[]; what: string };
};
export type ExcludedRule = { exclude: string };
export type TableRule = TakeRule | ReferencedRule | ExcludedRule;

const unit = (column: string) => `t.${column} in {org_units}`;
const under = (column: string, table: string) => `t.${column} in {${table}}`;

const JOB_NOT_EXPORTED = 'задания (jobs) — рабочая очередь установки, в выгрузку не входят';

export const REGION_RULES = {
  org_units: {
    take: "t.path like {region_path} || '%'",
    what: 'дерево организаций региона: регион, муниципалитеты, школы, учреждения',
  },
  role_assignments: { take: unit('org_unit_id'), what: 'роли пользователей в организациях региона' },
  // Roadmaps with their history (sections → items → evidence, comments, addressees, cascade tasks).
  roadmaps: { take: unit('org_unit_id'), what: 'дорожные карты организаций региона' },
  roadmap_sections: { take: under('roadmap_id', 'roadmaps'), what: 'разделы дорожных карт' },
  roadmap_items: { take: under('roadmap_id', 'roadmaps'), what: 'мероприятия дорожных карт' },
  roadmap_item_responsibles: {
    take: under('item_id', 'roadmap_items'),
    what: 'ответственные организации мероприятий',
  },
  roadmap_item_evidence: {
    take: under('item_id', 'roadmap_items'),
    what: 'доказательства исполнения (ссылки на файлы)',
  },
  roadmap_item_comments: { take: under('item_id', 'roadmap_items'), what: 'комментарии к мероприятиям' },
  roadmap_targets: { take: under('roadmap_id', 'roadmaps'), what: 'адресаты каскада дорожных карт' },
  cascade_tasks: {
    take: under('source_item_id', 'roadmap_items'),
    what: 'задачи каскада для нижних уровней',
  },
  // Assessment data and identification.
  assessment_results: { take: unit('school_id'), what: 'результаты оценочных процедур школ региона' },
  confirmation_results: { take: unit('school_id'), what: 'подтверждение результатов (объективность) школ' },
  context_values: { take: unit('school_id'), what: 'контекстные показатели школ' },
  assessment_packs: { take: unit('region_id'), what: 'сжатый пакет данных региона для расчёта' },
  data_imports: { take: unit('region_id'), what: 'журнал загрузок данных региона' },
  assessment_table_templates: { take: unit('region_id'), what: 'сохранённые разметки таблиц данных' },
  school_name_confirmations: {
    take: unit('region_id'),
    what: 'подтверждённые пользователем названия школ в таблицах данных',
  },
  methodologies: { take: unit('region_id'), what: 'методики выявления региона' },
  identification_runs: {
    take: unit('region_id'),
    what: 'расчёты выявления',
    omit: { job_id: JOB_NOT_EXPORTED },
  },
  identification_results: {
    take: under('run_id', 'identification_runs'),
    what: 'результаты расчётов по школам',
  },
  identification_orders: { take: unit('region_id'), what: 'приказы об утверждении списков' },
  identification_lists: { take: unit('region_id'), what: 'списки ШНОР, ШНСУ и др.' },
  identification_list_schools: { take: under('list_id', 'identification_lists'), what: 'школы списков' },
  list_decisions: { take: under('list_id', 'identification_lists'), what: 'решения по школам списков' },
  // Questionnaires and risk profiles.
  risk_instruments: { take: unit('region_id'), what: 'анкеты (версии) региона' },
  risk_factors: { take: unit('region_id'), what: 'факторы риска региона' },
  risk_campaigns: { take: unit('owner_unit_id'), what: 'анкетирования' },
  risk_campaign_schools: { take: under('campaign_id', 'risk_campaigns'), what: 'школы анкетирований' },
  risk_campaign_links: {
    take: under('campaign_id', 'risk_campaigns'),
    what: 'ссылки на анкеты (хранится хеш ссылки)',
    omit: {
      printed_token: 'открытый текст ссылки — пропуск к анкете, секрет; печатать заново в новой установке',
    },
  },
  risk_responses: {
    take: under('campaign_id', 'risk_campaigns'),
    what: 'ответы на анкеты (без личности отвечающих)',
  },
  risk_profiles: { take: under('campaign_id', 'risk_campaigns'), what: 'рисковые профили школ' },
  risk_verifications: { take: under('campaign_id', 'risk_campaigns'), what: 'верификация профилей' },
  // School documents (programs) and expertise.
  school_documents: { take: unit('school_id'), what: 'документы школ (программы)' },
  school_document_versions: {
    take: under('document_id', 'school_documents'),
    what: 'утверждённые версии документов',
  },
  school_document_comments: {
    take: under('document_id', 'school_documents'),
    what: 'комментарии к документам',
  },
  program_templates: { take: unit('region_id'), what: 'шаблоны программ региона' },
  program_measure_links: {
    take: under('document_id', 'school_documents'),
    what: 'связи мер программы с мероприятиями',
  },
  expertise_criteria_sets: { take: unit('region_id'), what: 'наборы критериев экспертизы' },
  expertise_rounds: { take: unit('owner_unit_id'), what: 'туры взаимной экспертизы' },
  expertise_samples: { take: unit('owner_unit_id'), what: 'выборки экспертизы' },
  expertise_reviews: { take: unit('region_id'), what: 'заключения экспертизы' },
  // Organisation: orders, bodies, people, events.
  organisation_orders: { take: unit('org_unit_id'), what: 'приказы (назначения, пары, органы)' },
  working_bodies: { take: unit('org_unit_id'), what: 'рабочие органы' },
  body_members: { take: under('body_id', 'working_bodies'), what: 'члены рабочих органов' },
  coordinator_appointments: { take: unit('municipality_id'), what: 'назначения муниципальных координаторов' },
  curators: { take: unit('region_id'), what: 'реестр кураторов' },
  curator_assignments: { take: under('curator_id', 'curators'), what: 'закрепление кураторов за школами' },
  mentor_pairs: { take: unit('school_id'), what: 'пары школ-наставников' },
  partnership_agreements: { take: under('pair_id', 'mentor_pairs'), what: 'соглашения пар' },
  events: { take: unit('organiser_unit_id'), what: 'мероприятия (семинары, вебинары)' },
  event_invitations: { take: under('event_id', 'events'), what: 'приглашённые организации' },
  event_participants: { take: under('event_id', 'events'), what: 'участники мероприятий' },
  event_materials: { take: under('event_id', 'events'), what: 'материалы мероприятий' },
  // Monitoring, reports, meetings, indicators.
  monitorings: { take: unit('owner_unit_id'), what: 'мониторинги и формы' },
  monitoring_responses: {
    take: under('monitoring_id', 'monitorings'),
    what: 'ответы организаций на мониторинги',
  },
  analytic_reports: {
    take: unit('org_unit_id'),
    what: 'аналитические справки',
    omit: { job_id: JOB_NOT_EXPORTED },
  },
  meetings: { take: unit('org_unit_id'), what: 'заседания' },
  meeting_participants: { take: under('meeting_id', 'meetings'), what: 'участники заседаний' },
  meeting_decisions: { take: under('meeting_id', 'meetings'), what: 'решения заседаний' },
  indicator_definitions: { take: unit('region_id'), what: 'показатели региона' },
  indicator_targets: { take: unit('region_id'), what: 'целевые значения показателей' },
  // Support of teachers.
  staff_members: { take: unit('school_id'), what: 'реестр педагогов школ' },
  deficit_scales: { take: unit('region_id'), what: 'шкала уровней дефицитов региона' },
  deficit_diagnostics: { take: unit('owner_unit_id'), what: 'диагностики профессиональных дефицитов' },
  diagnostic_imports: {
    take: under('diagnostic_id', 'deficit_diagnostics'),
    what: 'загрузки результатов диагностик',
  },
  diagnostic_results: { take: under('diagnostic_id', 'deficit_diagnostics'), what: 'результаты педагогов' },
  courses: { take: unit('owner_unit_id'), what: 'курсы повышения квалификации' },
  individual_routes: { take: unit('school_id'), what: 'индивидуальные образовательные маршруты' },
  route_goals: { take: under('route_id', 'individual_routes'), what: 'цели ИОМ' },
  route_activities: { take: under('route_id', 'individual_routes'), what: 'мероприятия ИОМ' },
  route_activity_files: { take: under('activity_id', 'route_activities'), what: 'файлы мероприятий ИОМ' },
  course_enrolments: { take: unit('school_id'), what: 'записи педагогов на курсы' },
  teacher_mentorships: { take: unit('school_id'), what: 'наставничество педагогов' },
  mentorship_meetings: { take: under('mentorship_id', 'teacher_mentorships'), what: 'встречи наставника' },
  // Pupils at risk: identity stays encrypted with the installation's key (ADR 0044).
  pupil_checkpoints: { take: unit('unit_id'), what: 'контрольные точки региона и школ' },
  pupil_records: {
    take: unit('school_id'),
    what: 'обучающиеся группы риска; ФИО и дата рождения — только шифротекст (ключ PUPIL_DATA_KEY в архив не входит)',
  },
  pupil_measures: { take: under('record_id', 'pupil_records'), what: 'меры поддержки обучающихся' },
  pupil_results: { take: under('record_id', 'pupil_records'), what: 'результаты контрольных точек' },
  // Openness.
  escalation_rules: { take: unit('region_id'), what: 'правила эскалации сроков' },
  practices: { take: unit('author_unit_id'), what: 'банк практик' },
  practice_files: { take: under('practice_id', 'practices'), what: 'материалы практик' },
  practice_reviews: { take: under('practice_id', 'practices'), what: 'рассмотрение практик' },
  publications: { take: unit('org_unit_id'), what: 'публикации (снимки)' },
  // History of the region's objects: by organisation or by roadmap.
  audit_events: {
    take: `${unit('org_unit_id')} or ${under('roadmap_id', 'roadmaps')}`,
    what: 'история изменений объектов региона',
    freshId: {
      column: 'id',
      why: 'номер события — порядковый номер журнала установки; в другой установке номера заняты, события получают новые номера (порядок по времени at сохраняется)',
    },
  },
  // Tables selected by reference, after everything that points to them.
  assessment_procedures: {
    referenced: true,
    what: 'справочник оценочных процедур (процедура, предмет, класс), на которые ссылаются результаты',
    naturalKey: ['assessment', 'subject', 'grade'],
  },
  users: {
    referenced: true,
    also: 't.id in {role_assignments.user_id}',
    what: 'пользователи с ролью в регионе и авторы записей региона — без паролей',
    // People of other regions are not the region's: only who they are (id, name), so the rows that name
    // them keep their references. The import makes such a stub an account that never signs in.
    stub: {
      unless: 't.id in {role_assignments.user_id}',
      columns: ['id', 'full_name'],
      what: 'пользователь без роли в регионе (автор из другого региона) — только id и ФИО, "is_stub": true',
    },
    omit: {
      password_hash: 'хеш пароля — секрет; после импорта пароль задаёт администратор или вход через SSO',
    },
  },
  // Only of the people who hold a role in the region: an author from another region (a row of the region
  // points to him) is not the region's to move — his sign-in links and settings stay at home.
  user_identities: {
    take: 't.user_id in {role_assignments.user_id}',
    what: 'связи с внешними учётными записями (OIDC, LDAP) пользователей с ролью в регионе: поставщик и идентификатор, без секретов',
  },
  notification_settings: {
    take: 't.user_id in {role_assignments.user_id}',
    what: 'настройки уведомлений пользователей с ролью в регионе',
  },
  files: { referenced: true, what: 'описания файлов; содержимое — files/<id>' },
  // Excluded, each with the reason.
  sessions: { exclude: 'сеансы входа — секреты установки, после переноса пользователи входят заново' },
  sign_in_states: { exclude: 'незавершённые входы через OIDC — одноразовые секреты, живут минуты' },
  user_mfa: {
    exclude: 'секреты второго фактора (TOTP) — не покидают установку; второй фактор подключают заново',
  },
  mfa_recovery_codes: { exclude: 'резервные коды второго фактора — секреты' },
  auth_throttle: { exclude: 'счётчики неудачных входов — состояние защиты установки' },
  jobs: { exclude: 'очередь фоновых заданий установки; ссылки на задания в выгрузке пустые' },
  scheduled_runs: { exclude: 'журнал ежедневных проверок этой установки' },
  card_generation: { exclude: 'служебный штамп кэша карточек' },
  file_blobs: { exclude: 'хранилище содержимого файлов: содержимое лежит в архиве как files/<id>' },
  notifications: { exclude: 'уведомления — временные сообщения со ссылками на адрес этой установки' },
  risk_answer_rates: { exclude: 'счётчики ограничения частоты ответов по хешу IP — служебные и временные' },
} as const satisfies Record<string, TableRule>;

export type RegionTable = keyof typeof REGION_RULES;

export const isExcluded = (r: TableRule): r is ExcludedRule => 'exclude' in r;
export const isReferenced = (r: TableRule): r is ReferencedRule => 'referenced' in r;

/** The exported tables in the order of selection. */
export function exportedTables(): { table: string; rule: TakeRule | ReferencedRule }[] {
  return Object.entries(REGION_RULES as Record<string, TableRule>).flatMap(([table, rule]) =>
    isExcluded(rule) ? [] : [{ table, rule }],
  );
}
