package io.splice.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * The raw source read rate: keyset pages over JDBC, every column of every row read, nothing else.
 * Usage: {@code SourceRead SOURCE_URL TABLE PAGE_SIZE}; prints {@code RESULT <rows> <seconds>}.
 */
public final class SourceRead {

    public static void main(String[] args) throws Exception {
        int pageSize = Integer.parseInt(args[2]);
        long started = System.nanoTime();
        long rowsRead = 0;
        long checksum = 0;
        try (Connection source = DriverManager.getConnection(args[0], "postgres", "");
             PreparedStatement page = source.prepareStatement("select id, grp, name, amount, created_at from " + args[1]
                     + " where id > ? order by id limit " + pageSize)) {
            long lastKey = 0;
            int read;
            do {
                page.setLong(1, lastKey);
                read = 0;
                try (ResultSet rows = page.executeQuery()) {
                    while (rows.next()) {
                        lastKey = rows.getLong(1);
                        checksum += rows.getInt(2) + rows.getString(3).length() + rows.getBigDecimal(4).scale()
                                + rows.getTimestamp(5).getNanos();
                        read++;
                    }
                }
                rowsRead += read;
            } while (read == pageSize);
        }
        System.out.println("RESULT " + rowsRead + " " + (System.nanoTime() - started) / 1e9 + " checksum=" + checksum);
    }
}
