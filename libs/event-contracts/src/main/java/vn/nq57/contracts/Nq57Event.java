package vn.nq57.contracts;

/**
 * A fact one service publishes. Implementations are immutable records carrying ids, not
 * whole aggregates. The CloudEvents attributes of the Kafka record are derived from it:
 * {@code type} from {@link #type()}, {@code subject} from {@link #subject()}.
 */
public interface Nq57Event {

	/**
	 * The versioned CloudEvents type, for example {@code vn.nq57.report.draft-saved.v1}.
	 * @return the event type
	 */
	String type();

	/**
	 * The CloudEvents subject: the id of the thing the event is about.
	 * @return the subject
	 */
	String subject();

	/**
	 * The Kafka record key; events with the same key keep their order.
	 * @return the partition key
	 */
	default String partitionKey() {
		return subject();
	}

}
