using System.CommandLine;
using System.Globalization;
using MoltBot.Channels.Pairing;
using MoltBot.Configuration;
using MoltBot.Security.Audit;
using MoltBot.Storage;

namespace MoltBot.Cli;

/// <summary><c>moltbot pairing list|approve</c>: the owner's side of DM pairing. Works while the gateway runs (shared store).</summary>
internal static class PairingCommand
{
    public static Command Create()
    {
        var list = new Command("list", "Show pending pairing requests (channel, sender, code, expiry).");
        list.SetAction(_ => WithStore((store, _) => List(store, Console.Out)));

        var channel = new Argument<string>("channel") { Description = "Channel name, e.g. discord or telegram." };
        var code = new Argument<string>("code") { Description = "The code the sender received." };
        var approve = new Command("approve", "Approve the sender holding a pairing code.") { channel, code };
        approve.SetAction(parse => WithStore((store, audit) => Approve(store, parse.GetRequiredValue(channel), parse.GetRequiredValue(code), Console.Out, Console.Error, audit)));

        return new Command("pairing", "Approve people who messaged the assistant directly (DM pairing).") { list, approve };
    }

    public static int List(PairingStore store, TextWriter output)
    {
        var pending = store.ListPending();
        if (pending.Count == 0)
        {
            output.WriteLine("No pending pairing requests.");
            return 0;
        }
        output.WriteLine($"{"CHANNEL",-10} {"SENDER",-22} {"CODE",-9} EXPIRES (UTC)");
        foreach (var request in pending)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{request.Channel,-10} {request.SenderId,-22} {request.Code,-9} {request.ExpiresAt:yyyy-MM-dd HH:mm}"));
        }
        return 0;
    }

    public static int Approve(PairingStore store, string channel, string code, TextWriter output, TextWriter error, IAuditLog? audit = null)
    {
        if (store.Approve(channel, code) is { } approved)
        {
            audit?.Record(new AuditEvent(AuditEventTypes.PairingApproved, CliAuditLog.Actor, Detail: $"{channel} sender {approved.SenderId}"));
            output.WriteLine($"Approved {approved.SenderId} on {channel}. Their next message goes to the assistant.");
            return 0;
        }
        error.WriteLine($"No pending request on '{channel}' has code '{code}'. Codes expire after an hour; `moltbot pairing list` shows the valid ones.");
        return 1;
    }

    private static int WithStore(Func<PairingStore, IAuditLog, int> action)
    {
        if (CliContext.TryLoad(null, Console.Error) is not { } loaded)
        {
            return CliContext.ConfigErrorExitCode;
        }
        var database = new SqliteDatabase(loaded.Paths.DatabasePath);
        return action(new PairingStore(database, TimeProvider.System), CliAuditLog.Open(loaded, database, TimeProvider.System, Console.Error));
    }
}
