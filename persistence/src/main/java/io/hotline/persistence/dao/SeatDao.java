package io.hotline.persistence.dao;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jdbi.v3.core.result.RowReducer;
import org.jdbi.v3.core.result.RowView;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.statement.UseRowReducer;

/**
 * Seats and their skills. Routing loads {@link #listActiveWithSkills()} at start; telephony maps an Asterisk
 * endpoint back to its seat with {@link #findBySipEndpoint(String)}. Thread-safe when obtained with
 * {@code Jdbi.onDemand}; confined to its handle's thread when attached.
 */
@RegisterConstructorMapper(SeatRow.class)
public interface SeatDao {

    /** Inserts a seat; returns its id. Fails on a duplicate code or SIP endpoint. */
    @SqlUpdate("INSERT INTO seat (code, name, tier, sip_endpoint, active, created_at)"
            + " VALUES (:code, :name, :tier, :sipEndpoint, :active, :createdAt)")
    @GetGeneratedKeys("id")
    long insert(@BindMethods SeatRow seat);

    /** Gives seats skills, in one batch. Fails if a seat already has one of them. */
    @SqlBatch("INSERT INTO seat_skill (seat_id, skill_id, proficiency) VALUES (:seatId, :skillId, :proficiency)")
    void addSkills(@BindMethods Iterable<SeatSkillRow> skills);

    /** Activates or deactivates a seat; returns whether the seat exists. */
    @SqlUpdate("UPDATE seat SET active = :active WHERE id = :id")
    boolean setActive(@Bind("id") long id, @Bind("active") boolean active);

    /** The seat with this staff code. */
    @SqlQuery("SELECT id, code, name, tier, sip_endpoint, active, created_at FROM seat WHERE code = :code")
    Optional<SeatRow> findByCode(@Bind("code") String code);

    /** The seat whose softphone registers as this endpoint, e.g. {@code PJSIP/1001}. */
    @SqlQuery("SELECT id, code, name, tier, sip_endpoint, active, created_at FROM seat"
            + " WHERE sip_endpoint = :sipEndpoint")
    Optional<SeatRow> findBySipEndpoint(@Bind("sipEndpoint") String sipEndpoint);

    /** Every active seat with its skills (by skill code), by seat code. */
    @SqlQuery("SELECT s.id, s.code, s.name, s.tier, s.sip_endpoint, s.active, s.created_at,"
            + " k.code AS skill_code, ss.proficiency"
            + " FROM seat s"
            + " LEFT JOIN seat_skill ss ON ss.seat_id = s.id"
            + " LEFT JOIN skill k ON k.id = ss.skill_id"
            + " WHERE s.active = TRUE ORDER BY s.code, k.code")
    @UseRowReducer(SkillsReducer.class)
    List<SeatWithSkills> listActiveWithSkills();

    /**
     * Folds the seat x skill join into one {@link SeatWithSkills} per seat. Not API; Jdbi creates one per query,
     * confined to the thread running it.
     */
    final class SkillsReducer implements RowReducer<Map<Long, SkillsReducer.Seat>, SeatWithSkills> {

        @Override
        public Map<Long, Seat> container() {
            return new LinkedHashMap<>();
        }

        @Override
        public void accumulate(Map<Long, Seat> container, RowView row) {
            Seat seat = container.computeIfAbsent(row.getColumn("id", Long.class),
                    id -> new Seat(row.getRow(SeatRow.class)));
            String skill = row.getColumn("skill_code", String.class);
            if (skill != null) {
                seat.skills.put(skill, row.getColumn("proficiency", Integer.class));
            }
        }

        @Override
        public Stream<SeatWithSkills> stream(Map<Long, Seat> container) {
            return container.values().stream().map(seat -> new SeatWithSkills(seat.row, seat.skills));
        }

        /** One seat while its skill rows are gathered; confined to the reducing thread. */
        static final class Seat {
            private final SeatRow row;
            private final Map<String, Integer> skills = new HashMap<>();

            Seat(SeatRow row) {
                this.row = row;
            }
        }
    }
}
