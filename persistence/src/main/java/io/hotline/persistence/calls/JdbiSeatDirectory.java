package io.hotline.persistence.calls;

import io.hotline.persistence.dao.SeatDao;
import io.hotline.persistence.dao.SeatRow;
import io.hotline.routing.spi.SeatDirectory;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Finds the active seat behind a softphone's dial string. Blocking; thread-safe. */
public final class JdbiSeatDirectory implements SeatDirectory {
    private final Jdbi jdbi;

    public JdbiSeatDirectory(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<String> seatIdForDialString(String dialString) {
        return jdbi.onDemand(SeatDao.class).findBySipEndpoint(dialString).filter(SeatRow::active).map(SeatRow::code);
    }
}
