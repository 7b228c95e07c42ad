-- BC_NGAY_XA version 2: the columns of version 1 unchanged plus the conditional rule of
-- issue #4: when Hạ tầng mạng (D) is Yếu or Không ổn định, Vướng mắc chính trong ngày (N)
-- is required. Published as a new version because a rule changes what is accepted:
-- reports opened with version 1 keep version 1; periods opened from now on use version 2.
--
-- Reminders (6 and 2 hours before the close instant) are a schedule, not part of what a
-- unit files, so version 1 gets them too and reports still open on version 1 are reminded.
update template_version set reminders = '["PT6H", "PT2H"]'::jsonb
where template_code = 'BC_NGAY_XA' and version = 1;

insert into template_version (template_code, version, open_offset_days, close_offset_days, reminders, rules,
                              published_by)
values ('BC_NGAY_XA', 2, -1, 0, '["PT6H", "PT2H"]'::jsonb,
        '[{"when": {"column": "D", "in": ["Yếu", "Không ổn định"]}, "require": ["N"]}]'::jsonb, 'flyway');

insert into template_column (template_code, version, letter, position, label, kind, options, required, filled_by,
                             help, max_length, personal_data)
select template_code, 2, letter, position, label, kind, options, required, filled_by,
       case when letter = 'N'
            then 'Những khó khăn, vướng mắc chính của đơn vị trong ngày; bắt buộc khi Hạ tầng mạng là Yếu hoặc Không ổn định.'
            else help end,
       max_length, personal_data
from template_column where template_code = 'BC_NGAY_XA' and version = 1;

update template set current_version = 2 where code = 'BC_NGAY_XA';
