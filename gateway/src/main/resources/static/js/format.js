// Dates as Vietnamese officials write them (dd/MM/yyyy), in Vietnam's time zone.

const ZONE = 'Asia/Ho_Chi_Minh';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

function pieces(date) {
  const out = {};
  for (const p of parts.formatToParts(date)) out[p.type] = p.value;
  return out;
}

/** "2026-12-03" or an instant → "03/12/2026"; missing → "—". */
export function formatDate(value) {
  if (!value) return '—';
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (plain) return `${plain[3]}/${plain[2]}/${plain[1]}`;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  const p = pieces(date);
  return `${p.day}/${p.month}/${p.year}`;
}

/** An instant → "03/12/2026 14:05" in Vietnam's time. */
export function formatDateTime(value) {
  if (!value) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  const p = pieces(date);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** An instant → "14:05". */
export function formatTime(value) {
  const p = pieces(value ? new Date(value) : new Date());
  return `${p.hour}:${p.minute}`;
}

/**
 * The moment entry closes: the end of the close date in Vietnam (UTC+7, no daylight saving).
 * @param {string} closeDate "yyyy-MM-dd"
 */
export function deadlineOf(closeDate) {
  if (!closeDate) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(closeDate)) return new Date(`${closeDate}T23:59:59+07:00`);
  const date = new Date(closeDate);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * How long is left until the close: text and urgency ("ok", "soon" under 6 hours, "late").
 * @param {string} closeDate "yyyy-MM-dd"
 * @param {Date} [now]
 */
export function countdown(closeDate, now = new Date()) {
  const deadline = deadlineOf(closeDate);
  if (!deadline) return { text: '', level: 'ok' };
  const ms = deadline.getTime() - now.getTime();
  const minutes = Math.floor(Math.abs(ms) / 60000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  let span;
  if (days > 0) span = hours > 0 ? `${days} ngày ${hours} giờ` : `${days} ngày`;
  else if (hours > 0) span = `${hours} giờ ${mins} phút`;
  else span = `${Math.max(mins, ms >= 0 ? 1 : mins)} phút`;
  if (ms < 0) return { text: `Đã quá hạn ${span}`, level: 'late' };
  return { text: `Còn ${span}`, level: ms < 6 * 3600000 ? 'soon' : 'ok' };
}

/** Bytes → "1,2 MB". */
export function formatSize(bytes) {
  if (bytes === null || bytes === undefined) return '';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toLocaleString('vi-VN', { maximumFractionDigits: 1 })} ${units[unit]}`;
}
