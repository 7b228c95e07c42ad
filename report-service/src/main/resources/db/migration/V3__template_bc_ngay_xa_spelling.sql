-- Column L of BC_NGAY_XA: the manual writes "sát nhập", a common misspelling of "sáp nhập"
-- (merge). Officials read the correct word; the column, its options and its data are unchanged.
update template_column
set label = replace(label, 'sau sát nhập', 'sau sáp nhập')
where template_code = 'BC_NGAY_XA' and letter = 'L';
