/**
 * The deadline-spike load test of issue #9: Gatling simulations (Java DSL, open model)
 * against the local stack, and the small programs that calibrate its parts, check the
 * ledger of submissions and print the summary. Run only by {@code ./load-tests/run}.
 */
package vn.nq57.load;
