@NullMarked
package vn.nq57.identity.signin;

import org.jspecify.annotations.NullMarked;
