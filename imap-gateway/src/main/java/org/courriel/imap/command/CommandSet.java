package org.courriel.imap.command;

import java.util.List;

import org.courriel.imap.config.ImapProperties;
import org.courriel.imap.fetch.FetchCommand;
import org.courriel.imap.metadata.GetMetadataCommand;
import org.courriel.imap.metadata.SetMetadataCommand;
import org.courriel.imap.notify.NotifyCommand;
import org.courriel.imap.session.ImapCommand;

/** Every command the server knows, in the order of RFC 9051 §6: the place to start reading. */
public final class CommandSet {

    private CommandSet() {
    }

    public static List<ImapCommand<?>> all(ImapProperties properties) {
        SearchParser.Limits search = new SearchParser.Limits(properties.maxSearchDepth(), properties.maxSearchKeys());
        return List.of(
                // §6.1 any state
                new CapabilityCommand(), new NoopCommand("NOOP"), new LogoutCommand(), new IdCommand(),
                // §6.2 not authenticated
                new StartTlsCommand(), new AuthenticateCommand(), new LoginCommand(),
                // §6.3 authenticated
                new EnableCommand(), new CompressCommand(), new SelectCommand(false), new SelectCommand(true), new CreateCommand(),
                new DeleteCommand(), new RenameCommand(), new SubscribeCommand(true), new SubscribeCommand(false),
                new ListCommand(false), new ListCommand(true), new NamespaceCommand(), new StatusCommand(),
                new AppendCommand(), new IdleCommand(),
                new QuotaCommand(QuotaCommand.Kind.GETQUOTA), new QuotaCommand(QuotaCommand.Kind.GETQUOTAROOT),
                new QuotaCommand(QuotaCommand.Kind.SETQUOTA),
                // RFC 5464 METADATA
                new GetMetadataCommand(), new SetMetadataCommand(),
                // RFC 5465 NOTIFY
                new NotifyCommand(),
                // RFC 4314 §3 access control
                new SetAclCommand(), new DeleteAclCommand(), new GetAclCommand(), new ListRightsCommand(),
                new MyRightsCommand(),
                // §6.4 selected
                new NoopCommand("CHECK"), new CloseCommand(true), new CloseCommand(false),
                new ExpungeCommand(false), new ExpungeCommand(true),
                new SearchCommand(false, search), new SearchCommand(true, search),
                new SortCommand(false, search), new SortCommand(true, search), new CancelUpdateCommand(),
                new ThreadCommand(false, search), new ThreadCommand(true, search),
                new FetchCommand(false), new FetchCommand(true),
                new StoreCommand(false), new StoreCommand(true),
                new CopyCommand(false, false), new CopyCommand(false, true),
                new CopyCommand(true, false), new CopyCommand(true, true));
    }
}
