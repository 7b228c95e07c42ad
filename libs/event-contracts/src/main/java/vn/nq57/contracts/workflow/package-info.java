/**
 * Events published on {@link vn.nq57.contracts.Topics#WORKFLOW}.
 */
@NullMarked
package vn.nq57.contracts.workflow;

import org.jspecify.annotations.NullMarked;
