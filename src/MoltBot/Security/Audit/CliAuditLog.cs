using Microsoft.Data.Sqlite;
using MoltBot.Configuration;
using MoltBot.Security.Redaction;
using MoltBot.Storage;

namespace MoltBot.Security.Audit;

/// <summary>
/// The audit log for CLI commands that change things (<c>config set</c>, <c>pairing approve</c>): a short-lived process
/// has no background writer to hand off to, so each event is written at once into the same table the gateway uses.
/// A failed write is reported on <paramref name="error"/> but never fails the command that already did its work.
/// </summary>
internal sealed class CliAuditLog(SqliteDatabase database, ISecretRedactor redactor, TimeProvider timeProvider, TextWriter error) : IAuditLog
{
    /// <summary>Who acts from the command line: the OS user running it.</summary>
    public static string Actor => "cli:" + Environment.UserName;

    /// <summary>Writes into <paramref name="paths"/>' database, redacting every secret <paramref name="environment"/> and the config file know.</summary>
    public static CliAuditLog Open(MoltBotPaths paths, IReadOnlyDictionary<string, string?> environment, TimeProvider timeProvider, TextWriter error) =>
        new(new SqliteDatabase(paths.DatabasePath), new KnownSecretsRedactor(KnownSecrets(environment)), timeProvider, error);

    /// <summary>Writes into <paramref name="database"/>, redacting the secrets of <paramref name="loaded"/>.</summary>
    public static CliAuditLog Open(LoadedConfig loaded, SqliteDatabase database, TimeProvider timeProvider, TextWriter error) =>
        new(database, new KnownSecretsRedactor(Secrets(loaded)), timeProvider, error);

    public void Record(AuditEvent auditEvent)
    {
        try
        {
            AuditLogTable.Append(database, redactor, [new PendingAuditEvent(timeProvider.GetUtcNow(), auditEvent)]);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"warning: could not write the audit log ({database.Path}): {ex.Message}");
        }
    }

    private static List<string> KnownSecrets(IReadOnlyDictionary<string, string?> environment)
    {
        try
        {
            return Secrets(ConfigLoader.Load(new ConfigLoadRequest(environment, new Dictionary<string, string>())));
        }
        catch (ConfigException)
        {
            return []; // an invalid config has no secrets we could know; details never carry values anyway
        }
    }

    private static List<string> Secrets(LoadedConfig loaded) => [.. MoltBot.Security.Secrets.ConfigSecrets.Values(loaded.Config)];
}
