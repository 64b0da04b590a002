package io.hotline.app;

import io.hotline.telephony.agi.FakeAsteriskClient;
import java.util.ArrayList;
import java.util.List;

/** Answers Hotline's FastAGI commands as the recorded Asterisk did, for the app's end-to-end tests. */
final class AgiDialogue {

    private AgiDialogue() {
    }

    /** One FastAGI session with {@code hotline}: sends {@code environment}, answers every command, returns them. */
    static List<String> session(Hotline hotline, String environment, String linkedId) throws Exception {
        try (FakeAsteriskClient client = FakeAsteriskClient.connect(hotline.agiAddress())) {
            client.send(environment);
            return answerAll(client, linkedId);
        }
    }

    /** Answers every command until Hotline ends the session; returns the commands in order. */
    static List<String> answerAll(FakeAsteriskClient asterisk, String linkedId) throws Exception {
        List<String> commands = new ArrayList<>();
        String command;
        while ((command = asterisk.readCommand()) != null) {
            commands.add(command);
            asterisk.send(reply(command, linkedId));
        }
        return commands;
    }

    /** Asterisk's reply to {@code command} on a channel whose linkedid is {@code linkedId}. */
    static String reply(String command, String linkedId) {
        if (command.equals("GET VARIABLE CHANNEL(linkedid)")) {
            return "200 result=1 (" + linkedId + ")\n";
        }
        if (command.equals("CHANNEL STATUS")) {
            // recording 18: the feature code's channel is up (6) once the dialplan answered it
            return "200 result=6\n";
        }
        if (command.startsWith("STREAM FILE")) {
            return "200 result=0 endpos=16000\n";
        }
        return command.startsWith("SET MUSIC") ? "200 result=0\n" : "200 result=1\n";
    }
}
