@NullMarked
package vn.nq57.identity.firstlogin;

import org.jspecify.annotations.NullMarked;
