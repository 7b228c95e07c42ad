/**
 * workflow-service.
 */
@NullMarked
package vn.nq57.workflow;

import org.jspecify.annotations.NullMarked;
