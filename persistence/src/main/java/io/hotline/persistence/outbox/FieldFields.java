package io.hotline.persistence.outbox;

import io.hotline.routing.desk.Actor;
import io.hotline.routing.desk.ActorKind;
import io.hotline.routing.field.BranchChoice;
import io.hotline.routing.field.DispatchLeg;
import io.hotline.routing.field.DispatchState;
import io.hotline.routing.field.FieldScore;
import io.hotline.routing.field.FieldStep;
import io.hotline.routing.field.FollowUp;
import io.hotline.routing.field.GeoPoint;
import io.hotline.routing.field.Site;
import io.hotline.routing.field.StoredDispatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Writes the field leg's stored forms ({@link StoredDispatch}, {@link FieldStep}) as fields of a journal line and
 * reads them back equal: instants to the millisecond, coordinates and distances as Java writes a double (so they
 * read back the same double). Also the ranking as one text, {@code CODE:km:load;CODE:km:load}, as the line and
 * {@code field_dispatch.ranking} keep it. Stateless.
 */
final class FieldFields {

    private FieldFields() {
    }

    static void write(JournalLine.Writer line, StoredDispatch dispatch) {
        Site site = dispatch.site();
        GeoPoint location = site.location();
        line.number(dispatch.workOrderId()).text(site.address())
                .text(location == null ? null : Double.toString(location.latitude()))
                .text(location == null ? null : Double.toString(location.longitude())).text(site.region())
                .text(dispatch.productLine()).text(dispatch.contactNumber()).value(dispatch.state())
                .instant(dispatch.openedAt()).text(ranking(dispatch.ranking()))
                .number((long) dispatch.legs().size());
        for (DispatchLeg leg : dispatch.legs()) {
            line.number((long) leg.number()).text(leg.branchCode()).text(Double.toString(leg.distanceKm()))
                    .instant(leg.sentAt()).instant(leg.ackDueAt()).optionalInstant(leg.acknowledgedAt())
                    .optionalInstant(leg.expiredAt());
        }
        line.text(dispatch.engineerCode()).optionalInstant(dispatch.assignDueAt())
                .optionalInstant(dispatch.assignedAt()).optionalInstant(dispatch.appointmentAt())
                .optionalInstant(dispatch.arrivedAt()).optionalInstant(dispatch.completedAt())
                .text(dispatch.completionNote());
        FollowUp followUp = dispatch.followUp();
        if (followUp == null) {
            line.optionalInstant(null);
        } else {
            line.instant(followUp.dueAt()).number((long) followUp.attempts()).number(number(followUp.satisfaction()))
                    .text(followUp.comment()).optionalInstant(followUp.recordedAt()).text(followUp.recordedBy());
        }
        FieldScore score = dispatch.score();
        if (score == null) {
            line.number(null);
        } else {
            line.number((long) score.total()).number(number(score.satisfaction()))
                    .number((long) score.punctuality()).number((long) score.deadlines());
        }
        line.optionalInstant(dispatch.closedAt()).number((long) dispatch.fired()).number((long) dispatch.steps());
    }

    static StoredDispatch readDispatch(JournalLine.Reader line) {
        long id = line.number();
        String address = line.text();
        String latitude = line.text();
        String longitude = line.text();
        Site site = new Site(address, latitude == null ? null
                : new GeoPoint(Double.parseDouble(latitude), Double.parseDouble(longitude)), line.text());
        String productLine = line.text();
        String contact = line.text();
        DispatchState state = line.value(DispatchState.class);
        Instant openedAt = line.instant();
        List<BranchChoice> ranking = ranking(line.text());
        int legCount = Math.toIntExact(line.number());
        List<DispatchLeg> legs = new ArrayList<>(legCount);
        for (int i = 0; i < legCount; i++) {
            legs.add(new DispatchLeg(Math.toIntExact(line.number()), line.text(), Double.parseDouble(line.text()),
                    line.instant(), line.instant(), line.optionalInstant(), line.optionalInstant()));
        }
        String engineer = line.text();
        Instant assignDueAt = line.optionalInstant();
        Instant assignedAt = line.optionalInstant();
        Instant appointmentAt = line.optionalInstant();
        Instant arrivedAt = line.optionalInstant();
        Instant completedAt = line.optionalInstant();
        String note = line.text();
        Instant followUpDue = line.optionalInstant();
        FollowUp followUp = followUpDue == null ? null : new FollowUp(followUpDue, Math.toIntExact(line.number()),
                integer(line.number()), line.text(), line.optionalInstant(), line.text());
        Long total = line.number();
        FieldScore score = total == null ? null : new FieldScore(Math.toIntExact(total), integer(line.number()),
                Math.toIntExact(line.number()), Math.toIntExact(line.number()));
        return new StoredDispatch(id, site, productLine, contact, state, openedAt, ranking, legs, engineer,
                assignDueAt, assignedAt, appointmentAt, arrivedAt, completedAt, note, followUp, score,
                line.optionalInstant(), Math.toIntExact(line.number()), Math.toIntExact(line.number()));
    }

    static void write(JournalLine.Writer line, FieldStep step) {
        line.number(step.workOrderId()).number((long) step.sequence()).instant(step.at())
                .value(step.actor().kind()).text(step.actor().id()).text(step.step()).text(step.detail());
    }

    static FieldStep readStep(JournalLine.Reader line) {
        return new FieldStep(line.number(), Math.toIntExact(line.number()), line.instant(),
                new Actor(line.value(ActorKind.class), line.text()), line.text(), line.text());
    }

    /**
     * The ranking as one text: {@code CODE:km:load} per branch, {@code ;} between; empty for none. A code's own
     * {@code %}, {@code :} and {@code ;} are written {@code %25}, {@code %3A} and {@code %3B}.
     */
    static String ranking(List<BranchChoice> ranking) {
        StringJoiner text = new StringJoiner(";");
        for (BranchChoice choice : ranking) {
            text.add(escape(choice.branchCode()) + ":" + choice.distanceKm() + ":" + choice.openLoad());
        }
        return text.toString();
    }

    /** The ranking {@link #ranking(List)} wrote. */
    static List<BranchChoice> ranking(String text) {
        List<BranchChoice> ranking = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return ranking;
        }
        for (String part : text.split(";")) {
            String[] fields = part.split(":", -1);
            if (fields.length != 3) {
                throw new IllegalArgumentException("not a ranked branch (CODE:km:load): " + part);
            }
            ranking.add(new BranchChoice(unescape(fields[0]), Double.parseDouble(fields[1]),
                    Integer.parseInt(fields[2])));
        }
        return ranking;
    }

    private static String escape(String code) {
        return code.replace("%", "%25").replace(":", "%3A").replace(";", "%3B");
    }

    private static String unescape(String code) {
        return code.replace("%3B", ";").replace("%3A", ":").replace("%25", "%");
    }

    private static Long number(Integer value) {
        return value == null ? null : value.longValue();
    }

    private static Integer integer(Long value) {
        return value == null ? null : Math.toIntExact(value);
    }
}
