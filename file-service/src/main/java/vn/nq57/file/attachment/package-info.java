/**
 * Attachments of reports: upload, list, download and removal, with their checks.
 */
@NullMarked
package vn.nq57.file.attachment;

import org.jspecify.annotations.NullMarked;
