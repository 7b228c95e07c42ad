/**
 * Reminders before a period's close and the notices they leave in Công việc của tôi.
 */
@NullMarked
package vn.nq57.workflow.reminder;

import org.jspecify.annotations.NullMarked;
