/**
 * Nhập liệu từ Excel: hostile-upload checks, the streaming reader, preview and apply
 * through report-service's batch API.
 */
@NullMarked
package vn.nq57.export.imports;

import org.jspecify.annotations.NullMarked;
