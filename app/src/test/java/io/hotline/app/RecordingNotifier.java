package io.hotline.app;

import io.hotline.routing.desk.DeskCommand;
import io.hotline.routing.spi.Notifier;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A fake of {@link Notifier} that keeps what it was told, in order. Thread-safe. */
final class RecordingNotifier implements Notifier {
    final List<DeskCommand> told = new CopyOnWriteArrayList<>();

    @Override
    public void workOrderOpened(DeskCommand.WorkOrderOpened opened) {
        told.add(opened);
    }

    @Override
    public void workOrderChanged(DeskCommand.WorkOrderChanged changed) {
        told.add(changed);
    }

    @Override
    public void clockWarning(DeskCommand.ClockWarning warning) {
        told.add(warning);
    }

    @Override
    public void refused(DeskCommand.Refused refused) {
        told.add(refused);
    }

    /** The warnings told, in order. */
    List<DeskCommand.ClockWarning> warnings() {
        return told.stream().filter(DeskCommand.ClockWarning.class::isInstance)
                .map(DeskCommand.ClockWarning.class::cast).toList();
    }
}
