/**
 * First login: the pages that take a new or reset account through its password, profile
 * and CCCD, and the filter that sends it there before an authorization code is issued.
 */
@NullMarked
package vn.nq57.identity.firstlogin;

import org.jspecify.annotations.NullMarked;
