package io.hotline.persistence.dao;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The seats' last states, as the routing journal keeps them, read at start to restore them into routing.
 * Thread-safe when obtained with {@code Jdbi.onDemand}; confined to its handle's thread when attached.
 */
@RegisterConstructorMapper(SeatStateRow.class)
public interface SeatStateDao {

    /** The last state of every active seat that has one, by seat code. */
    @SqlQuery("SELECT s.code AS seat_code, st.state, st.reason, st.since FROM seat_state st"
            + " JOIN seat s ON s.id = st.seat_id WHERE s.active = TRUE ORDER BY s.code")
    List<SeatStateRow> listActive();
}
