@NullMarked
package vn.nq57.identity.cccd;

import org.jspecify.annotations.NullMarked;
