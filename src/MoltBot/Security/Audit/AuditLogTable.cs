using MoltBot.Security.Redaction;
using MoltBot.Storage;

namespace MoltBot.Security.Audit;

/// <summary>The one INSERT into <c>audit_log</c> (migration 4), shared by the gateway's batched writer and short-lived CLI commands.</summary>
internal static class AuditLogTable
{
    /// <summary>Appends the events in one transaction; actor and detail pass through <paramref name="redactor"/> first.</summary>
    public static void Append(SqliteDatabase database, ISecretRedactor redactor, IReadOnlyList<PendingAuditEvent> events)
    {
        if (events.Count == 0)
        {
            return;
        }
        using var connection = database.Open();
        using var tx = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = "INSERT INTO audit_log(at, type, actor, address, detail) VALUES ($at, $type, $actor, $address, $detail);";
        var at = insert.Parameters.Add("$at", Microsoft.Data.Sqlite.SqliteType.Integer);
        var type = insert.Parameters.Add("$type", Microsoft.Data.Sqlite.SqliteType.Text);
        var actor = insert.Parameters.Add("$actor", Microsoft.Data.Sqlite.SqliteType.Text);
        var address = insert.Parameters.Add("$address", Microsoft.Data.Sqlite.SqliteType.Text);
        var detail = insert.Parameters.Add("$detail", Microsoft.Data.Sqlite.SqliteType.Text);
        foreach (var (when, e) in events)
        {
            at.Value = when.ToUnixTimeMilliseconds();
            type.Value = e.Type;
            actor.Value = Redacted(redactor, e.Actor);
            address.Value = (object?)e.Address ?? DBNull.Value;
            detail.Value = Redacted(redactor, e.Detail);
            insert.ExecuteNonQuery();
        }
        tx.Commit();
    }

    private static object Redacted(ISecretRedactor redactor, string? text) => text is null ? DBNull.Value : redactor.Redact(text);
}
