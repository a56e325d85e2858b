using System.Globalization;
using System.Text;
using System.Text.Json;
using MoltBot.Security.Audit;

namespace MoltBot.Cli;

/// <summary>
/// <c>moltbot audit tail</c>: the newest audit events as aligned columns (local time, ISO 8601) or JSON lines, optionally
/// following new rows by polling the database (read-only) until cancelled.
/// </summary>
internal static class AuditTail
{
    public static async Task<int> RunAsync(AuditTailOptions options, CliHost host, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (options.Lines < 0)
        {
            await error.WriteLineAsync($"audit tail: -n must be 0 or more, not {options.Lines}.");
            return 1;
        }
        DateTimeOffset? since = null;
        if (options.Since is { } sinceText)
        {
            if (!CliDuration.TryParseSince(sinceText, host.Time.GetUtcNow(), out var parsed))
            {
                await error.WriteLineAsync($"audit tail: --since '{sinceText}' is not a duration (30s, 15m, 1h, 7d) or an ISO 8601 time.");
                return 1;
            }
            since = parsed;
        }
        var filter = new AuditLogFilter(options.Type, since);
        var paths = Configuration.MoltBotPaths.Resolve(host.Environment);

        using var reader = AuditLogReader.TryOpen(paths.DatabasePath);
        if (reader is null || !reader.HasLog())
        {
            await error.WriteLineAsync(reader is null
                ? $"No audit log yet: {paths.DatabasePath} does not exist. The gateway creates it on its first start (`moltbot gateway`)."
                : $"No audit log yet in {paths.DatabasePath}: the gateway adds it on its next start.");
            return 0;
        }

        var lastId = reader.LastId();
        var rows = reader.Last(filter, options.Lines);
        var table = new AuditTable(rows, host.Time.LocalTimeZone);
        if (!options.Json)
        {
            await output.WriteLineAsync(table.Header());
        }
        await WriteAsync(rows, options.Json, table, output);
        if (!options.Follow)
        {
            return 0;
        }

        lastId = Math.Max(lastId, rows.Count == 0 ? 0 : rows[^1].Id);
        while (true)
        {
            try
            {
                await Task.Delay(AuditTailOptions.PollInterval, host.Time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return 0;
            }
            var fresh = reader.After(lastId, filter);
            await WriteAsync(fresh, options.Json, table, output);
            lastId = fresh.Count == 0 ? lastId : fresh[^1].Id;
        }
    }

    private static async Task WriteAsync(IReadOnlyList<AuditLogEntry> rows, bool json, AuditTable table, TextWriter output)
    {
        foreach (var row in rows)
        {
            await output.WriteLineAsync(json ? Json(row) : table.Row(row));
        }
        await output.FlushAsync();
    }

    private static string Json(AuditLogEntry row) => JsonSerializer.Serialize(
        new AuditLogEntryJson(row.Id, row.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture), row.Type, row.Actor, row.Address, row.Detail),
        AuditJsonContext.Default.AuditLogEntryJson);

    /// <summary>Column widths from the first page (new rows under <c>--follow</c> reuse them); text is made safe for a terminal.</summary>
    private sealed class AuditTable(IReadOnlyList<AuditLogEntry> rows, TimeZoneInfo zone)
    {
        private readonly int _type = Width(rows.Select(r => r.Type), "TYPE", 14);
        private readonly int _actor = Width(rows.Select(r => r.Actor), "ACTOR", 10);
        private readonly int _address = Width(rows.Select(r => r.Address), "ADDRESS", 15);

        public string Header() => $"{"TIME",-25}  {"TYPE".PadRight(_type)}  {"ACTOR".PadRight(_actor)}  {"ADDRESS".PadRight(_address)}  DETAIL";

        public string Row(AuditLogEntry row)
        {
            var time = TimeZoneInfo.ConvertTime(row.At, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
            return $"{time,-25}  {Safe(row.Type).PadRight(_type)}  {Safe(row.Actor).PadRight(_actor)}  {Safe(row.Address).PadRight(_address)}  {Safe(row.Detail)}".TrimEnd();
        }

        private static int Width(IEnumerable<string?> values, string header, int minimum) =>
            Math.Max(minimum, values.Select(v => Safe(v).Length).Append(header.Length).Max());

        // Details can carry text from strangers (sender names, commands): no control characters reach the terminal.
        private static string Safe(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return "-";
            }
            var sb = new StringBuilder(text.Length);
            foreach (var c in text)
            {
                sb.Append(char.IsControl(c) ? ' ' : c);
            }
            return sb.ToString();
        }
    }
}
