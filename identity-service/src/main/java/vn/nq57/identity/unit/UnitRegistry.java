package vn.nq57.identity.unit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.common.outbox.OutboxWriter;
import vn.nq57.contracts.identity.UnitRegistered;
import vn.nq57.identity.IdentityProperties;

/**
 * Keeps the {@code unit} table equal to the official list: inserts new units, updates
 * changed ones, deactivates units the list no longer holds, and announces each of those
 * changes with a {@link UnitRegistered} event in the same transaction. Loading the same
 * list twice changes and publishes nothing. Units the centre has changed (renamed, moved,
 * merged, split: {@code managed_by_centre}) are left as the centre made them.
 */
@Service
public class UnitRegistry {

	private static final Logger logger = LoggerFactory.getLogger(UnitRegistry.class);

	private final UnitRepository units;

	private final OutboxWriter outbox;

	private final IdentityProperties properties;

	UnitRegistry(UnitRepository units, OutboxWriter outbox, IdentityProperties properties) {
		this.units = units;
		this.outbox = outbox;
		this.properties = properties;
	}

	/**
	 * Loads the configured official list.
	 * @return what changed
	 * @throws UnitListException if the list is malformed; nothing is written then
	 */
	@Transactional
	public LoadResult load() {
		long started = System.nanoTime();
		List<Unit> listed = new ArrayList<>();
		listed.add(Unit.CENTRE);
		listed.addAll(UnitListReader.read(this.properties.unitList()));

		this.units.lockForLoad();
		Map<String, Unit> stored = new HashMap<>();
		this.units.findAll().forEach((unit) -> stored.put(unit.code(), unit));
		Set<String> managed = this.units.findManagedByCentre();

		List<Unit> changed = new ArrayList<>();
		Set<String> listedCodes = new HashSet<>();
		for (Unit unit : listed) {
			listedCodes.add(unit.code());
			if (!managed.contains(unit.code()) && !unit.equals(stored.get(unit.code()))) {
				changed.add(unit);
			}
		}
		int deactivated = 0;
		for (Unit unit : stored.values()) {
			if (unit.active() && !listedCodes.contains(unit.code()) && !managed.contains(unit.code())) {
				changed
					.add(new Unit(unit.code(), unit.name(), unit.unitType(), unit.level(), unit.provinceCode(), false));
				deactivated++;
			}
		}

		this.units.upsertAll(changed);
		this.outbox.publishAll(changed.stream()
			.map((unit) -> new UnitRegistered(unit.code(), unit.name(), unit.unitType(), unit.level(),
					unit.provinceCode(), unit.active()))
			.toList());

		LoadResult result = new LoadResult(listed.size(), changed.size() - deactivated, deactivated);
		logger.info("Unit list loaded in {} ms: {} units listed, {} new or changed, {} deactivated",
				(System.nanoTime() - started) / 1_000_000, result.listed(), result.registered(), result.deactivated());
		return result;
	}

	/**
	 * What one load did.
	 *
	 * @param listed how many units the list holds, the centre included
	 * @param registered how many were new or changed (and announced)
	 * @param deactivated how many stored units the list no longer holds (and announced)
	 */
	public record LoadResult(int listed, int registered, int deactivated) {
	}

}
