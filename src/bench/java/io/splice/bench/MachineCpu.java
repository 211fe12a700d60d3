package io.splice.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** How busy the whole machine was between two readings of /proc/stat (every process, every user). */
record MachineCpu(long busy, long total) {

    static MachineCpu now() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            long idle = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                long value = Long.parseLong(fields[i]);
                total += value;
                // idle and iowait
                if (i == 4 || i == 5) {
                    idle += value;
                }
            }
            return new MachineCpu(total - idle, total);
        } catch (IOException e) {
            return new MachineCpu(0, 0);
        }
    }

    double busySince(MachineCpu earlier) {
        long total = this.total - earlier.total;
        return total == 0 ? Double.NaN : (double) (busy - earlier.busy) / total;
    }
}
