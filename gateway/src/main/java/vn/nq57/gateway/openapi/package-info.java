/**
 * The services' OpenAPI documents, published at the gateway.
 */
@NullMarked
package vn.nq57.gateway.openapi;

import org.jspecify.annotations.NullMarked;
