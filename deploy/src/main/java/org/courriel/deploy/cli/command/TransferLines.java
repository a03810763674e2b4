package org.courriel.deploy.cli.command;

import java.util.ArrayList;
import java.util.List;

import org.courriel.store.transfer.TransferReport;

/** The text form of an export or import report: one line per folder, the warnings, a total. */
final class TransferLines {

    private TransferLines() {
    }

    static List<String> of(TransferReport r, String verb) {
        List<String> lines = new ArrayList<>();
        for (TransferReport.Folder f : r.folders()) {
            lines.add("  " + f.name() + ": " + f.messages() + " messages"
                    + (f.alreadyThere() > 0 ? ", " + f.alreadyThere() + " already there" : ""));
        }
        r.warnings().forEach(w -> lines.add("  warning: " + w));
        lines.add(r.account() + ": " + r.messages() + " messages in " + r.folders().size() + " folders " + verb
                + " (" + r.format() + ", " + r.path() + ")"
                + (r.alreadyThere() > 0 ? ", " + r.alreadyThere() + " already there" : ""));
        return lines;
    }
}
