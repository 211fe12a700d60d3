package io.splice.sample;

import static io.splice.sample.DefectKind.INVALID_KIND;
import static io.splice.sample.DefectKind.ORPHAN_ADDRESS;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

/** Generates {@code connections}: one per address, a second for ~10% of them, ids ascending in address order. */
final class ConnectionRows implements TableRows {

    static final double SECOND_CONNECTION_SHARE = 0.10;
    static final List<String> KINDS = List.of("FTTH", "FTTB");
    /** The legacy tool's Dutch codes; the target knows them as PLANNED, CONNECTED and CANCELLED. */
    static final String CONNECTED = "AANGESLOTEN";
    static final List<String> STATUSES = List.of("GEPLAND", CONNECTED, "GEANNULEERD");
    static final String INVALID_KIND_VALUE = "FTTX";
    static final LocalDate FIRST_PLANNED = LocalDate.of(2025, 1, 1);
    static final LocalDate LAST_PLANNED = LocalDate.of(2027, 12, 31);

    private final AddressRows addresses;
    /** addressOf[connectionId - 1]: the address each connection was generated for. */
    private final long[] addressOf;
    private final RowRandom rows;
    private final DefectPlan defects;

    ConnectionRows(long seed, AddressRows addresses) {
        this.addresses = addresses;
        this.addressOf = layout(new RowRandom(seed, "connections-per-address"), addresses.count());
        this.rows = new RowRandom(seed, SampleTables.CONNECTIONS);
        this.defects = DefectPlan.pick(seed, SampleTables.CONNECTIONS, addressOf.length);
    }

    @Override
    public String table() {
        return SampleTables.CONNECTIONS;
    }

    @Override
    public int count() {
        return addressOf.length;
    }

    @Override
    public DefectPlan defects() {
        return defects;
    }

    @Override
    public ConnectionRow row(long id) {
        SplittableRandom random = rows.forRow(id);
        String kind = RowRandom.pick(KINDS, random);
        String status = RowRandom.pick(STATUSES, random);
        long spanDays = LAST_PLANNED.toEpochDay() - FIRST_PLANNED.toEpochDay() + 1;
        LocalDate plannedOn = FIRST_PLANNED.plusDays(random.nextLong(spanDays));
        long addressId = addressOf[(int) (id - 1)];
        String customer = addresses.row(addressId).customer();
        if (defects.is(id, ORPHAN_ADDRESS)) {
            addressId = OrphanKeys.beyond(addresses.count(), id);
            // No address to copy from: the customer follows the connection's own id
            customer = ProjectRows.customer(id);
        } else if (defects.is(id, INVALID_KIND)) {
            kind = INVALID_KIND_VALUE;
        }
        return new ConnectionRow(id, addressId, kind, status, plannedOn, customer);
    }

    /** Decides per address whether it gets a second connection; fixes the connection ids. */
    private static long[] layout(RowRandom random, int addressCount) {
        LongStream.Builder addressOf = LongStream.builder();
        for (long addressId = 1; addressId <= addressCount; addressId++) {
            addressOf.add(addressId);
            if (random.forRow(addressId).nextDouble() < SECOND_CONNECTION_SHARE) {
                addressOf.add(addressId);
            }
        }
        return addressOf.build().toArray();
    }
}
